package dev.iamatlas.app.ui.inspector;

import dev.iamatlas.app.explore.ConditionRow;
import dev.iamatlas.app.explore.EvaluatedRequest;
import dev.iamatlas.app.explore.Inspection;
import dev.iamatlas.app.explore.PolicyExcerpt;
import dev.iamatlas.app.explore.PrettyPolicy;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Shows an {@link Inspection}: only the parts it has. Policies are pretty-printed; the deciding statements are
 * marked (style class {@value #DECIDING}) with a bar and a background.
 */
public final class InspectorView extends VBox {
    public static final String STYLE_CLASS = "inspector";
    public static final String TITLE_ID = "inspectorTitle";
    /** Style class of a block of policy text. */
    public static final String POLICY_CODE = "policy-code";
    /** Style class added to the blocks of deciding statements. */
    public static final String DECIDING = "deciding";

    private final InspectorViewModel viewModel;
    private final VBox content = new VBox(10);

    public InspectorView(InspectorViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(STYLE_CLASS);
        Label title = new Label("Inspector");
        title.getStyleClass().add("panel-title");
        content.setPadding(new Insets(8, 12, 12, 12));
        content.getStyleClass().add("inspector-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, scroll);
        viewModel.inspectionProperty().addListener((o, a, b) -> render());
        viewModel.messageProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        content.getChildren().clear();
        Inspection inspection = viewModel.inspectionProperty().get();
        if (inspection == null) {
            Label message = new Label(viewModel.messageProperty().get());
            message.setWrapText(true);
            message.getStyleClass().add("inspector-empty");
            content.getChildren().add(message);
            return;
        }
        Label title = new Label(inspection.title());
        title.setId(TITLE_ID);
        title.getStyleClass().add("inspector-title");
        title.setWrapText(true);
        Label kind = new Label(inspection.kind());
        kind.getStyleClass().add("inspector-kind");
        content.getChildren().addAll(title, kind);
        if (!inspection.summary().isEmpty()) {
            Label summary = new Label(inspection.summary());
            summary.setWrapText(true);
            summary.getStyleClass().add("inspector-summary");
            content.getChildren().add(summary);
        }
        if (inspection.arn() != null) {
            Label arn = new Label(inspection.arn());
            arn.getStyleClass().addAll("mono", "inspector-arn");
            arn.setWrapText(true);
            HBox.setHgrow(arn, Priority.ALWAYS);
            arn.setMaxWidth(Double.MAX_VALUE);
            Button copy = copyButton("Copy ARN", viewModel::copyArn);
            copy.setId("copyArn");
            content.getChildren().add(new HBox(6, arn, copy));
        }
        List<Inspection.Property> props = inspection.properties().stream().filter(p -> !p.value().isBlank()
                && !p.value().equals("{}")).toList();
        if (!props.isEmpty()) {
            content.getChildren().add(section("Properties"));
            content.getChildren().add(grid(props.stream().map(p -> new String[] {p.name(), p.value()}).toList()));
        }
        if (inspection.request() != null) {
            content.getChildren().add(section("Evaluated request"));
            content.getChildren().add(request(inspection.request()));
        }
        if (!inspection.conditions().isEmpty()) {
            content.getChildren().add(section("Conditions"));
            content.getChildren().add(conditions(inspection.conditions()));
        }
        if (!inspection.policies().isEmpty()) {
            content.getChildren().add(section(inspection.policies().size() == 1 ? "Policy" : "Policies ("
                    + inspection.policies().size() + ")"));
            for (PolicyExcerpt policy : inspection.policies()) {
                content.getChildren().add(policy(policy));
            }
        }
        if (inspection.fixCommand() != null) {
            content.getChildren().add(section("Fix"));
            Label fix = new Label(inspection.fixCommand());
            fix.getStyleClass().addAll("mono", POLICY_CODE);
            fix.setWrapText(true);
            content.getChildren().addAll(fix, copyButton("Copy fix command", viewModel::copyFixCommand));
        }
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("inspector-section");
        return label;
    }

    private static GridPane grid(List<String[]> rows) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        int row = 0;
        for (String[] r : rows) {
            Label name = new Label(r[0]);
            name.getStyleClass().add("property-name");
            Label value = new Label(r[1]);
            value.setWrapText(true);
            value.getStyleClass().add("property-value");
            if (r[1].startsWith("arn:")) {
                value.getStyleClass().add("mono");
            }
            grid.addRow(row++, name, value);
        }
        return grid;
    }

    private static Node request(EvaluatedRequest request) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"Principal", request.principal()});
        rows.add(new String[] {"Action", request.action()});
        rows.add(new String[] {"Resource", request.resource()});
        for (Map.Entry<String, String> e : request.context().entrySet()) {
            rows.add(new String[] {e.getKey(), e.getValue() == null ? "unknown (not in the snapshot)" : e.getValue()});
        }
        rows.add(new String[] {"Decision", request.decision()});
        return grid(rows.stream().filter(r -> r[1] != null).toList());
    }

    private static Node conditions(List<ConditionRow> conditions) {
        VBox box = new VBox(6);
        for (ConditionRow c : conditions) {
            Label head = new Label(c.operator() + "  " + c.key() + "  " + String.join(", ", c.expected()));
            head.getStyleClass().add("mono");
            head.setWrapText(true);
            Label result = new Label(c.result().name().toLowerCase(java.util.Locale.ROOT));
            result.getStyleClass().addAll("condition-result", "condition-" + c.result().name().toLowerCase(
                    java.util.Locale.ROOT));
            Label actual = new Label("value: " + (c.actual() == null ? "unknown" : c.actual())
                    + (c.explanation().isEmpty() ? "" : " — " + c.explanation()));
            actual.setWrapText(true);
            Label statement = new Label("statement " + c.statement());
            statement.getStyleClass().add("property-name");
            box.getChildren().add(new VBox(2, new HBox(8, result, statement), head, actual));
        }
        return box;
    }

    private Node policy(PolicyExcerpt policy) {
        Label title = new Label(policy.title());
        title.getStyleClass().add("policy-title");
        title.setWrapText(true);
        Label source = new Label(policy.source());
        source.getStyleClass().add("policy-source");
        source.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = copyButton("Copy policy", () -> viewModel.copyPolicy(policy));
        HBox header = new HBox(6, new VBox(1, title, source), spacer, copy);
        VBox code = new VBox();
        code.getStyleClass().add("policy-box");
        PrettyPolicy pretty = PrettyPolicy.of(policy.document());
        String[] lines = pretty.text().split("\n", -1);
        boolean[] deciding = new boolean[lines.length];
        for (int index : policy.decidingStatements()) {
            int[] range = pretty.linesOf(index);
            if (range != null) {
                for (int l = range[0]; l <= range[1] && l < lines.length; l++) {
                    deciding[l] = true;
                }
            }
        }
        int start = 0;
        for (int i = 1; i <= lines.length; i++) {
            if (i == lines.length || deciding[i] != deciding[start]) {
                Label block = new Label(String.join("\n", java.util.Arrays.asList(lines).subList(start, i)));
                block.getStyleClass().addAll("mono", POLICY_CODE);
                block.setMaxWidth(Double.MAX_VALUE);
                // Long ARNs are the evidence: wrap rather than cut them off.
                block.setWrapText(true);
                if (deciding[start]) {
                    block.getStyleClass().add(DECIDING);
                    block.setTooltip(new Tooltip("Deciding statement"));
                }
                code.getChildren().add(block);
                start = i;
            }
        }
        return new VBox(4, header, code);
    }

    private static Button copyButton(String text, Runnable action) {
        Button button = new Button(null, new FontIcon(MaterialDesignC.CONTENT_COPY));
        button.setTooltip(new Tooltip(text));
        button.setAccessibleText(text);
        button.getStyleClass().addAll("flat", "copy-button");
        button.setOnAction(e -> action.run());
        return button;
    }
}
