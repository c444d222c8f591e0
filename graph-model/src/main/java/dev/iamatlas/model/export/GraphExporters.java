package dev.iamatlas.model.export;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.Node;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.json.JSONExporter;

/**
 * Writes the access graph, or any view of it (a subgraph, the current focus), as DOT, GraphML or JSON with
 * jgrapht-io's exporters. Nodes are keyed by their stable ids (ARNs), edges by theirs; the attributes are those of
 * {@link GraphAttributes}. GraphML additionally carries yEd graphics ({@link YedGraphics}) so that yEd shows labels,
 * colours and a first left-to-right layout without any mapping; Gephi takes the {@code label} attribute as the node
 * label.
 *
 * <p>Running time: linear in the nodes and edges of the view. The order of nodes and edges follows the view's.
 */
public final class GraphExporters {
    private GraphExporters() {
    }

    /** Writes the whole graph. */
    public static void write(AccessGraph graph, GraphFormat format, Writer out) throws IOException {
        write(Objects.requireNonNull(graph, "graph").view(), format, out);
    }

    /**
     * Writes a view of the graph (for example {@link AccessGraph#subgraph} for the current view); leaves {@code out}
     * open, flushed.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(Graph<Node, AccessEdge> view, GraphFormat format, Writer out) throws IOException {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        view = sorted(view);
        try {
            switch (format) {
                case DOT -> dot().exportGraph(view, out);
                case GRAPHML -> {
                    StringWriter plain = new StringWriter();
                    graphMl(view).exportGraph(view, plain);
                    YedGraphics.decorate(plain.toString(), view, out);
                }
                case JSON -> json().exportGraph(view, out);
                default -> throw new IllegalArgumentException("unsupported format " + format);
            }
        } catch (ExportException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("the graph could not be written as " + format.id() + ": " + e.getMessage(), e);
        }
        out.flush();
    }

    private static DOTExporter<Node, AccessEdge> dot() {
        DOTExporter<Node, AccessEdge> exporter = new DOTExporter<>(n -> quote(n.id()));
        exporter.setGraphIdProvider(() -> "access_graph");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("rankdir", DefaultAttribute.createAttribute("LR"));
            a.put("fontname", DefaultAttribute.createAttribute("Helvetica"));
            return a;
        });
        exporter.setVertexAttributeProvider(n -> {
            Map<String, Attribute> a = dotStrings(GraphAttributes.node(n));
            a.remove("id");
            a.put("shape", DefaultAttribute.createAttribute(shape(n)));
            a.put("style", DefaultAttribute.createAttribute("filled"));
            a.put("fillcolor", DefaultAttribute.createAttribute(YedGraphics.fill(n)));
            a.put("fontname", DefaultAttribute.createAttribute("Helvetica"));
            return a;
        });
        exporter.setEdgeIdProvider(AccessEdge::id);
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = dotStrings(GraphAttributes.edge(e));
            a.remove("source");
            a.remove("target");
            a.put("color", DefaultAttribute.createAttribute(YedGraphics.colour(e.status())));
            a.put("fontcolor", DefaultAttribute.createAttribute(YedGraphics.colour(e.status())));
            a.put("style", DefaultAttribute.createAttribute(e.status() == EdgeStatus.ALLOWED ? "solid"
                    : e.status() == EdgeStatus.CONDITIONAL ? "dashed" : "dotted"));
            a.put("fontname", DefaultAttribute.createAttribute("Helvetica"));
            return a;
        });
        return exporter;
    }

    private static GraphMLExporter<Node, AccessEdge> graphMl(Graph<Node, AccessEdge> view) {
        GraphMLExporter<Node, AccessEdge> exporter = new GraphMLExporter<>(Node::id);
        exporter.setEdgeIdProvider(AccessEdge::id);
        // jgrapht reserves these names for its own label and weight keys; ours ("weight" of an alias route) are data
        exporter.setEdgeWeightAttributeName("jgrapht.weight");
        exporter.setVertexLabelAttributeName("jgrapht.vertexLabel");
        exporter.setEdgeLabelAttributeName("jgrapht.edgeLabel");
        Set<String> nodeKeys = new TreeSet<>();
        for (Node n : view.vertexSet()) {
            nodeKeys.addAll(GraphAttributes.node(n).keySet());
        }
        nodeKeys.remove("id");
        Set<String> edgeKeys = new TreeSet<>();
        for (AccessEdge e : view.edgeSet()) {
            edgeKeys.addAll(GraphAttributes.edge(e).keySet());
        }
        edgeKeys.remove("id");
        edgeKeys.remove("source");
        edgeKeys.remove("target");
        // one key per name: a name both nodes and edges carry (label, stage, ...) is one key for "all"
        Set<String> names = new TreeSet<>(nodeKeys);
        names.addAll(edgeKeys);
        for (String k : names) {
            GraphMLExporter.AttributeCategory category = nodeKeys.contains(k) && edgeKeys.contains(k)
                    ? GraphMLExporter.AttributeCategory.ALL
                    : nodeKeys.contains(k) ? GraphMLExporter.AttributeCategory.NODE : GraphMLExporter.AttributeCategory.EDGE;
            exporter.registerAttribute(k, category, AttributeType.STRING);
        }
        exporter.setVertexAttributeProvider(n -> strings(GraphAttributes.node(n)));
        exporter.setEdgeAttributeProvider(e -> strings(GraphAttributes.edge(e)));
        return exporter;
    }

    private static JSONExporter<Node, AccessEdge> json() {
        JSONExporter<Node, AccessEdge> exporter = new JSONExporter<>(Node::id);
        exporter.setEdgeIdProvider(AccessEdge::id);
        exporter.setVertexAttributeProvider(n -> {
            Map<String, Attribute> a = strings(GraphAttributes.node(n));
            a.remove("id");
            return a;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = strings(GraphAttributes.edge(e));
            a.remove("id");
            a.remove("source");
            a.remove("target");
            return a;
        });
        return exporter;
    }

    /**
     * The view with nodes and edges in id order, so that two exports of the same account are identical (the graph
     * itself keeps the order in which parallel analysis added them). A copy: linear in its size plus the sort.
     */
    static Graph<Node, AccessEdge> sorted(Graph<Node, AccessEdge> view) {
        DirectedPseudograph<Node, AccessEdge> copy = new DirectedPseudograph<>(null, null, false);
        List<Node> nodes = new ArrayList<>(view.vertexSet());
        nodes.sort(Comparator.comparing(Node::id));
        nodes.forEach(copy::addVertex);
        List<AccessEdge> edges = new ArrayList<>(view.edgeSet());
        edges.sort(Comparator.comparing(AccessEdge::id));
        for (AccessEdge e : edges) {
            copy.addEdge(view.getEdgeSource(e), view.getEdgeTarget(e), e);
        }
        return copy;
    }

    private static Map<String, Attribute> strings(Map<String, String> values) {
        Map<String, Attribute> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, DefaultAttribute.createAttribute(v)));
        return out;
    }

    /**
     * Attribute values for DOT. In a DOT quoted string only {@code \"} is an escape (jgrapht-io writes it for every
     * quote); a backslash is kept as it is, so a value that ends in one would escape its closing quote: a space is
     * added after it.
     */
    private static Map<String, Attribute> dotStrings(Map<String, String> values) {
        Map<String, Attribute> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, DefaultAttribute.createAttribute(dotSafe(v))));
        return out;
    }

    /** A DOT identifier: the id in double quotes, its quotes escaped (see {@link #dotStrings}). */
    static String quote(String id) {
        return "\"" + dotSafe(id).replace("\"", "\\\"") + "\"";
    }

    private static String dotSafe(String value) {
        return value.endsWith("\\") ? value + " " : value;
    }

    private static String shape(Node n) {
        return switch (n.kind().tier()) {
            case CALLER -> "ellipse";
            case API -> "box";
            case FUNCTION -> "component";
            case ROLE -> "hexagon";
            case CAPABILITY -> "note";
        };
    }
}
