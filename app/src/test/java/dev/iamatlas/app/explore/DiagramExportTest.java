package dev.iamatlas.app.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamatlas.app.diagram.Point;
import dev.iamatlas.app.fixtures.Explorations;
import dev.iamatlas.model.graph.NodeIds;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The headless picture service behind {@code iam-atlas export --format svg|png} and the reports' diagrams. */
class DiagramExportTest {
    private final Exploration demo = Explorations.demo();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theDemoDrawsAsAnSvgThatParsesAndNamesTheCriticalPath() throws Exception {
        DiagramExport.Drawing drawing = DiagramExport.draw(demo, DiagramExport.Options.defaults());

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(drawing.svg())));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getTextContent()).contains("Internet", "GET /reports/daily",
                "legacy-reports-role");
        assertThat(drawing.nodesShown()).isPositive().isLessThan(drawing.nodesTotal());
        assertThat(Double.parseDouble(document.getDocumentElement().getAttribute("width"))).isEqualTo(drawing.width());
    }

    @Test
    void aPngHasThePagesSizeTimesTheScale() throws Exception {
        DiagramExport.Drawing drawing = DiagramExport.draw(demo, DiagramExport.Options.defaults()
                .withView(ViewSelection.View.INTERNET));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(drawing.png(1.5)));

        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(drawing.width() * 1.5));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(drawing.height() * 1.5));
        assertThat(drawing.width()).isGreaterThan(300);
        assertThatThrownBy(() -> drawing.png(20)).hasMessageContaining("scale");
    }

    @Test
    void positionsPlacedByHandAreKept() {
        String role = "arn:aws:iam::111122223333:role/legacy-reports-role";

        var laidOut = DiagramExport.draw(demo, DiagramExport.Options.defaults()
                .withPositions(Map.of(role, new Point(5000, 40)))).laidOut();

        assertThat(laidOut.box(role)).hasValueSatisfying(b -> {
            assertThat(b.x()).isEqualTo(5000);
            assertThat(b.pinned()).isTrue();
        });
    }

    @Test
    void exactlyTheNodesAskedForAreDrawn() {
        String function = "arn:aws:lambda:us-east-1:111122223333:function:legacy-reports";
        Set<String> nodes = Set.of(NodeIds.INTERNET, function);

        DiagramExport.Drawing drawing = DiagramExport.draw(demo, DiagramExport.Options.defaults().withNodes(nodes)
                .withView(ViewSelection.View.FINDINGS));

        assertThat(drawing.laidOut().boxes()).extracting(b -> b.node().id()).containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(drawing.nodesShown()).isEqualTo(2);
    }

    @Test
    void anEmptyViewAndTooLargeAWholeAreRefusedWithAMessageThatSaysWhatToDo() {
        DiagramExport.Options nowhere = DiagramExport.Options.defaults()
                .withView(ViewSelection.View.around("no-such-node"));
        assertThatThrownBy(() -> DiagramExport.draw(demo, nowhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no nodes");

        DiagramExport.Options tooFew = DiagramExport.Options.defaults().withView(ViewSelection.View.ALL)
                .withMaxNodes(50);
        assertThatThrownBy(() -> DiagramExport.draw(demo, tooFew)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the whole graph has " + demo.diagram().nodeCount() + " nodes")
                .hasMessageContaining("--max-nodes");

        assertThat(DiagramExport.draw(demo, DiagramExport.Options.defaults().withView(ViewSelection.View.ALL)
                .withCollapsedGroups(Set.of())).laidOut().boxes()).hasSize(demo.diagram().nodeCount());
    }
}
