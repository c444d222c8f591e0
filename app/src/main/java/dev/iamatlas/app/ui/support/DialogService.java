package dev.iamatlas.app.ui.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Every dialog a view model may need, behind an interface so view models are testable without a window. */
public interface DialogService {

    /** A file type for file choosers, such as ("Snapshots", "*.json"). */
    record FileType(String description, List<String> patterns) {
        public FileType(String description, String... patterns) {
            this(description, List.of(patterns));
        }
    }

    /**
     * One field of a {@link #form}.
     *
     * @param key the key of its value in the answer
     * @param label what the form shows next to it
     * @param initial the value it starts with; may be empty
     * @param choices the values to choose from (an editable choice when {@code editable}), or empty for free text
     * @param editable whether a value outside {@code choices} may be typed
     * @param required whether the form refuses an empty value
     * @param hint a short help text under the field, or empty
     */
    record Field(String key, String label, String initial, List<String> choices, boolean editable, boolean required,
            String hint) {
        public Field {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            initial = initial == null ? "" : initial;
            choices = choices == null ? List.of() : List.copyOf(choices);
            hint = hint == null ? "" : hint;
        }

        /** A required text field. */
        public static Field text(String key, String label, String initial, String hint) {
            return new Field(key, label, initial, List.of(), true, true, hint);
        }

        /** An optional text field. */
        public static Field optional(String key, String label, String initial, String hint) {
            return new Field(key, label, initial, List.of(), true, false, hint);
        }

        /** A required choice among fixed values. */
        public static Field choice(String key, String label, String initial, List<String> choices, String hint) {
            return new Field(key, label, initial, choices, false, true, hint);
        }
    }

    /** Shows an error with a one-line message; returns when the user closed it. */
    void showError(String title, String message);

    /** Shows an information message. */
    void showInfo(String title, String message);

    /** Asks for a file to open; empty when the user cancelled. */
    Optional<Path> chooseFileToOpen(String title, Path initialDirectory, List<FileType> types);

    /** Asks where to save; empty when the user cancelled. */
    Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName, List<FileType> types);

    /** Asks the user to pick one of {@code choices}; empty when cancelled. */
    <T> Optional<T> choose(String title, String message, List<T> choices, T initial);

    /**
     * Asks for a few values; empty when cancelled.
     *
     * @return the values by {@link Field#key()}, stripped; an optional field left empty maps to an empty string
     */
    Optional<Map<String, String>> form(String title, String message, List<Field> fields);

    /**
     * Lets the user edit a policy document (JSON). While {@code validate} finds a problem, the dialog shows it
     * inline and will not accept the text.
     *
     * @param validate returns a one-line problem (such as {@code Statement[0].Effect: must be "Allow" or "Deny"}),
     *     or null when the text is acceptable
     * @return the edited text, or empty when cancelled
     */
    Optional<String> editPolicy(String title, String message, String initialText, Function<String, String> validate);

    /** Asks a yes/no question; true for yes. */
    boolean confirm(String title, String message);
}
