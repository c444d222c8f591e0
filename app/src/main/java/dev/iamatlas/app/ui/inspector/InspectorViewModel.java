package dev.iamatlas.app.ui.inspector;

import dev.iamatlas.app.explore.Inspection;
import dev.iamatlas.app.explore.InspectionSource;
import dev.iamatlas.app.explore.PolicyExcerpt;
import dev.iamatlas.app.explore.PrettyPolicy;
import dev.iamatlas.app.ui.graph.GraphViewModel;
import dev.iamatlas.app.ui.support.ClipboardService;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
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

    public InspectorViewModel(GraphViewModel graph, ClipboardService clipboard) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        graph.selectedNodes().addListener((SetChangeListener<String>) c -> refresh());
        graph.selectedEdges().addListener((SetChangeListener<String>) c -> refresh());
        source.addListener((o, a, b) -> refresh());
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

    /** Shows an edge's inspection without selecting it (a finding's evidence). */
    public void inspectEdge(String edgeId) {
        source.get().edge(edgeId).ifPresent(inspection::set);
    }

    public void refresh() {
        int nodes = graph.selectedNodes().size();
        int edges = graph.selectedEdges().size();
        Inspection shown = null;
        if (nodes == 1 && edges == 0) {
            shown = source.get().node(graph.selectedNodes().iterator().next()).orElse(null);
        } else if (edges == 1 && nodes == 0) {
            shown = source.get().edge(graph.selectedEdges().iterator().next()).orElse(null);
        }
        inspection.set(shown);
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

    private void copy(String text) {
        clipboard.copy(text);
        lastCopied.set(text);
    }
}
