package dev.iamatlas.app.diagram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A diagram with positions: a box per node, a route per edge, the bounds of it all. Immutable; moving a node
 * makes a new one ({@link #withNodeMovedTo}). Spatial queries ({@link #nodesIn}, {@link #edgesIn}, {@link #nodeAt},
 * {@link #edgeAt}) use a grid index, so their cost depends on the area asked about, not on the diagram's size.
 */
public final class LaidOutDiagram {
    private static final LaidOutDiagram EMPTY = new LaidOutDiagram(Diagram.empty(), List.of(), List.of());

    private final Diagram diagram;
    private final List<NodeBox> boxes;
    private final List<EdgeRoute> routes;
    private final Map<String, Integer> boxIndex = new HashMap<>();
    private final Map<String, Integer> routeIndex = new HashMap<>();
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private volatile SpatialIndex nodeGrid;
    private volatile SpatialIndex edgeGrid;

    /**
     * @param diagram the diagram that was laid out (after folding and focusing)
     * @param boxes one box per node of {@code diagram}
     * @param routes one route per edge of {@code diagram}
     */
    public LaidOutDiagram(Diagram diagram, List<NodeBox> boxes, List<EdgeRoute> routes) {
        this.diagram = Objects.requireNonNull(diagram, "diagram");
        this.boxes = List.copyOf(boxes);
        this.routes = List.copyOf(routes);
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < this.boxes.size(); i++) {
            NodeBox box = this.boxes.get(i);
            boxIndex.put(box.node().id(), i);
            x0 = Math.min(x0, box.x());
            y0 = Math.min(y0, box.y());
            x1 = Math.max(x1, box.maxX());
            y1 = Math.max(y1, box.maxY());
        }
        for (int i = 0; i < this.routes.size(); i++) {
            EdgeRoute route = this.routes.get(i);
            routeIndex.put(route.edge().id(), i);
            x0 = Math.min(x0, route.minX());
            y0 = Math.min(y0, route.minY());
            x1 = Math.max(x1, route.maxX());
            y1 = Math.max(y1, route.maxY());
        }
        if (x0 > x1) {
            x0 = y0 = x1 = y1 = 0;
        }
        this.minX = x0;
        this.minY = y0;
        this.maxX = x1;
        this.maxY = y1;
    }

    public static LaidOutDiagram empty() {
        return EMPTY;
    }

    public Diagram diagram() {
        return diagram;
    }

    public List<NodeBox> boxes() {
        return boxes;
    }

    public List<EdgeRoute> routes() {
        return routes;
    }

    public Optional<NodeBox> box(String nodeId) {
        Integer i = boxIndex.get(nodeId);
        return i == null ? Optional.empty() : Optional.of(boxes.get(i));
    }

    public Optional<EdgeRoute> route(String edgeId) {
        Integer i = routeIndex.get(edgeId);
        return i == null ? Optional.empty() : Optional.of(routes.get(i));
    }

    /** Left of everything drawn (nodes, edges, labels). */
    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double maxX() {
        return maxX;
    }

    public double maxY() {
        return maxY;
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    /** Positions of the nodes the user placed by hand. */
    public Map<String, Point> pinnedPositions() {
        Map<String, Point> pinned = new LinkedHashMap<>();
        for (NodeBox box : boxes) {
            if (box.pinned()) {
                pinned.put(box.node().id(), new Point(box.x(), box.y()));
            }
        }
        return Collections.unmodifiableMap(pinned);
    }

    /** Boxes that intersect the rectangle, in painting order. */
    public List<NodeBox> nodesIn(double x, double y, double w, double h) {
        List<NodeBox> result = new ArrayList<>();
        for (int i : nodeGrid().query(x, y, w, h)) {
            NodeBox box = boxes.get(i);
            if (box.intersects(x, y, w, h)) {
                result.add(box);
            }
        }
        return result;
    }

    /** Routes whose bounds intersect the rectangle, in painting order. */
    public List<EdgeRoute> edgesIn(double x, double y, double w, double h) {
        List<EdgeRoute> result = new ArrayList<>();
        for (int i : edgeGrid().query(x, y, w, h)) {
            EdgeRoute route = routes.get(i);
            if (route.intersects(x, y, w, h)) {
                result.add(route);
            }
        }
        return result;
    }

    /** The topmost node under a point, if any. */
    public Optional<NodeBox> nodeAt(double x, double y) {
        List<NodeBox> hits = nodesIn(x - 0.5, y - 0.5, 1, 1);
        for (int i = hits.size() - 1; i >= 0; i--) {
            if (hits.get(i).contains(x, y)) {
                return Optional.of(hits.get(i));
            }
        }
        return Optional.empty();
    }

    /** The edge closest to a point within {@code tolerance}, if any. */
    public Optional<EdgeRoute> edgeAt(double x, double y, double tolerance) {
        EdgeRoute best = null;
        double bestDistance = tolerance;
        for (EdgeRoute route : edgesIn(x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance)) {
            double d = route.distanceTo(x, y);
            if (d <= bestDistance) {
                best = route;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The same layout with one node moved (top-left corner at x, y) and pinned there; the edges that touch it are
     * routed again with a simple orthogonal path. O(nodes + edges).
     *
     * @throws IllegalArgumentException when the node is not in this layout
     */
    public LaidOutDiagram withNodeMovedTo(String nodeId, double x, double y) {
        return withNodesMoved(Map.of(nodeId, new Point(x, y)));
    }

    /** As {@link #withNodeMovedTo}, for several nodes at once; unknown ids are ignored. */
    public LaidOutDiagram withNodesMoved(Map<String, Point> positions) {
        if (positions.isEmpty()) {
            return this;
        }
        List<NodeBox> newBoxes = new ArrayList<>(boxes);
        boolean any = false;
        for (Map.Entry<String, Point> e : positions.entrySet()) {
            Integer i = boxIndex.get(e.getKey());
            if (i != null) {
                newBoxes.set(i, boxes.get(i).movedTo(e.getValue().x(), e.getValue().y()));
                any = true;
            }
        }
        if (!any) {
            if (positions.size() == 1) {
                throw new IllegalArgumentException("no node " + positions.keySet().iterator().next() + " in layout");
            }
            return this;
        }
        Map<String, NodeBox> byId = new HashMap<>();
        newBoxes.forEach(b -> byId.put(b.node().id(), b));
        List<EdgeRoute> newRoutes = new ArrayList<>(routes.size());
        for (EdgeRoute route : routes) {
            DiagramEdge edge = route.edge();
            if (positions.containsKey(edge.source()) || positions.containsKey(edge.target())) {
                newRoutes.add(Routes.direct(edge, byId.get(edge.source()), byId.get(edge.target()),
                        route.labelWidth(), route.labelHeight()));
            } else {
                newRoutes.add(route);
            }
        }
        return new LaidOutDiagram(diagram, newBoxes, newRoutes);
    }

    private SpatialIndex nodeGrid() {
        SpatialIndex grid = nodeGrid;
        if (grid == null) {
            grid = new SpatialIndex(boxes.size());
            for (int i = 0; i < boxes.size(); i++) {
                NodeBox b = boxes.get(i);
                grid.addRect(i, b.x(), b.y(), b.width(), b.height());
            }
            nodeGrid = grid;
        }
        return grid;
    }

    private SpatialIndex edgeGrid() {
        SpatialIndex grid = edgeGrid;
        if (grid == null) {
            grid = new SpatialIndex(routes.size());
            for (int i = 0; i < routes.size(); i++) {
                EdgeRoute r = routes.get(i);
                for (int p = 0; p + 1 < r.pointCount(); p++) {
                    grid.addSegment(i, r.x(p), r.y(p), r.x(p + 1), r.y(p + 1));
                }
                if (r.hasLabel()) {
                    grid.addRect(i, r.labelX(), r.labelY(), r.labelWidth(), r.labelHeight());
                }
            }
            edgeGrid = grid;
        }
        return grid;
    }
}
