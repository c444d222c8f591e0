package dev.iamatlas.app.ui.support;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Runs work at once on the calling thread: for tests, where it makes every command synchronous. */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    @Override
    public <T> Handle execute(String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        T result;
        message.set(title);
        try {
            result = work.run(new Progress() {
                @Override
                public void update(double fraction, String text) {
                    progress.set(fraction);
                    message.set(text);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        } catch (Exception | LinkageError e) {
            onFailure.accept(e);
            return () -> { };
        }
        onSuccess.accept(result);
        return () -> { };
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
}
