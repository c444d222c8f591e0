package dev.iamatlas.app.ui.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts and native file choosers, owned by the main window. */
public final class FxDialogService implements DialogService {
    /** Style class of error dialogs, so tests and CSS can find them. */
    public static final String ERROR_DIALOG = "error-dialog";
    /** Style class of form dialogs. */
    public static final String FORM_DIALOG = "form-dialog";
    /** Style class of the policy editor dialog. */
    public static final String POLICY_DIALOG = "policy-dialog";
    /** Id of the policy editor's text area. */
    public static final String POLICY_TEXT_ID = "policyText";
    /** Id of the policy editor's problem line. */
    public static final String POLICY_PROBLEM_ID = "policyProblem";

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().getStyleClass().add(ERROR_DIALOG);
        alert.getDialogPane().setMinWidth(480);
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialDirectory, List<FileType> types) {
        FileChooser chooser = chooser(title, initialDirectory, types);
        File file = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialDirectory, String initialName,
            List<FileType> types) {
        FileChooser chooser = chooser(title, initialDirectory, types);
        chooser.setInitialFileName(initialName);
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<T> choices, T initial) {
        ChoiceDialog<T> dialog = new ChoiceDialog<>(initial, choices);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(message);
        return dialog.showAndWait();
    }

    @Override
    public Optional<Map<String, String>> form(String title, String message, List<Field> fields) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(message);
        dialog.getDialogPane().getStyleClass().add(FORM_DIALOG);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints inputs = new javafx.scene.layout.ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);
        Map<String, StringProperty> values = new LinkedHashMap<>();
        BooleanBinding invalid = Bindings.createBooleanBinding(() -> false);
        int row = 0;
        for (Field field : fields) {
            StringProperty value = new SimpleStringProperty(field.initial());
            values.put(field.key(), value);
            Node input;
            if (field.choices().isEmpty()) {
                TextField text = new TextField(field.initial());
                text.setId("field-" + field.key());
                text.setPrefColumnCount(46);
                value.bind(text.textProperty());
                input = text;
            } else {
                ComboBox<String> box = new ComboBox<>();
                box.setId("field-" + field.key());
                box.getItems().setAll(field.choices());
                box.setEditable(field.editable());
                box.setValue(field.initial());
                box.setMaxWidth(Double.MAX_VALUE);
                if (field.editable()) {
                    box.getEditor().setText(field.initial());
                    value.bind(box.getEditor().textProperty());
                    box.valueProperty().addListener((o, a, b) -> box.getEditor().setText(b));
                } else {
                    value.bind(Bindings.createStringBinding(() -> box.getValue() == null ? "" : box.getValue(),
                            box.valueProperty()));
                }
                input = box;
            }
            GridPane.setHgrow(input, Priority.ALWAYS);
            grid.addRow(row++, new Label(field.label()), input);
            if (!field.hint().isEmpty()) {
                Label hint = new Label(field.hint());
                hint.getStyleClass().add("form-hint");
                hint.setWrapText(true);
                hint.setMaxWidth(480);
                grid.add(hint, 1, row++);
            }
            if (field.required()) {
                BooleanBinding previous = invalid;
                invalid = Bindings.createBooleanBinding(() -> previous.get() || value.get() == null
                        || value.get().isBlank(), previous, value);
            }
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(invalid);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return Optional.empty();
        }
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, v.get() == null ? "" : v.get().strip()));
        return Optional.of(result);
    }

    @Override
    public Optional<String> editPolicy(String title, String message, String initialText,
            Function<String, String> validate) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(message);
        dialog.setResizable(true);
        dialog.getDialogPane().getStyleClass().add(POLICY_DIALOG);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        TextArea text = new TextArea(initialText);
        text.setId(POLICY_TEXT_ID);
        text.getStyleClass().add("mono");
        text.setPrefColumnCount(72);
        text.setPrefRowCount(24);
        Label problem = new Label();
        problem.setId(POLICY_PROBLEM_ID);
        problem.getStyleClass().add("policy-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        StringProperty error = new SimpleStringProperty(validate.apply(initialText));
        text.textProperty().addListener((o, a, b) -> error.set(validate.apply(b)));
        problem.textProperty().bind(Bindings.createStringBinding(() -> error.get() == null ? "The policy is valid."
                : error.get(), error));
        problem.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), error.get() != null);
        error.addListener((o, a, b) -> problem.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("invalid"), b != null));
        VBox box = new VBox(6, text, problem);
        VBox.setVgrow(text, Priority.ALWAYS);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(error.isNotNull());
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK ? Optional.of(text.getText()) : Optional.empty();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    private static FileChooser chooser(String title, Path initialDirectory, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        for (FileType type : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.patterns()));
        }
        return chooser;
    }
}
