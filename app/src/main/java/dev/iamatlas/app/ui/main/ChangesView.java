package dev.iamatlas.app.ui.main;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The what-if panel: the edits in effect (oldest first) with undo and redo, and what the last edit changed — links
 * gained and lost, findings resolved and new. Choosing a changed link selects it in the graph.
 */
final class ChangesView extends SplitPane {
    static final String EDITS_ID = "whatIfEdits";
    static final String LAST_CHANGE_ID = "whatIfLastChange";
    static final String SUMMARY_ID = "whatIfSummary";

    ChangesView(MainViewModel viewModel) {
        getStyleClass().add("changes-view");
        ListView<String> edits = new ListView<>(viewModel.changes());
        edits.setId(EDITS_ID);
        edits.setPlaceholder(new Label("No what-if edits. Select a function, role, route or link: the inspector"
                + " offers edits, such as adding a missing permission."));
        Button undo = new Button("Undo");
        undo.disableProperty().bind(viewModel.canUndoProperty().not().or(viewModel.editingProperty()));
        undo.setOnAction(e -> viewModel.undo());
        Button redo = new Button("Redo");
        redo.disableProperty().bind(viewModel.canRedoProperty().not().or(viewModel.editingProperty()));
        redo.setOnAction(e -> viewModel.redo());
        Label editsTitle = new Label("Edits in effect");
        editsTitle.getStyleClass().add("panel-title");
        HBox buttons = new HBox(6, undo, redo);
        buttons.getStyleClass().add("changes-buttons");
        VBox left = new VBox(4, editsTitle, edits, buttons);
        VBox.setVgrow(edits, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> viewModel.lastChangeSummaryProperty().get()
                .isEmpty() ? "What the last edit changed shows here." : viewModel.lastChangeSummaryProperty().get(),
                viewModel.lastChangeSummaryProperty()));
        summary.getStyleClass().add("change-summary");
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setMaxWidth(Double.MAX_VALUE);
        ListView<MainViewModel.ChangeLine> lines = new ListView<>(viewModel.lastChange());
        lines.setId(LAST_CHANGE_ID);
        lines.setPlaceholder(new Label("No links or findings changed."));
        lines.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(MainViewModel.ChangeLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("change-gained", "change-lost", "change-resolved", "change-new");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText(line.toString());
                getStyleClass().add(switch (line.kind()) {
                    case GAINED -> "change-gained";
                    case LOST -> "change-lost";
                    case RESOLVED -> "change-resolved";
                    case NEW_FINDING -> "change-new";
                });
            }
        });
        lines.getSelectionModel().selectedItemProperty().addListener((o, a, line) -> {
            if (line != null && line.edgeId() != null) {
                viewModel.graph().showPath(java.util.List.of(line.edgeId()));
                viewModel.graph().selectEdge(line.edgeId(), false);
            }
        });
        Label lastTitle = new Label("Last change");
        lastTitle.getStyleClass().add("panel-title");
        VBox right = new VBox(4, lastTitle, summary, lines);
        VBox.setVgrow(lines, Priority.ALWAYS);
        getItems().addAll(left, right);
        setDividerPositions(0.38);
    }
}
