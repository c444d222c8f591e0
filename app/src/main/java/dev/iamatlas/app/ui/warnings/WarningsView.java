package dev.iamatlas.app.ui.warnings;

import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Lists what the open account could not tell: scan gaps (what the scan could not read), import warnings (policies
 * a GAAD dump held that could not be read) and the analysis's own notes. One line each.
 */
public final class WarningsView extends VBox {
    public static final String LIST_ID = "warningsList";

    public WarningsView(ObservableList<String> warnings) {
        getStyleClass().add("warnings");
        ListView<String> list = new ListView<>(warnings);
        list.setId(LIST_ID);
        list.setPlaceholder(new Label("Nothing is missing: the snapshot holds everything the scan asked for."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty || text == null ? null : text);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().add(list);
    }
}
