package dev.iamatlas.app.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a diagram out with ELK's layered algorithm (Sugiyama style): left to right, one partition per {@link
 * dev.iamatlas.model.graph.NodeKind.Tier} so the columns read callers → routes → functions → roles →
 * capabilities, orthogonal edge routing, and edge labels placed by ELK as part of the layering (each label gets
 * its own slot, so labels overlap neither nodes nor each other). Text is measured with the given {@link
 * TextMeasurer}.
 *
 * <p>Nodes the user pinned are moved to their positions after the layered layout, and the edges that touch them
 * are routed again by {@link LaidOutDiagram#withNodesMoved}.
 *
 * <p>Running time: up to {@value #LARGE} nodes ELK assigns layers itself (network simplex within the tier
 * partitions: best looking, but superlinear); above that the layers come straight from the tiers ({@link
 * TierLayers}, linear) and ELK only orders, places and routes, so a 2,000-node diagram takes one to two seconds
 * (see docs/performance.md). Thread-safe: every call builds its own ELK
 * graph.
 */
public final class ElkDiagramLayout implements DiagramLayout {
    private static final double PADDING = 30;
    /** Above this many nodes, layers come from the tiers instead of ELK's network simplex layering. */
    static final int LARGE = 400;

    static {
        LayoutMetaDataService service = LayoutMetaDataService.getInstance();
        if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
            service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        }
    }

    private final TextMeasurer measurer;

    public ElkDiagramLayout(TextMeasurer measurer) {
        this.measurer = Objects.requireNonNull(measurer, "measurer");
    }

    /** A layout that measures text with java.awt fonts, as exports draw it. */
    public static ElkDiagramLayout withAwtFonts() {
        return new ElkDiagramLayout(AwtTextMeasurer.instance());
    }

    @Override
    public LaidOutDiagram layout(Diagram diagram, LayoutOptions options, BooleanSupplier cancelled) {
        Objects.requireNonNull(diagram, "diagram");
        Objects.requireNonNull(options, "options");
        Diagram shown = options.apply(diagram);
        if (shown.isEmpty()) {
            return new LaidOutDiagram(shown, List.of(), List.of());
        }
        boolean labels = switch (options.edgeLabels()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> shown.edgeCount() <= LayoutOptions.AUTO_LABEL_LIMIT;
        };

        ElkNode root = ElkGraphUtil.createGraph();
        boolean large = shown.nodeCount() > LARGE;
        configure(root, large);
        Map<String, Integer> layers = large ? TierLayers.assign(shown) : Map.of();
        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        int order = 0;
        for (DiagramNode node : shown.nodes()) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(NodeSizing.width(node, measurer), NodeSizing.height(node));
            if (large) {
                // Pseudo positions for interactive layering: x picks the layer, y the initial order.
                n.setLocation(layers.get(node.id()) * 1000.0, order++ * 10.0);
            } else {
                n.setProperty(LayeredOptions.PARTITIONING_PARTITION, node.column().ordinal());
            }
            elkNodes.put(node.id(), n);
        }
        Map<ElkEdge, DiagramEdge> elkEdges = new LinkedHashMap<>();
        List<DiagramEdge> selfLoops = new ArrayList<>();
        for (DiagramEdge edge : shown.edges()) {
            if (edge.source().equals(edge.target())) {
                selfLoops.add(edge);
                continue;
            }
            ElkEdge e = ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.source()), elkNodes.get(edge.target()));
            if (labels && !edge.label().isEmpty()) {
                ElkLabel label = ElkGraphUtil.createLabel(edge.label(), e);
                label.setDimensions(NodeSizing.edgeLabelWidth(edge.label(), measurer), NodeSizing.EDGE_LABEL_HEIGHT);
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            elkEdges.put(e, edge);
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("layout cancelled");
        }

        new RecursiveGraphLayoutEngine().layout(root, new CancellableMonitor(cancelled));
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("layout cancelled");
        }

        List<NodeBox> boxes = new ArrayList<>(shown.nodeCount());
        Map<String, NodeBox> byId = new HashMap<>();
        for (DiagramNode node : shown.nodes()) {
            ElkNode n = elkNodes.get(node.id());
            NodeBox box = new NodeBox(node, n.getX(), n.getY(), n.getWidth(), n.getHeight(), false);
            boxes.add(box);
            byId.put(node.id(), box);
        }
        List<EdgeRoute> routes = new ArrayList<>(shown.edgeCount());
        for (Map.Entry<ElkEdge, DiagramEdge> entry : elkEdges.entrySet()) {
            routes.add(route(entry.getKey(), entry.getValue(), byId));
        }
        for (DiagramEdge loop : selfLoops) {
            NodeBox box = byId.get(loop.source());
            routes.add(new EdgeRoute(loop, new double[] {box.maxX() - 10, box.y(), box.maxX() - 10, box.y() - 12,
                    box.maxX() + 12, box.y() - 12, box.maxX() + 12, box.y() + 10, box.maxX(), box.y() + 10}, 0, 0, 0,
                    0));
        }
        LaidOutDiagram laidOut = new LaidOutDiagram(shown, boxes, routes);
        Map<String, Point> pinned = new HashMap<>(options.pinned());
        pinned.keySet().retainAll(byId.keySet());
        return laidOut.withNodesMoved(pinned);
    }

    private static void configure(ElkNode root, boolean large) {
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(PADDING));
        // One global layering, so the tier columns line up across otherwise unconnected parts.
        root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        if (large) {
            // Network simplex layering grows much faster than linear (30 s for 2,000 nodes); the tiers already
            // give the layers, so hand them over as positions (see TierLayers).
            root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.INTERACTIVE);
            root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.INTERACTIVE);
        } else {
            root.setProperty(LayeredOptions.PARTITIONING_ACTIVATE, true);
        }
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 16.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 6.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 6.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 10.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 2.0);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
        // Keep the order in which nodes were added (routes of one API together) where crossings allow. ELK sorts
        // each layer by model order with an insertion sort (quadratic): an account's view can put a thousand
        // routes in one column, which then takes minutes, so large diagrams leave the order to crossing
        // minimisation alone (seeded with the model order through the interactive layering's positions).
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, large ? OrderingStrategy.NONE
                : OrderingStrategy.NODES_AND_EDGES);
        root.setProperty(LayeredOptions.THOROUGHNESS, large ? 2 : 7);
        root.setProperty(LayeredOptions.RANDOM_SEED, 1);
    }

    private static EdgeRoute route(ElkEdge e, DiagramEdge edge, Map<String, NodeBox> byId) {
        double labelX = 0;
        double labelY = 0;
        double labelW = 0;
        double labelH = 0;
        if (!e.getLabels().isEmpty()) {
            ElkLabel label = e.getLabels().get(0);
            labelX = label.getX();
            labelY = label.getY();
            labelW = label.getWidth();
            labelH = label.getHeight();
        }
        if (e.getSections().isEmpty()) {
            return Routes.direct(edge, byId.get(edge.source()), byId.get(edge.target()), labelW, labelH);
        }
        ElkEdgeSection section = e.getSections().get(0);
        List<ElkBendPoint> bends = section.getBendPoints();
        double[] coords = new double[4 + 2 * bends.size()];
        int i = 0;
        coords[i++] = section.getStartX();
        coords[i++] = section.getStartY();
        for (ElkBendPoint bend : bends) {
            coords[i++] = bend.getX();
            coords[i++] = bend.getY();
        }
        coords[i++] = section.getEndX();
        coords[i] = section.getEndY();
        return new EdgeRoute(edge, coords, labelX, labelY, labelW, labelH);
    }

    /** Lets a long layout be stopped: ELK polls {@code isCanceled()} between its phases. */
    private static final class CancellableMonitor extends BasicProgressMonitor {
        private final BooleanSupplier cancelled;

        CancellableMonitor(BooleanSupplier cancelled) {
            this.cancelled = cancelled;
        }

        @Override
        public boolean isCanceled() {
            return cancelled.getAsBoolean();
        }
    }
}
