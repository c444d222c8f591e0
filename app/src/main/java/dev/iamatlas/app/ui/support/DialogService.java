package dev.iamatlas.app.ui.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every dialog a view model may need, behind an interface so view models are testable without a window. */
public interface DialogService {

    /** A file type for file choosers, such as ("Snapshots", "*.json"). */
    record FileType(String description, List<String> patterns) {
        public FileType(String description, String... patterns) {
            this(description, List.of(patterns));
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
}
