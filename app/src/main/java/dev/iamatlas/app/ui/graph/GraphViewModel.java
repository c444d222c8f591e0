package dev.iamatlas.app.ui.graph;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramEdge;
import dev.iamatlas.app.diagram.DiagramLayout;
import dev.iamatlas.app.diagram.DiagramNode;
import dev.iamatlas.app.diagram.Emphasis;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.diagram.LayoutOptions;
import dev.iamatlas.app.diagram.NodeBox;
import dev.iamatlas.app.diagram.Point;
import dev.iamatlas.app.ui.support.DialogService;
import dev.iamatlas.app.ui.support.TaskExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The state of the graph canvas: the diagram, its current layout, what is selected, folded, focused, pinned and
 * highlighted; and the commands on them. Layouts run through the {@link TaskExecutor}. Knows nothing of where the
 * diagram came from.
 */
public final class GraphViewModel {
    private final TaskExecutor executor;
    private final DiagramLayout layout;
    private final DialogService dialogs;

    private final ObjectProperty<Diagram> diagram = new SimpleObjectProperty<>(Diagram.empty());
    private final ReadOnlyObjectWrapper<LaidOutDiagram> laidOut = new ReadOnlyObjectWrapper<>(LaidOutDiagram.empty());
    private final ObservableSet<String> collapsedGroups = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> selectedNodes = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> selectedEdges = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObjectProperty<List<String>> pathEdges = new SimpleObjectProperty<>(List.of());
    private final BooleanProperty focusMode = new SimpleBooleanProperty(false);
    private final ObjectProperty<Set<String>> focus = new SimpleObjectProperty<>(null);
    private final ReadOnlyObjectWrapper<Emphasis> emphasis = new ReadOnlyObjectWrapper<>(Emphasis.NONE);
    private final BooleanProperty layingOut = new SimpleBooleanProperty(false);
    /** Incremented when a new diagram was laid out (not when a node was dragged): the canvas fits to it. */
    private final IntegerProperty freshLayouts = new SimpleIntegerProperty(0);
    /** A node the canvas should scroll to, set with {@link #reveal(String)}. */
    private final ObjectProperty<String> revealRequest = new SimpleObjectProperty<>();
    private final Map<String, Point> pinned = new HashMap<>();
    private TaskExecutor.Handle running;
    private int generation;
    private String pendingReveal;

    public GraphViewModel(TaskExecutor executor, DiagramLayout layout, DialogService dialogs) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        selectedNodes.addListener((javafx.collections.SetChangeListener<String>) c -> selectionChanged());
        selectedEdges.addListener((javafx.collections.SetChangeListener<String>) c -> selectionChanged());
        pathEdges.addListener((o, a, b) -> updateEmphasis());
        focus.addListener((o, a, b) -> updateEmphasis());
        focusMode.addListener((o, was, on) -> focus.set(on ? reachOfSelection() : null));
    }

    // ---------------------------------------------------------------------------------------------- properties

    public ObjectProperty<Diagram> diagramProperty() {
        return diagram;
    }

    public ReadOnlyObjectProperty<LaidOutDiagram> laidOutProperty() {
        return laidOut.getReadOnlyProperty();
    }

    public LaidOutDiagram laidOut() {
        return laidOut.get();
    }

    public ObservableSet<String> selectedNodes() {
        return selectedNodes;
    }

    public ObservableSet<String> selectedEdges() {
        return selectedEdges;
    }

    public ObservableSet<String> collapsedGroups() {
        return collapsedGroups;
    }

    public ObjectProperty<List<String>> pathEdgesProperty() {
        return pathEdges;
    }

    public BooleanProperty focusModeProperty() {
        return focusMode;
    }

    public ReadOnlyObjectProperty<Emphasis> emphasisProperty() {
        return emphasis.getReadOnlyProperty();
    }

    public BooleanProperty layingOutProperty() {
        return layingOut;
    }

    public IntegerProperty freshLayoutsProperty() {
        return freshLayouts;
    }

    public ObjectProperty<String> revealRequestProperty() {
        return revealRequest;
    }

    /** True when exactly two nodes are selected, so a path between them can be highlighted. */
    public BooleanBinding twoNodesSelected() {
        return Bindings.createBooleanBinding(() -> selectedNodes.size() == 2, selectedNodes);
    }

    /** Positions of the nodes dragged by hand, kept while the app runs. */
    public Map<String, Point> pinnedPositions() {
        return Map.copyOf(pinned);
    }

    // ---------------------------------------------------------------------------------------------- commands

    /** Shows a new diagram: clears selection, folding, focus and pins, and lays it out. */
    public void show(Diagram newDiagram) {
        Objects.requireNonNull(newDiagram, "newDiagram");
        diagram.set(newDiagram);
        selectedNodes.clear();
        selectedEdges.clear();
        pathEdges.set(List.of());
        focusMode.set(false);
        collapsedGroups.clear();
        pinned.clear();
        relayout(true);
    }

    /** Lays the diagram out again with the current folding and pins (in the background). */
    public void relayout(boolean fresh) {
        if (running != null) {
            running.cancel();
        }
        int myGeneration = ++generation;
        Diagram source = diagram.get();
        LayoutOptions options = LayoutOptions.defaults().withCollapsedGroups(Set.copyOf(collapsedGroups))
                .withPinned(Map.copyOf(pinned));
        layingOut.set(true);
        running = executor.execute("Laying out " + source.nodeCount() + " nodes…",
                progress -> layout.layout(source, options, progress::isCancelled),
                result -> {
                    if (myGeneration != generation) {
                        return;
                    }
                    layingOut.set(false);
                    laidOut.set(result);
                    selectedNodes.retainAll(idsOf(result));
                    selectedEdges.removeIf(id -> result.route(id).isEmpty());
                    if (fresh) {
                        freshLayouts.set(freshLayouts.get() + 1);
                    }
                    if (focusMode.get()) {
                        focus.set(reachOfSelection());
                    }
                    updateEmphasis();
                    if (pendingReveal != null) {
                        String id = pendingReveal;
                        pendingReveal = null;
                        reveal(id);
                    }
                },
                error -> {
                    if (myGeneration == generation) {
                        layingOut.set(false);
                    }
                    if (!(error instanceof CancellationException)) {
                        dialogs.showError("Layout failed", error.getMessage() == null ? error.toString()
                                : error.getMessage());
                    }
                });
    }

    private static Set<String> idsOf(LaidOutDiagram d) {
        Set<String> ids = new HashSet<>();
        d.boxes().forEach(b -> ids.add(b.node().id()));
        return ids;
    }

    /** Selects one node only (or adds/removes it with {@code toggle}). */
    public void selectNode(String id, boolean toggle) {
        if (toggle) {
            if (!selectedNodes.remove(id)) {
                selectedNodes.add(id);
            }
        } else {
            selectedEdges.clear();
            selectedNodes.clear();
            selectedNodes.add(id);
        }
    }

    /** Selects one edge only (or adds/removes it with {@code toggle}). */
    public void selectEdge(String id, boolean toggle) {
        if (toggle) {
            if (!selectedEdges.remove(id)) {
                selectedEdges.add(id);
            }
        } else {
            selectedNodes.clear();
            selectedEdges.clear();
            selectedEdges.add(id);
        }
    }

    /** Replaces (or extends) the selection with these nodes, as a rubber band does. */
    public void selectNodes(Collection<String> ids, boolean add) {
        if (!add) {
            selectedNodes.clear();
            selectedEdges.clear();
        }
        selectedNodes.addAll(ids);
    }

    public void clearSelection() {
        selectedNodes.clear();
        selectedEdges.clear();
        pathEdges.set(List.of());
        focusMode.set(false);
    }

    /**
     * Selects a node of the full diagram and scrolls to it; when it is folded into a group, the group is unfolded
     * first (after the new layout).
     *
     * @return false when the diagram has no such node
     */
    public boolean reveal(String id) {
        if (laidOut.get().box(id).isPresent()) {
            selectNode(id, false);
            revealRequest.set(null);
            revealRequest.set(id);
            return true;
        }
        Optional<DiagramNode> node = diagram.get().node(id);
        if (node.isEmpty()) {
            return false;
        }
        String group = node.get().groupId();
        if (group != null && collapsedGroups.remove(group)) {
            pendingReveal = id;
            relayout(false);
            return true;
        }
        return false;
    }

    /**
     * Selects everything of a group: the folded node when the group is folded, else its members; scrolls to it.
     *
     * @return false when nothing of the group is in the layout
     */
    public boolean revealGroup(String groupId) {
        if (laidOut.get().box(groupId).isPresent()) {
            return reveal(groupId);
        }
        List<String> members = diagram.get().members(groupId).stream().map(DiagramNode::id)
                .filter(id -> laidOut.get().box(id).isPresent()).toList();
        if (members.isEmpty()) {
            return false;
        }
        selectNodes(members, false);
        revealRequest.set(null);
        revealRequest.set(members.get(0));
        return true;
    }

    /** Moves a node (its top-left corner) and pins it there; its edges are re-routed at once. */
    public void moveNode(String id, double x, double y) {
        laidOut.set(laidOut.get().withNodeMovedTo(id, x, y));
        pinned.put(id, new Point(x, y));
    }

    /** Lets every dragged node go back to where the layout puts it. */
    public void unpinAll() {
        pinned.clear();
        relayout(false);
    }

    /** Folds the group of the selected nodes (or the groups of all selected nodes). */
    public void collapseSelectedGroups() {
        Set<String> groups = new LinkedHashSet<>();
        for (String id : selectedNodes) {
            diagram.get().node(id).map(DiagramNode::groupId).ifPresent(groups::add);
        }
        if (!groups.isEmpty() && collapsedGroups.addAll(groups)) {
            selectedNodes.clear();
            selectedNodes.addAll(groups);
            relayout(false);
        }
    }

    /** Unfolds the selected folded groups; with none selected, every group. */
    public void expandSelectedGroups() {
        Set<String> toExpand = new HashSet<>(selectedNodes);
        toExpand.retainAll(collapsedGroups);
        boolean changed = toExpand.isEmpty() ? !collapsedGroups.isEmpty() : collapsedGroups.removeAll(toExpand);
        if (toExpand.isEmpty()) {
            collapsedGroups.clear();
        }
        if (changed) {
            relayout(false);
        }
    }

    /** Folds every group of the diagram: each API into one node, each account's roles into one. */
    public void collapseAll() {
        List<String> all = new ArrayList<>();
        diagram.get().groups().forEach(g -> all.add(g.id()));
        if (collapsedGroups.addAll(all)) {
            relayout(false);
        }
    }

    /**
     * Highlights a shortest path between the two selected nodes (either direction).
     *
     * @return false (and nothing highlighted) when two nodes are not selected or no path joins them
     */
    public boolean highlightPathBetweenSelection() {
        if (selectedNodes.size() != 2) {
            return false;
        }
        List<String> ids = new ArrayList<>(selectedNodes);
        Diagram shown = laidOut.get().diagram();
        List<DiagramEdge> path = shown.shortestPath(ids.get(0), ids.get(1));
        pathEdges.set(path.stream().map(DiagramEdge::id).toList());
        return !path.isEmpty();
    }

    /** Highlights these edges as a path (for a finding); ids not in the diagram are ignored. */
    public void highlightPath(List<String> edgeIds) {
        pathEdges.set(List.copyOf(edgeIds));
    }

    /** Ids of the nodes whose boxes lie inside a rectangle of diagram coordinates. */
    public List<String> nodesInside(double x, double y, double w, double h) {
        List<String> ids = new ArrayList<>();
        for (NodeBox box : laidOut.get().nodesIn(x, y, w, h)) {
            if (box.x() >= x && box.y() >= y && box.maxX() <= x + w && box.maxY() <= y + h) {
                ids.add(box.node().id());
            }
        }
        return ids;
    }

    private Set<String> reachOfSelection() {
        Set<String> start = new LinkedHashSet<>(selectedNodes);
        Diagram shown = laidOut.get().diagram();
        for (String edgeId : selectedEdges) {
            shown.edge(edgeId).ifPresent(e -> {
                start.add(e.source());
                start.add(e.target());
            });
        }
        return start.isEmpty() ? null : shown.reach(start);
    }

    private void selectionChanged() {
        if (focusMode.get()) {
            Set<String> reach = reachOfSelection();
            if (reach != null) {
                focus.set(reach);
            }
        }
        updateEmphasis();
    }

    private void updateEmphasis() {
        emphasis.set(new Emphasis(selectedNodes, selectedEdges, Set.copyOf(pathEdges.get()), focus.get()));
    }
}
