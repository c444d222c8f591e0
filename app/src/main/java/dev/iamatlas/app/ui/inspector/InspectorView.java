package dev.iamatlas.app.ui.inspector;

import dev.iamatlas.app.explore.ConditionRow;
import dev.iamatlas.app.explore.EvaluatedRequest;
import dev.iamatlas.app.explore.FindingRow;
import dev.iamatlas.app.explore.Inspection;
import dev.iamatlas.app.explore.PolicyExcerpt;
import dev.iamatlas.app.explore.PrettyPolicy;
import dev.iamatlas.app.explore.RequestCheck;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
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
    /** Id of the inspected element's kind line (with its status for an edge). */
    public static final String KIND_ID = "inspectorKind";
    /** Id of the what-if buttons. */
    public static final String ACTIONS_ID = "inspectorActions";
    /** A finding's message is cut here (click to read it all). */
    private static final int MESSAGE_CHARS = 320;
    /** Style class of a fix's commands. */
    public static final String FIX_CODE = "fix-code";

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
        viewModel.inspectionProperty().addListener((o, a, b) -> renderSoon());
        viewModel.messageProperty().addListener((o, a, b) -> renderSoon());
        viewModel.actions().addListener((javafx.collections.ListChangeListener<InspectorAction>) c -> renderSoon());
        render();
    }

    private boolean renderPending;

    /** Renders once after the current changes (inspection, message and actions change together). */
    private void renderSoon() {
        if (!renderPending) {
            renderPending = true;
            javafx.application.Platform.runLater(() -> {
                renderPending = false;
                render();
            });
        }
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
        kind.setId(KIND_ID);
        kind.getStyleClass().add("inspector-kind");
        kind.setWrapText(true);
        for (String status : new String[] {"allowed", "denied", "conditional"}) {
            if (inspection.kind().endsWith("· " + status) || inspection.kind().contains("· " + status + " ")) {
                kind.getStyleClass().add("status-" + status);
            }
        }
        content.getChildren().addAll(title, kind);
        if (!viewModel.actions().isEmpty()) {
            Label whatIf = new Label("What if…");
            whatIf.getStyleClass().add("what-if-title");
            FlowPane buttons = new FlowPane(6, 6);
            buttons.setId(ACTIONS_ID);
            for (InspectorAction action : viewModel.actions()) {
                Button button = new Button(action.label());
                button.getStyleClass().add("what-if-button");
                button.setWrapText(true);
                button.setMaxWidth(Double.MAX_VALUE);
                button.setMinHeight(Region.USE_PREF_SIZE);
                if (!action.description().isEmpty()) {
                    button.setTooltip(new Tooltip(action.description()));
                }
                button.setOnAction(e -> action.run().run());
                buttons.getChildren().add(button);
            }
            VBox actions = new VBox(4, whatIf, buttons);
            actions.getStyleClass().add("what-if-box");
            content.getChildren().add(actions);
        }
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
        if (!inspection.findings().isEmpty()) {
            content.getChildren().add(section(inspection.findings().size() == 1 ? "Finding" : "Findings ("
                    + inspection.findings().size() + ")"));
            for (FindingRow finding : inspection.findings()) {
                content.getChildren().add(finding(finding));
            }
        }
        List<Inspection.Property> props = inspection.properties().stream().filter(p -> !p.value().isBlank()
                && !p.value().equals("{}")).toList();
        if (!props.isEmpty()) {
            content.getChildren().add(section("Properties"));
            content.getChildren().add(grid(props.stream().map(p -> new String[] {p.name(), p.value()}).toList()));
        }
        int n = 0;
        for (RequestCheck check : inspection.checks()) {
            n++;
            content.getChildren().add(section(inspection.checks().size() == 1 ? "Evaluated request"
                    : "Evaluated request " + n + " of " + inspection.checks().size()));
            Label purpose = new Label(capitalise(check.purpose()));
            purpose.getStyleClass().add("request-purpose");
            purpose.setWrapText(true);
            content.getChildren().addAll(purpose, request(check.request()));
            if (!check.conditions().isEmpty()) {
                content.getChildren().add(subsection("Conditions"));
                content.getChildren().add(conditions(check.conditions()));
            }
            for (PolicyExcerpt policy : check.policies()) {
                content.getChildren().add(policy(policy));
            }
        }
        if (!inspection.policies().isEmpty()) {
            content.getChildren().add(section(inspection.policies().size() == 1 ? "Policy" : "Policies ("
                    + inspection.policies().size() + ")"));
            for (PolicyExcerpt policy : inspection.policies()) {
                content.getChildren().add(policy(policy));
            }
        }
        if (!inspection.notes().isEmpty()) {
            content.getChildren().add(section("Notes"));
            for (String note : inspection.notes()) {
                Label label = new Label("• " + note);
                label.setWrapText(true);
                content.getChildren().add(label);
            }
        }
    }

    private Node finding(FindingRow finding) {
        Label severity = new Label(finding.severity());
        severity.getStyleClass().addAll("severity-chip", "severity-" + finding.severity().toLowerCase(Locale.ROOT));
        severity.setMinWidth(Region.USE_PREF_SIZE);
        Label rule = new Label(finding.ruleId());
        rule.getStyleClass().add("finding-rule");
        rule.setWrapText(true);
        boolean longMessage = finding.message().length() > MESSAGE_CHARS;
        Label message = new Label(longMessage ? finding.message().substring(0, MESSAGE_CHARS) + "…"
                : finding.message());
        message.setWrapText(true);
        if (longMessage) {
            message.setTooltip(new Tooltip(finding.message()));
            message.setOnMouseClicked(e -> message.setText(finding.message()));
        }
        VBox box = new VBox(4, new HBox(8, severity, rule), message);
        box.getStyleClass().add("inspector-finding");
        if (!finding.fixSummary().isEmpty()) {
            Label fix = new Label("Fix: " + finding.fixSummary());
            fix.setWrapText(true);
            fix.getStyleClass().add("finding-fix");
            box.getChildren().add(fix);
        }
        String commands = !finding.fixCommands().isEmpty() ? String.join("\n", finding.fixCommands())
                : finding.policyChange();
        if (commands != null && !commands.isBlank()) {
            Label code = new Label(commands);
            code.getStyleClass().addAll("mono", POLICY_CODE, FIX_CODE);
            code.setWrapText(true);
            code.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(code, Priority.ALWAYS);
            Button copy = copyButton(finding.fixCommands().isEmpty() ? "Copy the policy change"
                    : "Copy fix command", () -> viewModel.copyFix(finding));
            copy.getStyleClass().add("copy-fix");
            box.getChildren().add(new HBox(6, code, copy));
        }
        return box;
    }

    /**
     * The text with places to break a line in long ARNs and keys (after {@code :}, {@code /} and {@code ,}), so that
     * they wrap inside the panel instead of widening it.
     */
    static String breakable(String text) {
        if (text == null || text.length() < 30) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c);
            if (c == ':' || c == '/' || c == ',') {
                b.append('\u200B');
            }
        }
        return b.toString();
    }

    private static Label subsection(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("inspector-subsection");
        return label;
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
            Label value = new Label(breakable(r[1]));
            value.setWrapText(true);
            value.setMinWidth(0);
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
            rows.add(new String[] {e.getKey(), e.getValue() == null ? "unknown — not in the snapshot, only known at"
                    + " request time" : e.getValue()});
        }
        rows.add(new String[] {"Decision", request.decision()});
        GridPane grid = grid(rows.stream().filter(r -> r[1] != null).toList());
        grid.getStyleClass().add("request-grid");
        return grid;
    }

    private static Node conditions(List<ConditionRow> conditions) {
        VBox box = new VBox(8);
        for (ConditionRow c : conditions) {
            Label result = new Label(c.result().name());
            result.getStyleClass().addAll("condition-result", "condition-" + c.result().name().toLowerCase(
                    Locale.ROOT));
            Label statement = new Label("statement " + c.statement());
            statement.getStyleClass().add("property-name");
            statement.setWrapText(true);
            Label head = new Label(c.operator() + "  " + c.key());
            head.getStyleClass().add("mono");
            head.setWrapText(true);
            Label expected = new Label("policy: " + String.join(", ", c.expected()));
            expected.getStyleClass().add("mono");
            expected.setWrapText(true);
            Label actual = new Label("request: " + (c.actual() == null ? "unknown" : c.actual()));
            actual.getStyleClass().add("mono");
            actual.setWrapText(true);
            Label why = new Label(c.explanation());
            why.setWrapText(true);
            why.getStyleClass().add("condition-why");
            VBox one = new VBox(2, new HBox(8, result, statement), head, expected, actual, why);
            one.getStyleClass().add("condition-row");
            box.getChildren().add(one);
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
