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
import dev.iamatlas.app.explore.ViewSelection;
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
    /** The nodes of the diagram that are shown at all (a large account's view), or null for all. */
    private final ReadOnlyObjectWrapper<Set<String>> visible = new ReadOnlyObjectWrapper<>(null);
    private final ObjectProperty<Set<String>> changedEdges = new SimpleObjectProperty<>(Set.of());
    private final ReadOnlyObjectWrapper<Emphasis> emphasis = new ReadOnlyObjectWrapper<>(Emphasis.NONE);
    private final BooleanProperty layingOut = new SimpleBooleanProperty(false);
    /** Incremented when a new diagram was laid out (not when a node was dragged): the canvas fits to it. */
    private final IntegerProperty freshLayouts = new SimpleIntegerProperty(0);
    /** A node the canvas should scroll to, set with {@link #reveal(String)}. */
    private final ObjectProperty<String> revealRequest = new SimpleObjectProperty<>();
    /** Nodes the canvas should bring into view together (a highlighted path), set by {@link #showPath}. */
    private final ObjectProperty<List<String>> fitRequest = new SimpleObjectProperty<>();
    private final Map<String, Point> pinned = new HashMap<>();
    private TaskExecutor.Handle running;
    private int generation;
    private String pendingReveal;
    private List<String> pendingPath;
    /** How many nodes a reveal adds around a node that the current view does not show. */
    static final int REVEAL_AROUND = 80;

    public GraphViewModel(TaskExecutor executor, DiagramLayout layout, DialogService dialogs) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        selectedNodes.addListener((javafx.collections.SetChangeListener<String>) c -> selectionChanged());
        selectedEdges.addListener((javafx.collections.SetChangeListener<String>) c -> selectionChanged());
        pathEdges.addListener((o, a, b) -> updateEmphasis());
        changedEdges.addListener((o, a, b) -> updateEmphasis());
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

    /** The nodes shown at all (the view of a large account), or null when every node of the diagram is. */
    public ReadOnlyObjectProperty<Set<String>> visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** Edges a what-if edit added or changed, drawn with a halo. */
    public ObjectProperty<Set<String>> changedEdgesProperty() {
        return changedEdges;
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

    /**
     * Nodes to bring into view together; the canvas fits them at a readable zoom, or centres on the first when
     * they do not fit.
     */
    public ObjectProperty<List<String>> fitRequestProperty() {
        return fitRequest;
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

    /** Shows a new diagram whole: clears selection, folding, focus and pins, and lays it out. */
    public void show(Diagram newDiagram) {
        show(newDiagram, null);
    }

    /**
     * Shows a new diagram: clears selection, folding, focus and pins, and lays out the given part of it.
     *
     * @param shown the nodes to show, or null for all
     */
    public void show(Diagram newDiagram, Set<String> shown) {
        show(newDiagram, shown, Set.of());
    }

    /**
     * Shows a new diagram with some groups folded from the start.
     *
     * @param shown the nodes to show, or null for all
     * @param folded the groups to fold
     */
    public void show(Diagram newDiagram, Set<String> shown, Set<String> folded) {
        Objects.requireNonNull(newDiagram, "newDiagram");
        diagram.set(newDiagram);
        visible.set(shown == null ? null : Set.copyOf(shown));
        selectedNodes.clear();
        selectedEdges.clear();
        pathEdges.set(List.of());
        changedEdges.set(Set.of());
        focusMode.set(false);
        collapsedGroups.clear();
        collapsedGroups.addAll(folded);
        pinned.clear();
        pendingPath = null;
        pendingReveal = null;
        relayout(true);
    }

    /**
     * Shows another version of the same diagram (after a what-if edit): selection, folding, pins and the view are
     * kept, nodes that are new are shown too, and the viewport stays where it is.
     *
     * @param alsoShow nodes to add to the view (the ends of edges the edit added)
     */
    public void update(Diagram newDiagram, Set<String> alsoShow) {
        Objects.requireNonNull(newDiagram, "newDiagram");
        diagram.set(newDiagram);
        if (visible.get() != null && !alsoShow.isEmpty()) {
            Set<String> more = new LinkedHashSet<>(visible.get());
            more.addAll(alsoShow);
            visible.set(Set.copyOf(more));
        }
        relayout(false);
    }

    /** Shows another part of the diagram (null: all of it) and lays it out afresh. */
    public void showOnly(Set<String> shown) {
        visible.set(shown == null ? null : Set.copyOf(shown));
        selectedNodes.clear();
        selectedEdges.clear();
        pathEdges.set(List.of());
        focusMode.set(false);
        relayout(true);
    }

    /** Lays the diagram out again with the current folding and pins (in the background). */
    public void relayout(boolean fresh) {
        if (running != null) {
            running.cancel();
        }
        int myGeneration = ++generation;
        Diagram source = diagram.get();
        LayoutOptions options = LayoutOptions.defaults().withVisible(visible.get())
                .withCollapsedGroups(Set.copyOf(collapsedGroups)).withPinned(Map.copyOf(pinned));
        layingOut.set(true);
        int count = visible.get() == null ? source.nodeCount() : visible.get().size();
        running = executor.execute(String.format(java.util.Locale.ROOT, "Laying out %,d nodes…", count),
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
                    if (pendingPath != null) {
                        List<String> path = pendingPath;
                        pendingPath = null;
                        showPath(path);
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
        boolean changed = false;
        if (visible.get() != null && !visible.get().contains(id)) {
            Set<String> more = new LinkedHashSet<>(visible.get());
            more.addAll(ViewSelection.around(diagram.get(), id, REVEAL_AROUND));
            visible.set(Set.copyOf(more));
            changed = true;
        }
        String group = node.get().groupId();
        if (group != null && collapsedGroups.remove(group)) {
            changed = true;
        }
        if (changed) {
            pendingReveal = id;
            relayout(false);
            return true;
        }
        return false;
    }

    /**
     * Highlights a path (a finding's) and scrolls to it, without changing the selection. Ends that the view does not
     * show are added to it, folded groups that hide them are unfolded (after a new layout); edge ids the diagram
     * does not have are ignored.
     */
    public void showPath(List<String> edgeIds) {
        if (layingOut.get()) {
            pendingPath = List.copyOf(edgeIds);
            return;
        }
        Set<String> ends = new LinkedHashSet<>();
        for (String id : edgeIds) {
            diagram.get().edge(id).ifPresent(e -> {
                ends.add(e.source());
                ends.add(e.target());
            });
        }
        boolean changed = false;
        if (visible.get() != null && !visible.get().containsAll(ends)) {
            Set<String> more = new LinkedHashSet<>(visible.get());
            more.addAll(ends);
            visible.set(Set.copyOf(more));
            changed = true;
        }
        for (String end : ends) {
            String group = diagram.get().node(end).map(DiagramNode::groupId).orElse(null);
            if (group != null && collapsedGroups.remove(group)) {
                changed = true;
            }
        }
        if (changed) {
            pendingPath = List.copyOf(edgeIds);
            relayout(false);
            return;
        }
        pathEdges.set(List.copyOf(edgeIds));
        // The first edge's target (the route of a public path, the function of a broken permission) comes first:
        // the canvas centres on it when the whole path does not fit at a readable zoom.
        List<String> ordered = new ArrayList<>();
        if (!edgeIds.isEmpty()) {
            diagram.get().edge(edgeIds.get(0)).ifPresent(e -> ordered.add(e.target()));
        }
        ends.stream().filter(id -> !ordered.contains(id)).forEach(ordered::add);
        List<String> shown = ordered.stream().filter(id -> laidOut.get().box(id).isPresent()).toList();
        if (!shown.isEmpty()) {
            fitRequest.set(null);
            fitRequest.set(shown);
        }
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
            List<String> all = diagram.get().members(groupId).stream().map(DiagramNode::id).toList();
            if (all.isEmpty() || visible.get() == null) {
                return false;
            }
            Set<String> more = new LinkedHashSet<>(visible.get());
            more.addAll(all);
            visible.set(Set.copyOf(more));
            pendingReveal = all.get(0);
            relayout(false);
            return true;
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

    /**
     * Double-click: unfolds a folded group; folds the group of a node that belongs to one (or the group a node
     * stands for, such as a function with its aliases).
     */
    public void toggleFold(String id) {
        if (collapsedGroups.remove(id)) {
            relayout(false);
            return;
        }
        String group = diagram.get().node(id).map(DiagramNode::groupId).orElse(null);
        if (group == null && diagram.get().group(id).isPresent()) {
            group = id;
        }
        if (group != null && collapsedGroups.add(group)) {
            selectedNodes.clear();
            selectedNodes.add(group);
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
        emphasis.set(new Emphasis(selectedNodes, selectedEdges, Set.copyOf(pathEdges.get()), focus.get(),
                changedEdges.get()));
    }
}
