package dev.iamatlas.app.ui.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/** Runs work as JavaFX {@link Task}s on a small pool of daemon threads; results arrive on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = Logger.getLogger(FxTaskExecutor.class.getName());

    private final ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "iam-atlas-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    @Override
    public <T> Handle execute(String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title);
                updateProgress(-1, 1);
                Task<T> self = this;
                return work.run(new Progress() {
                    @Override
                    public void update(double fraction, String text) {
                        updateProgress(fraction < 0 ? -1 : fraction, 1);
                        updateMessage(text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        // A task cancelled before it started running can still pass through RUNNING and FAILED afterwards (the
        // task's own state updates are queued on the FX thread): count each task out exactly once, and report
        // nothing for a task that was cancelled.
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        task.setOnSucceeded(e -> {
            if (done.compareAndSet(false, true)) {
                finished(task);
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (done.compareAndSet(false, true)) {
                finished(task);
                Throwable error = task.getException();
                LOG.log(Level.FINE, title + " failed", error);
                onFailure.accept(error);
            }
        });
        task.setOnCancelled(e -> {
            if (done.compareAndSet(false, true)) {
                finished(task);
            }
        });
        started(task);
        pool.execute(task);
        return () -> {
            if (done.compareAndSet(false, true)) {
                task.cancel(true);
                finished(task);
            }
        };
    }

    private void started(Task<?> task) {
        running.incrementAndGet();
        busy.set(true);
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
    }

    private void finished(Task<?> task) {
        if (running.decrementAndGet() == 0) {
            busy.set(false);
            progress.unbind();
            message.unbind();
            progress.set(0);
            message.set("");
        }
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Runs {@code action} on the FX thread: now when already there. */
    public static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
