package dev.iamatlas.app.ui.warnings;

import dev.iamatlas.model.snapshot.ScanGap;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Lists the scan gaps of the open snapshot, one line each. */
public final class WarningsView extends VBox {
    public static final String LIST_ID = "warningsList";

    public WarningsView(ObservableList<ScanGap> gaps) {
        getStyleClass().add("warnings");
        ListView<ScanGap> list = new ListView<>(gaps);
        list.setId(LIST_ID);
        list.setPlaceholder(new Label("The scan read everything it asked for."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ScanGap gap, boolean empty) {
                super.updateItem(gap, empty);
                setText(empty || gap == null ? null : gap.describe());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().add(list);
    }
}
