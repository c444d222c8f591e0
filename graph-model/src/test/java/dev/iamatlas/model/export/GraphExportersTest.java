package dev.iamatlas.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.GraphWriter;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphExportersTest {
    private static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String Y_NS = "http://www.yworks.com/xml/graphml";

    private static AccessGraph demo;

    @BeforeAll
    static void analyseTheDemo() throws IOException {
        try (AnalysisSession session = AnalysisSession.open(SnapshotSource.demo(), 2)) {
            demo = session.graph();
        }
    }

    @Test
    void graphMlIsXmlWithEveryNodeAndEdgeAndTheirAttributes() throws Exception {
        Document doc = xml(write(demo, GraphFormat.GRAPHML));

        NodeList nodes = doc.getElementsByTagNameNS(GRAPHML_NS, "node");
        NodeList edges = doc.getElementsByTagNameNS(GRAPHML_NS, "edge");
        assertThat(nodes.getLength()).isEqualTo(demo.nodes().size());
        assertThat(edges.getLength()).isEqualTo(demo.edges().size());
        Map<String, String> keys = keys(doc);
        assertThat(keys.values()).contains("kind", "label", "arn", "status", "type");
        Element legacy = byId(nodes, "arn:aws:lambda:us-east-1:111122223333:function:legacy-reports");
        assertThat(data(legacy, keys, "kind")).isEqualTo("LAMBDA_FUNCTION");
        assertThat(data(legacy, keys, "label")).isEqualTo("legacy-reports");
        assertThat(data(legacy, keys, "arn")).isEqualTo("arn:aws:lambda:us-east-1:111122223333:function:legacy-reports");
        Element edge = (Element) edges.item(0);
        assertThat(data(edge, keys, "status")).isIn("ALLOWED", "CONDITIONAL", "DENIED");
        assertThat(data(edge, keys, "type")).isNotBlank();
        assertThat(edge.getAttribute("source")).isNotBlank();
    }

    @Test
    void graphMlCarriesYedLabelsSoTheFileOpensReadable() throws Exception {
        Document doc = xml(write(demo, GraphFormat.GRAPHML));

        assertThat(doc.getElementsByTagNameNS(Y_NS, "ShapeNode").getLength()).isEqualTo(demo.nodes().size());
        assertThat(doc.getElementsByTagNameNS(Y_NS, "PolyLineEdge").getLength()).isEqualTo(demo.edges().size());
        NodeList labels = doc.getElementsByTagNameNS(Y_NS, "NodeLabel");
        boolean found = false;
        for (int i = 0; i < labels.getLength(); i++) {
            found |= labels.item(i).getTextContent().equals("legacy-reports-role");
        }
        assertThat(found).isTrue();
    }

    @Test
    void dotParsesBackWithTheSameNodesAndEdges() throws IOException {
        String dot = write(demo, GraphFormat.DOT);
        Graph<String, Object> back = new DirectedPseudograph<>(null, Object::new, false);
        DOTImporter<String, Object> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.importGraph(back, new StringReader(dot));

        assertThat(dot).startsWith("digraph access_graph {").contains("rankdir=LR");
        assertThat(back.vertexSet()).hasSize(demo.nodes().size()).contains("internet");
        assertThat(back.edgeSet()).hasSize(demo.edges().size());
    }

    @Test
    void jsonHasNodesAndEdgesWithTheirAttributes() throws IOException {
        JsonNode root = new ObjectMapper().readTree(write(demo, GraphFormat.JSON));

        assertThat(root.get("nodes")).hasSize(demo.nodes().size());
        assertThat(root.get("edges")).hasSize(demo.edges().size());
        JsonNode edge = root.get("edges").get(0);
        assertThat(edge.get("source").asText()).isNotBlank();
        assertThat(edge.get("target").asText()).isNotBlank();
        assertThat(edge.get("status").asText()).isIn("ALLOWED", "CONDITIONAL", "DENIED");
        assertThat(root.get("nodes").get(0).get("kind").asText()).isNotBlank();
    }

    @Test
    void exportsOfTheSameGraphAreIdentical() throws IOException {
        AccessGraph again;
        try (AnalysisSession session = AnalysisSession.open(SnapshotSource.demo(), 3)) {
            again = session.graph();
            for (GraphFormat f : GraphFormat.values()) {
                assertThat(write(again, f)).as(f.id()).isEqualTo(write(demo, f));
            }
        }
    }

    @Test
    void awkwardIdsAndLabelsSurviveEveryFormat() throws Exception {
        AccessGraph g = new AccessGraph("111122223333", "aws");
        GraphWriter w = GraphWriter.of(g);
        String odd = "arn:aws:iam::111122223333:role/a\"b<c>&d\\e";
        w.putNode(Node.builder("internet", NodeKind.INTERNET).label("Internet").build());
        w.putNode(Node.builder(odd, NodeKind.IAM_ROLE).label("role \"quoted\" <b> & \\").arn(odd).build());
        w.addEdge(AccessEdge.builder(EdgeType.CAN_ASSUME, "internet", odd).status(EdgeStatus.CONDITIONAL)
                .label("can \"assume\"").build());

        Document doc = xml(write(g, GraphFormat.GRAPHML));
        assertThat(byId(doc.getElementsByTagNameNS(GRAPHML_NS, "node"), odd)).isNotNull();
        Graph<String, Object> back = new DirectedPseudograph<>(null, Object::new, false);
        DOTImporter<String, Object> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.importGraph(back, new StringReader(write(g, GraphFormat.DOT)));
        assertThat(back.vertexSet()).contains(odd);
        JsonNode json = new ObjectMapper().readTree(write(g, GraphFormat.JSON));
        assertThat(json.get("nodes").toString()).contains("role \\\"quoted\\\" <b> & \\\\");
    }

    private static String write(AccessGraph graph, GraphFormat format) throws IOException {
        StringWriter out = new StringWriter();
        GraphExporters.write(graph, format, out);
        return out.toString();
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Key id to attribute name. */
    private static Map<String, String> keys(Document doc) {
        Map<String, String> keys = new HashMap<>();
        NodeList list = doc.getElementsByTagNameNS(GRAPHML_NS, "key");
        for (int i = 0; i < list.getLength(); i++) {
            Element k = (Element) list.item(i);
            if (k.hasAttribute("attr.name")) {
                keys.put(k.getAttribute("id"), k.getAttribute("attr.name"));
            }
        }
        return keys;
    }

    private static Element byId(NodeList list, String id) {
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        return null;
    }

    private static String data(Element owner, Map<String, String> keys, String name) {
        NodeList data = owner.getElementsByTagNameNS(GRAPHML_NS, "data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            if (name.equals(keys.get(d.getAttribute("key")))) {
                return d.getTextContent();
            }
        }
        return null;
    }
}
