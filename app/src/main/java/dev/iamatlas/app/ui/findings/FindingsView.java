package dev.iamatlas.app.ui.findings;

import dev.iamatlas.app.explore.FindingRow;
import java.util.Comparator;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The findings table with its filters. */
public final class FindingsView extends VBox {
    public static final String TABLE_ID = "findingsTable";
    private static final javafx.css.PseudoClass NEW = javafx.css.PseudoClass.getPseudoClass("new");

    public FindingsView(FindingsViewModel viewModel) {
        getStyleClass().add("findings");
        TextField filter = new TextField();
        filter.setPromptText("Filter findings");
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        ComboBox<String> severity = new ComboBox<>();
        severity.getItems().setAll(FindingsViewModel.SEVERITIES);
        severity.valueProperty().bindBidirectional(viewModel.minimumSeverityProperty());
        HBox bar = new HBox(8, new Label("Severity at least"), severity, filter);
        bar.getStyleClass().add("findings-bar");
        HBox.setHgrow(filter, Priority.ALWAYS);

        TableView<FindingRow> table = new TableView<>();
        table.setId(TABLE_ID);
        TableColumn<FindingRow, String> sev = column("Severity", FindingRow::severity, 96);
        sev.setMinWidth(90);
        sev.setComparator(Comparator.comparingInt(FindingRow::rank));
        sev.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                chip.getStyleClass().setAll("label", "severity-chip");
                if (empty || value == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(value);
                chip.getStyleClass().add("severity-" + value.toLowerCase(java.util.Locale.ROOT));
                setGraphic(chip);
            }
        });
        table.getColumns().add(sev);
        TableColumn<FindingRow, String> rule = column("Rule", FindingRow::ruleId, 250);
        rule.setMinWidth(120);
        table.getColumns().add(rule);
        TableColumn<FindingRow, String> resource = column("Resource", FindingRow::resource, 220);
        resource.setMinWidth(120);
        table.getColumns().add(resource);
        TableColumn<FindingRow, String> message = column("Message", FindingRow::message, 480);
        table.getColumns().add(message);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<FindingRow> sorted = new SortedList<>(viewModel.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                viewModel.selectedProperty().set(b);
            }
        });
        viewModel.selectedProperty().addListener((o, a, b) -> {
            if (b == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(FindingRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean fresh = !empty && row != null && row.id() != null
                        && viewModel.newFindingsProperty().get().contains(row.id());
                pseudoClassStateChanged(NEW, fresh);
                setTooltip(fresh ? new javafx.scene.control.Tooltip("New since the last what-if edit") : null);
            }
        });
        viewModel.newFindingsProperty().addListener((o, a, b) -> table.refresh());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    private static TableColumn<FindingRow, String> column(String title,
            java.util.function.Function<FindingRow, String> value, double width) {
        TableColumn<FindingRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
