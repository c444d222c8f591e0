package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ExportCommandTest {
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

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        assertThat(doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node").getLength()).isEqualTo(demoNodes);
        assertThat(doc.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "edge").getLength()).isEqualTo(demoEdges);
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
    void picturesAreAClearOneLineErrorUntilTheDiagramAdapterExists() {
        assertThat(cli.run("export", "demo", "--format", "svg", "--out", dir.resolve("d.svg").toString()))
                .isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(cli.errLines()).singleElement().asString().contains("not available").contains("dot, graphml or json");
        assertThat(Files.exists(dir.resolve("d.svg"))).isFalse();
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
