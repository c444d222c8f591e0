package dev.iamatlas.app.scan;

import dev.iamatlas.model.snapshot.ScanGap;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * The shared state of one scan: the work lanes (one small thread pool per service, region and quota, so that no
 * quota waits behind another), outstanding steps, gaps, progress and cancellation, and {@link #call}, which turns
 * every failure into a gap or a clear outcome. Collectors get one and submit their steps to it.
 */
final class ScanContext {
    private static final System.Logger LOG = System.getLogger(ScanContext.class.getName());
    /** After this many AccessDenied answers, and no success, an operation is not tried again in that region. */
    private static final int DENIED_BEFORE_GIVING_UP = 5;

    final CancellationToken cancellation;
    final ApiCallCounter counter;
    final ProgressTracker progress = new ProgressTracker();
    private final ScanListener listener;
    private final int threadsPerLane;
    private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
    private final List<ScanGap> gaps = new ArrayList<>();
    private final Map<String, Denials> denials = new ConcurrentHashMap<>();
    private final Object quiet = new Object();
    private int pending;
    private volatile boolean stopping;

    ScanContext(CancellationToken cancellation, ApiCallCounter counter, ScanListener listener, int threadsPerLane) {
        this.cancellation = cancellation;
        this.counter = counter;
        this.listener = listener;
        this.threadsPerLane = threadsPerLane;
    }

    /** The outcome of one API call. */
    enum Outcome { OK, NOT_FOUND, UNSUPPORTED, FAILED, CANCELLED }

    /** A value, or why there is none. */
    record Result<T>(Outcome outcome, T value, Throwable error) {
        boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    /** The listener this scan reports to. */
    ScanListener listener() {
        return listener;
    }

    boolean cancelled() {
        return stopping || cancellation.isCancelled();
    }

    /**
     * Runs {@code step} on the lane of (service, region, lane). The step counts towards that service's progress;
     * an unexpected exception in it becomes a gap instead of being lost.
     */
    void submit(String service, String region, String lane, Runnable step) {
        if (cancelled()) {
            return;
        }
        progress.stepAdded(service, region);
        synchronized (quiet) {
            pending++;
        }
        Runnable wrapped = () -> {
            try {
                if (!cancelled()) {
                    step.run();
                }
            } catch (AbortedException cancelledWhileRunning) {
                LOG.log(Level.DEBUG, "step cancelled: {0}", cancelledWhileRunning.getMessage());
            } catch (RuntimeException | Error bug) {
                LOG.log(Level.WARNING, "unexpected error in the " + service + " " + region + " scan", bug);
                gap(new ScanGap(service, region, "scan", null, bug.getClass().getSimpleName(),
                        "unexpected error: " + bug.getMessage()));
            } finally {
                if (!cancelled()) {
                    // A step that ends while the scan is cancelled may have given up half-way: it stays "not done",
                    // so its service is reported unfinished and gets a gap.
                    progress.stepDone(service, region);
                }
                synchronized (quiet) {
                    pending--;
                    if (pending == 0) {
                        quiet.notifyAll();
                    }
                }
            }
        };
        try {
            lane(service, region, lane).execute(wrapped);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            synchronized (quiet) {
                pending--;
                quiet.notifyAll();
            }
        }
    }

    /**
     * Makes one API call (the SDK retries transient failures inside it). Denied, failed and unsupported calls are
     * recorded as gaps; "not found" is returned without a gap, for the caller to decide what absence means.
     */
    <T> Result<T> call(String service, String region, String operation, String resource, Supplier<T> call) {
        Result<T> result = tryCall(service, region, operation, resource, call);
        if (result.outcome() == Outcome.FAILED || result.outcome() == Outcome.UNSUPPORTED) {
            gapFor(service, region, operation, resource, result.error());
        }
        return result;
    }

    /** As {@link #call}, but records no gap: the caller handles every outcome. */
    <T> Result<T> tryCall(String service, String region, String operation, String resource, Supplier<T> call) {
        if (cancelled()) {
            return new Result<>(Outcome.CANCELLED, null, null);
        }
        Denials denied = denials.computeIfAbsent(service + " " + region + " " + operation, k -> new Denials());
        String deniedCode = denied.givenUp();
        if (deniedCode != null) {
            return new Result<>(Outcome.FAILED, null, new SkippedAfterDenials(operation, deniedCode));
        }
        try {
            T value = call.get();
            denied.allowed();
            return new Result<>(Outcome.OK, value, null);
        } catch (AbortedException e) {
            return new Result<>(Outcome.CANCELLED, null, e);
        } catch (RuntimeException e) {
            if (cancelled() || Thread.currentThread().isInterrupted()) {
                return new Result<>(Outcome.CANCELLED, null, e);
            }
            if (AwsErrors.isNotFound(e)) {
                return new Result<>(Outcome.NOT_FOUND, null, e);
            }
            if (AwsErrors.isUnsupportedOperation(e)) {
                return new Result<>(Outcome.UNSUPPORTED, null, e);
            }
            if (AwsErrors.isAccessDenied(e)) {
                denied.denied(AwsErrors.code(e));
            }
            return new Result<>(Outcome.FAILED, null, e);
        }
    }

    /** Records the gap for a failed call. */
    void gapFor(String service, String region, String operation, String resource, Throwable error) {
        String code = error instanceof SkippedAfterDenials skipped ? skipped.code : AwsErrors.code(error);
        String message = AwsErrors.message(error);
        if (AwsErrors.isRegionNotEnabled(error) && !"global".equals(region)) {
            message = "the region may not be enabled for this account (" + message + ")";
        } else if (AwsErrors.isUnsupportedOperation(error)) {
            message = "the endpoint does not support this operation (" + message + ")";
        }
        gap(new ScanGap(service, region, operation, resource, code, message));
    }

    void gap(ScanGap gap) {
        synchronized (gaps) {
            gaps.add(gap);
        }
        LOG.log(Level.DEBUG, "gap: {0}", gap.describe());
        listener.gap(gap);
    }

    int gapCount() {
        synchronized (gaps) {
            return gaps.size();
        }
    }

    /** The gaps, sorted so that two scans of the same account list them in the same order. */
    List<ScanGap> gaps() {
        synchronized (gaps) {
            List<ScanGap> sorted = new ArrayList<>(gaps);
            sorted.sort(Comparator.comparing(ScanGap::service)
                    .thenComparing(g -> String.valueOf(g.region()))
                    .thenComparing(ScanGap::operation)
                    .thenComparing(g -> String.valueOf(g.resource()))
                    .thenComparing(g -> String.valueOf(g.errorCode())));
            return sorted;
        }
    }

    /**
     * Waits until every submitted step has finished, or the scan is cancelled.
     *
     * @param poll how often to look at the cancellation token
     * @return true when all work finished, false when cancelled
     */
    boolean awaitAll(Duration poll) throws InterruptedException {
        synchronized (quiet) {
            while (pending > 0) {
                if (cancellation.isCancelled()) {
                    return false;
                }
                quiet.wait(Math.max(1, poll.toMillis()));
            }
        }
        return !cancellation.isCancelled();
    }

    /** Stops all lanes: running calls are interrupted, queued steps dropped. Waits briefly for them to end. */
    void stop(Duration grace) {
        stopping = true;
        lanes.values().forEach(ExecutorService::shutdownNow);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ExecutorService lane : lanes.values()) {
            try {
                lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ExecutorService lane(String service, String region, String lane) {
        return lanes.computeIfAbsent(service + "/" + region + "/" + lane, name -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threadsPerLane, threadsPerLane, 2, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), threads("iam-atlas-scan-" + name));
            pool.allowCoreThreadTimeOut(true);
            return pool;
        });
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Counts the AccessDenied answers and successes of one operation in one region. */
    private static final class Denials {
        private int denied;
        private int allowed;
        private String code;

        synchronized void denied(String errorCode) {
            denied++;
            code = errorCode;
        }

        synchronized void allowed() {
            allowed++;
        }

        /** The denial's error code once the operation is no longer worth trying, else null. */
        synchronized String givenUp() {
            return denied >= DENIED_BEFORE_GIVING_UP && allowed == 0 ? code : null;
        }
    }

    /** Stands in for a call not made because the same operation was denied repeatedly in this region. */
    static final class SkippedAfterDenials extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;

        SkippedAfterDenials(String operation, String code) {
            super("not tried: " + operation + " was denied " + DENIED_BEFORE_GIVING_UP
                    + " times in this region and never allowed");
            this.code = code;
        }
    }
}
