package dev.iamatlas.app.ui.inspector;

import dev.iamatlas.app.explore.Inspection;
import dev.iamatlas.app.explore.InspectionSource;
import dev.iamatlas.app.explore.PolicyExcerpt;
import dev.iamatlas.app.explore.PrettyPolicy;
import dev.iamatlas.app.ui.graph.GraphViewModel;
import dev.iamatlas.app.ui.support.ClipboardService;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;

/**
 * What the inspector shows: the {@link Inspection} of the one selected node or edge, read from the current
 * {@link InspectionSource}; or, with several selected, how many.
 */
public final class InspectorViewModel {
    private final GraphViewModel graph;
    private final ClipboardService clipboard;
    private final ObjectProperty<InspectionSource> source = new SimpleObjectProperty<>(InspectionSource.NONE);
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastCopied = new ReadOnlyStringWrapper("");
    private final ObservableList<InspectorAction> actions = FXCollections.observableArrayList();
    /** What can be done with the inspected element: (node id or null, edge id or null) → actions. */
    private BiFunction<String, String, List<InspectorAction>> actionProvider = (node, edge) -> List.of();
    /** An edge shown without being selected (a finding's evidence); shown again when the source changes. */
    private String shownEdge;

    public InspectorViewModel(GraphViewModel graph, ClipboardService clipboard) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        graph.selectedNodes().addListener((SetChangeListener<String>) c -> {
            shownEdge = null;
            refresh();
        });
        graph.selectedEdges().addListener((SetChangeListener<String>) c -> {
            shownEdge = null;
            refresh();
        });
        source.addListener((o, a, b) -> {
            String again = shownEdge;
            refresh();
            if (again != null && graph.selectedNodes().isEmpty() && graph.selectedEdges().isEmpty()) {
                inspectEdge(again);
            }
        });
        refresh();
    }

    public ObjectProperty<InspectionSource> sourceProperty() {
        return source;
    }

    /** The inspected element, or null when not exactly one is selected. */
    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    /** What to show instead when nothing (or several things) are inspected. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last text put on the clipboard (for a short confirmation, and tests). */
    public ReadOnlyStringProperty lastCopiedProperty() {
        return lastCopied.getReadOnlyProperty();
    }

    /** What can be done with the inspected element (what-if edits); empty when nothing or several are inspected. */
    public ObservableList<InspectorAction> actions() {
        return actions;
    }

    /** Sets what offers actions for an inspected node or edge: (node id or null, edge id or null) → actions. */
    public void setActionProvider(BiFunction<String, String, List<InspectorAction>> provider) {
        this.actionProvider = Objects.requireNonNull(provider, "provider");
        refresh();
    }

    /** Shows an edge's inspection without selecting it (a finding's evidence). */
    public void inspectEdge(String edgeId) {
        shownEdge = edgeId;
        source.get().edge(edgeId).ifPresent(i -> {
            inspection.set(i);
            message.set("");
            actions.setAll(actionProvider.apply(null, edgeId));
        });
    }

    public void refresh() {
        int nodes = graph.selectedNodes().size();
        int edges = graph.selectedEdges().size();
        Inspection shown = null;
        List<InspectorAction> offered = List.of();
        if (nodes == 1 && edges == 0) {
            String id = graph.selectedNodes().iterator().next();
            shown = source.get().node(id).orElse(null);
            offered = shown == null ? List.of() : actionProvider.apply(id, null);
        } else if (edges == 1 && nodes == 0) {
            String id = graph.selectedEdges().iterator().next();
            shown = source.get().edge(id).orElse(null);
            offered = shown == null ? List.of() : actionProvider.apply(null, id);
        }
        inspection.set(shown);
        actions.setAll(offered);
        if (shown != null) {
            message.set("");
        } else if (nodes + edges > 1) {
            message.set(nodes + edges + " items selected. Select one to inspect it; with two nodes selected,"
                    + " Graph › Highlight path shows how they connect.");
        } else if (nodes + edges == 1) {
            message.set("Nothing is known about this item.");
        } else {
            message.set("Select a node or an arrow in the graph, or an item in the navigator, to see its"
                    + " properties and policies.");
        }
    }

    public void copyArn() {
        Inspection current = inspection.get();
        if (current != null && current.arn() != null) {
            copy(current.arn());
        }
    }

    /** Copies the policy pretty-printed, as shown. */
    public void copyPolicy(PolicyExcerpt policy) {
        copy(PrettyPolicy.of(policy.document()).text());
    }

    public void copyFixCommand() {
        Inspection current = inspection.get();
        if (current != null && current.fixCommand() != null) {
            copy(current.fixCommand());
        }
    }

    /** Copies the commands of one finding's fix, one per line. */
    public void copyFix(dev.iamatlas.app.explore.FindingRow finding) {
        if (!finding.fixCommands().isEmpty()) {
            copy(String.join("\n", finding.fixCommands()));
        } else if (finding.policyChange() != null) {
            copy(finding.policyChange());
        }
    }

    /** Copies any text shown in the inspector (an ARN in a property, a command). */
    public void copyText(String text) {
        if (text != null && !text.isEmpty()) {
            copy(text);
        }
    }

    private void copy(String text) {
        clipboard.copy(text);
        lastCopied.set(text);
    }
}
