package dev.iamatlas.app.ui;

import dev.iamatlas.app.ui.support.DialogService;
import dev.iamatlas.app.ui.support.FxDialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Dialogs for UI tests: messages are real JavaFX dialogs (so tests see what a user sees); file choosers and
 * choices, which are native or modal pickers a robot cannot drive, answer from a script.
 */
final class ScriptedDialogs implements DialogService {
    final Deque<Path> filesToOpen = new ArrayDeque<>();
    final Deque<Path> filesToSave = new ArrayDeque<>();
    final Deque<Object> choices = new ArrayDeque<>();
    final List<String> errors = new ArrayList<>();
    private final FxDialogService real;

    ScriptedDialogs(Supplier<Window> owner) {
        this.real = new FxDialogService(owner);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
        real.showError(title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        real.showInfo(title, message);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialDirectory, List<FileType> types) {
        return Optional.ofNullable(filesToOpen.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName,
            List<FileType> types) {
        return Optional.ofNullable(filesToSave.poll());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> choose(String title, String message, List<T> options, T initial) {
        return Optional.ofNullable((T) choices.poll());
    }
}
