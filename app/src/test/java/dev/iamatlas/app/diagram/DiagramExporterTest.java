package dev.iamatlas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class DiagramExporterTest {
    private final LaidOutDiagram laidOut = ElkDiagramLayout.withAwtFonts().layout(TestDiagrams.chain(),
            LayoutOptions.defaults());

    @Test
    void svgIsAnSvgDocumentWithTheNodeLabelsAsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chain.svg");

        DiagramExporter.plain().write(laidOut, DiagramExporter.Region.whole(laidOut), DiagramExporter.Format.SVG, 1,
                file);

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertThat(svg.getDocumentElement().getLocalName() == null ? svg.getDocumentElement().getTagName()
                : svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        String text = svg.getDocumentElement().getTextContent();
        assertThat(text).contains("list-orders", "create-order", "orders-role", "GET /orders", "Internet");
        assertThat(text).contains("allowed", "denied");
    }

    @Test
    void pngHasThePageSizeTimesTheScale(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chain.png");
        DiagramExporter exporter = DiagramExporter.plain();
        DiagramExporter.Region whole = DiagramExporter.Region.whole(laidOut);

        exporter.write(laidOut, whole, DiagramExporter.Format.PNG, 2, file);

        BufferedImage image = ImageIO.read(file.toFile());
        double[] page = exporter.pageSize(whole);
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(page[0] * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(page[1] * 2));
        assertThat(Files.size(file)).isGreaterThan(1000);
    }

    @Test
    void aRegionExportsOnlyThatPart() {
        DiagramExporter exporter = DiagramExporter.plain();
        DiagramExporter.Region part = new DiagramExporter.Region(laidOut.minX(), laidOut.minY(), 300, 200);

        String svg = exporter.toSvg(laidOut, part);

        assertThat(svg).contains("Internet").doesNotContain("dynamodb:4 actions");
    }
}
