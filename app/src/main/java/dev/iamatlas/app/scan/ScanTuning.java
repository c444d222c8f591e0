package dev.iamatlas.app.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the scanner pushes: pacing, retries and timeouts. {@link #DEFAULTS} paces every (service, region, quota)
 * at the rate AWS documents and retries transient failures patiently; tests and benchmarks against a local
 * endpoint scale the rates up and the delays down.
 *
 * @param rateScale multiplies every documented rate and burst (1 = AWS's published quotas)
 * @param maxAttempts attempts per API call, the first one included, before a transient failure becomes a gap
 * @param backoffBase first retry delay after a 5xx or a network error (exponential, full jitter)
 * @param backoffMax the longest delay before retrying a 5xx or a network error
 * @param throttleBackoffBase first retry delay after a throttling answer (exponential, full jitter)
 * @param throttleBackoffMax the longest delay before retrying a throttled call
 * @param attemptTimeout the longest one attempt may take (a slower answer is retried)
 * @param connectTimeout the longest a TCP connection may take to open
 * @param threadsPerLane threads per (service, region, quota) lane; enough to keep each quota busy despite latency
 */
public record ScanTuning(
        double rateScale,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration throttleBackoffBase,
        Duration throttleBackoffMax,
        Duration attemptTimeout,
        Duration connectTimeout,
        int threadsPerLane) {

    /**
     * AWS's documented rates; 15 attempts; 5xx and network errors retried after 0.1 s doubling up to 2 s (a failure
     * that persists costs about 15 s before it becomes a gap), throttling after 0.5 s doubling up to 20 s; 30 s per
     * attempt.
     */
    public static final ScanTuning DEFAULTS = new ScanTuning(1.0, 15, Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(10), 6);

    public ScanTuning {
        if (!(rateScale > 0) || Double.isInfinite(rateScale)) {
            throw new IllegalArgumentException("rateScale must be a positive number, not " + rateScale);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (threadsPerLane < 1) {
            throw new IllegalArgumentException("threadsPerLane must be at least 1, not " + threadsPerLane);
        }
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(throttleBackoffBase, "throttleBackoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(throttleBackoffMax, "throttleBackoffMax");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    public ScanTuning withRateScale(double value) {
        return new ScanTuning(value, maxAttempts, backoffBase, backoffMax, throttleBackoffBase, throttleBackoffMax,
                attemptTimeout, connectTimeout, threadsPerLane);
    }

    public ScanTuning withMaxAttempts(int value) {
        return new ScanTuning(rateScale, value, backoffBase, backoffMax, throttleBackoffBase, throttleBackoffMax,
                attemptTimeout, connectTimeout, threadsPerLane);
    }

    /** The same retry schedule shape with other delays (tests use milliseconds): {@code max} caps both kinds. */
    public ScanTuning withBackoff(Duration base, Duration throttleBase, Duration max) {
        return new ScanTuning(rateScale, maxAttempts, base, max, throttleBase, max, attemptTimeout, connectTimeout,
                threadsPerLane);
    }

    public ScanTuning withAttemptTimeout(Duration value) {
        return new ScanTuning(rateScale, maxAttempts, backoffBase, backoffMax, throttleBackoffBase,
                throttleBackoffMax, value, connectTimeout, threadsPerLane);
    }

    public ScanTuning withThreadsPerLane(int value) {
        return new ScanTuning(rateScale, maxAttempts, backoffBase, backoffMax, throttleBackoffBase,
                throttleBackoffMax, attemptTimeout, connectTimeout, value);
    }
}
