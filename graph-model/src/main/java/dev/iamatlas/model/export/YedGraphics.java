package dev.iamatlas.model.export;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import java.io.StringReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.Namespace;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.jgrapht.Graph;

/**
 * Adds yEd's graphics to a GraphML document written by jgrapht-io: a {@code y:ShapeNode} per node (its label, a
 * colour per tier of the chain, a position in a left-to-right column per tier, so the file opens readable before any
 * layout is run) and a {@code y:PolyLineEdge} per edge (its label, a colour and line style per status). yEd reads
 * these keys ({@code yfiles.type="nodegraphics"} / {@code "edgegraphics"}); other tools ignore them and read the
 * plain data keys.
 *
 * @see <a href="https://yed.yworks.com/support/manual/graphml.html">yEd's GraphML extensions</a>
 */
final class YedGraphics {
    static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    static final String Y_NS = "http://www.yworks.com/xml/graphml";
    private static final String NODE_KEY = "yed_node_graphics";
    private static final String EDGE_KEY = "yed_edge_graphics";
    private static final double COLUMN = 360;
    private static final double ROW = 48;
    private static final double HEIGHT = 30;

    private YedGraphics() {
    }

    /** The fill colour of a node's tier. */
    static String fill(Node n) {
        return switch (n.kind().tier()) {
            case CALLER -> "#FDE68A";
            case API -> "#BFDBFE";
            case FUNCTION -> "#FED7AA";
            case ROLE -> "#DDD6FE";
            case CAPABILITY -> "#D1FAE5";
        };
    }

    /** The colour of an edge status. */
    static String colour(EdgeStatus status) {
        return switch (status) {
            case ALLOWED -> "#15803D";
            case CONDITIONAL -> "#A16207";
            case DENIED -> "#B91C1C";
        };
    }

    /** Copies {@code graphml} to {@code out}, adding the yEd keys, namespace and graphics. */
    static void decorate(String graphml, Graph<Node, AccessEdge> view, Writer out) throws java.io.IOException {
        Map<String, Node> nodes = new HashMap<>();
        view.vertexSet().forEach(n -> nodes.put(n.id(), n));
        Map<String, AccessEdge> edges = new HashMap<>();
        view.edgeSet().forEach(e -> edges.put(e.id(), e));
        Map<String, double[]> positions = positions(view);
        XMLInputFactory in = XMLInputFactory.newFactory();
        in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLEventFactory f = XMLEventFactory.newFactory();
        try {
            XMLEventReader reader = in.createXMLEventReader(new StringReader(graphml));
            XMLEventWriter writer = XMLOutputFactory.newFactory().createXMLEventWriter(out);
            String currentNode = null;
            String currentEdge = null;
            while (reader.hasNext()) {
                XMLEvent event = reader.nextEvent();
                if (event.isStartElement()) {
                    StartElement start = event.asStartElement();
                    String name = start.getName().getLocalPart();
                    if (name.equals("graphml")) {
                        List<Namespace> namespaces = new ArrayList<>();
                        for (Iterator<Namespace> it = start.getNamespaces(); it.hasNext(); ) {
                            namespaces.add(it.next());
                        }
                        namespaces.add(f.createNamespace("y", Y_NS));
                        event = f.createStartElement(start.getName(), start.getAttributes(), namespaces.iterator());
                    } else if (name.equals("graph")) {
                        key(writer, f, NODE_KEY, "node", "nodegraphics");
                        key(writer, f, EDGE_KEY, "edge", "edgegraphics");
                    } else if (name.equals("node")) {
                        currentNode = attribute(start, "id");
                    } else if (name.equals("edge")) {
                        currentEdge = attribute(start, "id");
                    }
                } else if (event.isEndElement()) {
                    String name = event.asEndElement().getName().getLocalPart();
                    if (name.equals("node") && currentNode != null && nodes.containsKey(currentNode)) {
                        shapeNode(writer, f, nodes.get(currentNode), positions.get(currentNode));
                        currentNode = null;
                    } else if (name.equals("edge") && currentEdge != null && edges.containsKey(currentEdge)) {
                        polyLineEdge(writer, f, edges.get(currentEdge));
                        currentEdge = null;
                    }
                }
                writer.add(event);
            }
            writer.flush();
        } catch (XMLStreamException e) {
            throw new java.io.IOException("GraphML could not be written: " + e.getMessage(), e);
        }
    }

    /** Columns by tier, rows by kind then id within a column: a first layout that reads left to right. */
    private static Map<String, double[]> positions(Graph<Node, AccessEdge> view) {
        Map<NodeKind.Tier, List<Node>> columns = new EnumMap<>(NodeKind.Tier.class);
        for (Node n : view.vertexSet()) {
            columns.computeIfAbsent(n.kind().tier(), t -> new ArrayList<>()).add(n);
        }
        Map<String, double[]> out = new HashMap<>();
        columns.forEach((tier, list) -> {
            list.sort(Comparator.comparing((Node n) -> n.kind()).thenComparing(Node::id));
            for (int i = 0; i < list.size(); i++) {
                out.put(list.get(i).id(), new double[] {tier.ordinal() * COLUMN, i * ROW});
            }
        });
        return out;
    }

    private static void key(XMLEventWriter w, XMLEventFactory f, String id, String forWhat, String type)
            throws XMLStreamException {
        w.add(f.createStartElement("", GRAPHML_NS, "key"));
        w.add(f.createAttribute("for", forWhat));
        w.add(f.createAttribute("id", id));
        w.add(f.createAttribute("yfiles.type", type));
        w.add(f.createEndElement("", GRAPHML_NS, "key"));
        w.add(f.createCharacters("\n    "));
    }

    private static void shapeNode(XMLEventWriter w, XMLEventFactory f, Node n, double[] xy) throws XMLStreamException {
        double width = Math.max(90, Math.min(330, 7.0 * n.label().length() + 24));
        data(w, f, NODE_KEY);
        start(w, f, "ShapeNode");
        empty(w, f, "Geometry", "height", fmt(HEIGHT), "width", fmt(width), "x", fmt(xy == null ? 0 : xy[0]), "y",
                fmt(xy == null ? 0 : xy[1]));
        empty(w, f, "Fill", "color", fill(n), "transparent", "false");
        empty(w, f, "BorderStyle", "color", "#4B5563", "type", "line", "width", "1.0");
        start(w, f, "NodeLabel", "alignment", "center", "autoSizePolicy", "content", "fontFamily", "Dialog",
                "fontSize", "12", "modelName", "internal", "modelPosition", "c", "visible", "true");
        w.add(f.createCharacters(n.label()));
        end(w, f, "NodeLabel");
        empty(w, f, "Shape", "type", switch (n.kind().tier()) {
            case CALLER -> "ellipse";
            case API -> "roundrectangle";
            case FUNCTION -> "rectangle";
            case ROLE -> "hexagon";
            case CAPABILITY -> "rectangle";
        });
        end(w, f, "ShapeNode");
        w.add(f.createEndElement("", GRAPHML_NS, "data"));
    }

    private static void polyLineEdge(XMLEventWriter w, XMLEventFactory f, AccessEdge e) throws XMLStreamException {
        data(w, f, EDGE_KEY);
        start(w, f, "PolyLineEdge");
        empty(w, f, "LineStyle", "color", colour(e.status()), "type", switch (e.status()) {
            case ALLOWED -> "line";
            case CONDITIONAL -> "dashed";
            case DENIED -> "dotted";
        }, "width", "1.0");
        empty(w, f, "Arrows", "source", "none", "target", "standard");
        start(w, f, "EdgeLabel", "fontFamily", "Dialog", "fontSize", "10", "textColor", colour(e.status()), "visible",
                "true");
        w.add(f.createCharacters(e.label()));
        end(w, f, "EdgeLabel");
        empty(w, f, "BendStyle", "smoothed", "true");
        end(w, f, "PolyLineEdge");
        w.add(f.createEndElement("", GRAPHML_NS, "data"));
    }

    private static void data(XMLEventWriter w, XMLEventFactory f, String key) throws XMLStreamException {
        w.add(f.createStartElement("", GRAPHML_NS, "data"));
        w.add(f.createAttribute("key", key));
    }

    private static void start(XMLEventWriter w, XMLEventFactory f, String name, String... attributes)
            throws XMLStreamException {
        w.add(f.createStartElement("y", Y_NS, name));
        for (int i = 0; i < attributes.length; i += 2) {
            w.add(f.createAttribute(attributes[i], attributes[i + 1]));
        }
    }

    private static void end(XMLEventWriter w, XMLEventFactory f, String name) throws XMLStreamException {
        w.add(f.createEndElement("y", Y_NS, name));
    }

    private static void empty(XMLEventWriter w, XMLEventFactory f, String name, String... attributes)
            throws XMLStreamException {
        start(w, f, name, attributes);
        end(w, f, name);
    }

    private static String attribute(StartElement start, String name) {
        Attribute a = start.getAttributeByName(new javax.xml.namespace.QName(name));
        return a == null ? null : a.getValue();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
