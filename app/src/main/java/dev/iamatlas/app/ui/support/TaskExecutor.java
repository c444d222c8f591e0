package dev.iamatlas.app.ui.support;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs long work (loading, layout, export) away from the FX thread and hands the result back on it. The window
 * never freezes; tests use {@link SameThreadTaskExecutor} so they are deterministic.
 */
public interface TaskExecutor {

    /** Work to run; it reports progress and should stop early when {@link Progress#isCancelled()} says so. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Progress reporting from inside {@link Work}. */
    interface Progress {
        /** Reports how far along the work is (0..1, or negative when unknown) and what it is doing. */
        void update(double fraction, String message);

        boolean isCancelled();
    }

    /** A running piece of work. */
    interface Handle {
        void cancel();
    }

    /**
     * Runs {@code work}; then calls {@code onSuccess} or {@code onFailure} on the FX thread (not at all when
     * cancelled).
     */
    <T> Handle execute(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** True while any work runs. */
    ReadOnlyBooleanProperty busyProperty();

    /** The progress of the latest work: 0..1, or -1 when unknown. */
    ReadOnlyDoubleProperty progressProperty();

    /** What the latest work is doing. */
    ReadOnlyStringProperty messageProperty();
}
