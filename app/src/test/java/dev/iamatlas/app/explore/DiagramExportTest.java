package dev.iamatlas.app.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamatlas.app.diagram.DiagramExporter;
import dev.iamatlas.app.diagram.Point;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The headless SVG/PNG export service that {@code iam-atlas export} dispatches to. */
class DiagramExportTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theDemoExportsAsAnSvgThatParsesAndNamesTheCriticalPath() throws Exception {
        Path svg = dir.resolve("demo.svg");

        DiagramExport.Result result = DiagramExport.render(SnapshotSource.demo(),
                DiagramExport.Options.of(DiagramExporter.Format.SVG), svg);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getTextContent()).contains("Internet", "GET /reports/daily",
                "legacy-reports-role");
        assertThat(result.nodesDrawn()).isPositive().isLessThan(result.nodesTotal());
        assertThat(Double.parseDouble(document.getDocumentElement().getAttribute("width"))).isEqualTo(result.width());
    }

    @Test
    void aPngHasThePagesSizeTimesTheScale() throws Exception {
        Path png = dir.resolve("demo.png");

        DiagramExport.Result result = DiagramExport.render(SnapshotSource.demo(),
                DiagramExport.Options.of(DiagramExporter.Format.PNG).withScale(1.5)
                        .withView(ViewSelection.View.INTERNET), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(result.width());
        assertThat(image.getHeight()).isEqualTo(result.height());
        assertThat(result.width()).isGreaterThan(300);
    }

    @Test
    void positionsPlacedByHandAreKept() throws Exception {
        String role = "arn:aws:iam::111122223333:role/legacy-reports-role";
        var exploration = GraphExploration.open(SnapshotSource.demo());
        try {
            var laidOut = DiagramExport.layout(exploration, DiagramExport.Options.of(DiagramExporter.Format.SVG)
                    .withPositions(Map.of(role, new Point(5000, 40))));
            assertThat(laidOut.box(role)).hasValueSatisfying(b -> {
                assertThat(b.x()).isEqualTo(5000);
                assertThat(b.pinned()).isTrue();
            });
        } finally {
            exploration.session().close();
        }
    }

    @Test
    void theWholeOfAHugeGraphIsRefusedWithAMessageThatSaysWhatToDo() throws Exception {
        var exploration = GraphExploration.open(SnapshotSource.demo());
        try {
            DiagramExport.Options all = DiagramExport.Options.of(DiagramExporter.Format.SVG)
                    .withView(ViewSelection.View.around("no-such-node"));
            assertThatThrownBy(() -> DiagramExport.layout(exploration, all)).isInstanceOf(
                    IllegalArgumentException.class).hasMessageContaining("has no nodes");
            assertThat(DiagramExport.layout(exploration, DiagramExport.Options.of(DiagramExporter.Format.SVG)
                    .withView(ViewSelection.View.ALL).withCollapsedGroups(Set.of())).boxes())
                    .hasSize(exploration.diagram().nodeCount());
        } finally {
            exploration.session().close();
        }
        assertThatThrownBy(() -> DiagramExport.Options.of(DiagramExporter.Format.PNG).withScale(20))
                .hasMessageContaining("scale");
    }
}
