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
        TableColumn<FindingRow, String> sev = column("Severity", FindingRow::severity, 90);
        sev.setComparator(Comparator.comparingInt(FindingsView::rank));
        table.getColumns().add(sev);
        table.getColumns().add(column("Rule", FindingRow::ruleId, 160));
        table.getColumns().add(column("Resource", FindingRow::resource, 280));
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
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> viewModel.select(b));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    private static int rank(String severity) {
        return new FindingRow(severity, "x", null, null, null, null).severityRank();
    }

    private static TableColumn<FindingRow, String> column(String title,
            java.util.function.Function<FindingRow, String> value, double width) {
        TableColumn<FindingRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
