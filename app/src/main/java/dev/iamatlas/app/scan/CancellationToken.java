package dev.iamatlas.app.scan;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Lets a caller stop a running scan. The scan checks it before every call and keeps what it already gathered
 * (the snapshot is then marked incomplete). Thread-safe.
 */
public final class CancellationToken {
    private final BooleanSupplier external;
    private volatile boolean cancelled;

    private CancellationToken(BooleanSupplier external) {
        this.external = external;
    }

    /** A token that is cancelled only through {@link #cancel()}. */
    public static CancellationToken create() {
        return new CancellationToken(() -> false);
    }

    /** A token that is also cancelled when {@code cancelled} answers true (for example a UI task's state). */
    public static CancellationToken from(BooleanSupplier cancelled) {
        return new CancellationToken(Objects.requireNonNull(cancelled, "cancelled"));
    }

    /** Asks the scan to stop as soon as it can. Idempotent. */
    public void cancel() {
        cancelled = true;
    }

    /** True once {@link #cancel()} was called or the supplier given to {@link #from} answered true. */
    public boolean isCancelled() {
        if (!cancelled && external.getAsBoolean()) {
            cancelled = true;
        }
        return cancelled;
    }
}
