package dev.iamatlas.app.ui;

import dev.iamatlas.app.ui.support.DialogService;
import dev.iamatlas.app.ui.support.FxDialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
    /** Answers to forms: the values to change (missing keys keep the form's initial values); null cancels. */
    final Deque<Map<String, String>> forms = new ArrayDeque<>();
    /** Answers to the policy editor: the text; the validator's verdict on it is kept in {@link #policyProblems}. */
    final Deque<String> policies = new ArrayDeque<>();
    final List<String> policyProblems = new ArrayList<>();
    final List<String> formsShown = new ArrayList<>();
    boolean confirmAnswer = true;
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

    @Override
    public Optional<Map<String, String>> form(String title, String message, List<Field> fields) {
        formsShown.add(title);
        if (forms.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> answer = forms.poll();
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : fields) {
            values.put(field.key(), answer.getOrDefault(field.key(), field.initial()).strip());
        }
        return Optional.of(values);
    }

    @Override
    public Optional<String> editPolicy(String title, String message, String initialText,
            Function<String, String> validate) {
        String text = policies.poll();
        if (text == null) {
            return Optional.empty();
        }
        String problem = validate.apply(text);
        policyProblems.add(problem);
        return problem == null ? Optional.of(text) : Optional.empty();
    }

    @Override
    public boolean confirm(String title, String message) {
        return confirmAnswer;
    }
}
