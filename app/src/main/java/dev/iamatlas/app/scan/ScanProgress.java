package dev.iamatlas.app.scan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A picture of a running scan.
 *
 * @param services one entry per service and region (IAM, STS and Organizations have region {@code global})
 * @param fraction 0 to 1, never decreasing; 1 only when the scan has finished everything (a cancelled scan's
 *     last report keeps the fraction it reached)
 * @param apiCalls HTTP calls made so far, retries included
 * @param gaps how many gaps were recorded so far
 * @param elapsed time since the scan started
 * @param finished true in the last report of a scan (finished or cancelled)
 */
public record ScanProgress(
        List<ServiceProgress> services,
        double fraction,
        long apiCalls,
        int gaps,
        Duration elapsed,
        boolean finished) {

    public ScanProgress {
        services = List.copyOf(services);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Progress of one service in one region. Work is counted in steps (mostly one API call each, retries not
     * counted); {@code total} grows while listings discover resources, so {@code done/total} is only a guide until
     * {@code finished}.
     *
     * @param service such as {@code lambda}
     * @param region such as {@code eu-west-1}, or {@code global}
     * @param found resources found so far (functions, APIs, users and roles, organization levels)
     * @param done steps finished
     * @param total steps known so far
     * @param finished whether every step of this service and region is done
     */
    public record ServiceProgress(
            String service,
            String region,
            long found,
            long done,
            long total,
            boolean finished) {

        /** One line, such as {@code lambda eu-west-1: 120 found, 240/300}. */
        public String describe() {
            return service + " " + region + ": " + found + " found, " + done + "/" + total + (finished ? " done" : "");
        }
    }
}
