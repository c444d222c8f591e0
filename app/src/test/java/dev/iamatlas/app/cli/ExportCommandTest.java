package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class ExportCommandTest {
    private static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";
    private static int demoNodes;
    private static int demoEdges;

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @BeforeAll
    static void countTheDemoGraph() throws Exception {
        try (AnalysisSession session = AnalysisSession.open(SnapshotSource.demo(), 2)) {
            demoNodes = session.graph().nodes().size();
            demoEdges = session.graph().edges().size();
        }
    }

    @Test
    void graphMlParsesAsXmlWithTheExpectedNodeCount() throws Exception {
        Path file = dir.resolve("demo.graphml");

        assertThat(cli.run("export", "demo", "--format", "graphml", "--out", file.toString())).isZero();

        Document doc = parse(file);
        assertThat(doc.getElementsByTagNameNS(GRAPHML, "node").getLength()).isEqualTo(demoNodes);
        assertThat(doc.getElementsByTagNameNS(GRAPHML, "edge").getLength()).isEqualTo(demoEdges);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(cli.errLines()).singleElement().asString().contains(demoNodes + " nodes").contains("as graphml");
    }

    @Test
    void dotAndJsonAreWrittenAndTheFormatFollowsTheExtension() throws Exception {
        Path dot = dir.resolve("demo.dot");
        assertThat(cli.run("export", "demo", "--out", dot.toString())).isZero();
        assertThat(Files.readString(dot)).startsWith("digraph access_graph {");

        CliRun json = new CliRun();
        assertThat(json.run("export", "demo", "--format", "json", "--out", "-")).isZero();
        assertThat(new ObjectMapper().readTree(json.out.toString()).get("nodes")).hasSize(demoNodes);
    }

    @Test
    void svgParsesWithAnSvgRootOfASensibleSizeAndSaysHowManyNodesItShows() throws Exception {
        Path file = dir.resolve("demo.svg");

        assertThat(cli.run("export", "demo", "--format", "svg", "--out", file.toString())).isZero();

        Document svg = parse(file);
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        double width = Double.parseDouble(svg.getDocumentElement().getAttribute("width"));
        double height = Double.parseDouble(svg.getDocumentElement().getAttribute("height"));
        assertThat(width).isBetween(400.0, 20_000.0);
        assertThat(height).isBetween(150.0, 20_000.0);
        // the demo is larger than a first look: its default view, the most severe findings' paths
        assertThat(svg.getDocumentElement().getTextContent()).contains("Internet", "legacy-reports");
        assertThat(cli.errLines()).hasSize(2);
        assertThat(cli.errLines().get(0)).contains("written to " + file).endsWith("as svg")
                .contains((int) width + " x " + (int) height);
        assertThat(cli.errLines().get(1)).containsPattern("the svg shows \\d+ of " + demoNodes + " nodes")
                .contains("the most severe findings' paths").contains("--view").contains("--max-nodes");
    }

    @Test
    void pngDecodesAtTheSvgsSizeTimesTheScale() throws Exception {
        Path svg = dir.resolve("demo.svg");
        Path png = dir.resolve("demo.png");

        assertThat(cli.run("export", "demo", "--format", "svg", "--view", "internet", "--out", svg.toString()))
                .isZero();
        assertThat(new CliRun().run("export", "demo", "--scale", "3", "--view", "internet", "--out", png.toString()))
                .isZero();

        Document document = parse(svg);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(3 * (int) Double.parseDouble(document.getDocumentElement()
                .getAttribute("width")));
        assertThat(image.getHeight()).isEqualTo(3 * (int) Double.parseDouble(document.getDocumentElement()
                .getAttribute("height")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(png))).isEqualTo("rw-------");
    }

    @Test
    void svgGoesToStandardOutputWithOnlyTheNoteOnStandardError() throws Exception {
        assertThat(cli.run("export", "demo", "--format", "svg", "--out", "-")).isZero();

        Document svg = parse(cli.out.toString());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(cli.errLines()).singleElement().asString().contains("the svg shows");
    }

    @Test
    void aViewAroundANodeDrawsWhatReachesItAndWhatItReaches() throws Exception {
        Path file = dir.resolve("reports.svg");
        String function = "arn:aws:lambda:us-east-1:111122223333:function:legacy-reports";

        assertThat(cli.run("export", "demo", "--view", "around:" + function, "--max-nodes", "8", "--out",
                file.toString())).isZero();

        assertThat(parse(file).getDocumentElement().getTextContent()).contains("legacy-reports");
        assertThat(cli.errLines()).hasSize(2);
        assertThat(cli.errLines().get(0)).contains("the reach of " + function);
    }

    @Test
    void dataFormatsWriteTheNodesOfTheViewAndTheEdgesBetweenThem() throws Exception {
        Path whole = dir.resolve("whole.json");
        Path internet = dir.resolve("internet.json");
        assertThat(cli.run("export", "demo", "--out", whole.toString())).isZero();
        CliRun viewRun = new CliRun();

        assertThat(viewRun.run("export", "demo", "--view", "internet", "--out", internet.toString())).isZero();

        Set<String> nodes = ids(internet, "nodes");
        assertThat(ids(whole, "nodes")).hasSize(demoNodes).containsAll(nodes);
        assertThat(nodes).contains("internet").hasSizeLessThan(demoNodes);
        JsonNode edges = new ObjectMapper().readTree(internet.toFile()).get("edges");
        assertThat(edges).isNotEmpty().allSatisfy(e -> assertThat(nodes).contains(e.get("source").asText(),
                e.get("target").asText()));
        assertThat(viewRun.errLines()).singleElement().asString().contains(nodes.size() + " of " + demoNodes
                + " nodes").contains("what the Internet reaches");
    }

    @Test
    void aDataFormatAndAPictureOfTheSameViewCoverTheSameNodes() throws Exception {
        Path graphml = dir.resolve("findings.graphml");
        Path svg = dir.resolve("findings.svg");
        CliRun picture = new CliRun();

        assertThat(cli.run("export", "demo", "--view", "findings", "--out", graphml.toString())).isZero();
        assertThat(picture.run("export", "demo", "--view", "findings", "--out", svg.toString())).isZero();

        int nodes = parse(graphml).getElementsByTagNameNS(GRAPHML, "node").getLength();
        assertThat(nodes).isLessThan(demoNodes);
        assertThat(cli.errLines().get(0)).contains(nodes + " of " + demoNodes + " nodes");
        assertThat(picture.errLines().get(0)).contains(nodes + " of " + demoNodes + " nodes");
        assertThat(picture.errLines().get(1)).contains("the svg shows " + nodes + " of " + demoNodes);
    }

    @Test
    void viewsThatCannotBeExportedAreOneLineErrorsAndWriteNothing() {
        Path file = dir.resolve("x.svg");
        CliRun unknown = new CliRun();
        assertThat(unknown.run("export", "demo", "--view", "sideways", "--out", file.toString()))
                .isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(unknown.errLines().get(0)).contains("--view: unknown view 'sideways'")
                .contains("around:NODE_ID");

        CliRun empty = new CliRun();
        assertThat(empty.run("export", "demo", "--view", "around:arn:aws:lambda:us-east-1:111122223333:function:nope",
                "--format", "graphml", "--out", file.toString())).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(empty.errLines()).singleElement().asString().contains("has no nodes").contains("function:nope");

        CliRun tooMany = new CliRun();
        assertThat(tooMany.run("export", "demo", "--view", "all", "--max-nodes", "10", "--out", file.toString()))
                .isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(tooMany.errLines()).singleElement().asString().contains("more than the 10 allowed");

        CliRun huge = new CliRun();
        assertThat(huge.run("export", "demo", "--max-nodes", "9000", "--out", file.toString()))
                .isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(huge.errLines().get(0)).contains("--max-nodes: a picture shows at most 5000 nodes");

        assertThat(Files.exists(file)).isFalse();
    }

    private static Document parse(Path file) throws Exception {
        return parse(Files.readString(file));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Set<String> ids(Path json, String field) throws Exception {
        Set<String> ids = new TreeSet<>();
        new ObjectMapper().readTree(json.toFile()).get(field).forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @Test
    void usageErrors() {
        assertThat(cli.run("export", "demo", "--format", "gif", "--out", "x.gif")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(cli.err.toString()).contains("unknown graph format 'gif'");
        CliRun noOut = new CliRun();
        assertThat(noOut.run("export", "demo", "--format", "dot")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(noOut.err.toString()).contains("--out");
        CliRun png = new CliRun();
        assertThat(png.run("export", "demo", "--format", "png", "--out", "-")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        CliRun missing = new CliRun();
        assertThat(missing.run("export", dir.resolve("none.json").toString(), "--format", "dot", "--out",
                dir.resolve("x.dot").toString())).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(missing.errLines()).singleElement().asString().contains("none.json");
    }
}
