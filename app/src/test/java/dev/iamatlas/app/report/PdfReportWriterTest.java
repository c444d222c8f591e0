package dev.iamatlas.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.findings.Fix;
import dev.iamatlas.model.report.AnalysisReport;
import dev.iamatlas.model.report.ReportFinding;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfReportWriterTest {

    private static AnalysisReport demo;

    @BeforeAll
    static void analyseTheDemo() throws IOException {
        try (AnalysisSession session = AnalysisSession.open(SnapshotSource.demo(), 2)) {
            demo = AnalysisReport.of(session, "demo", "9.9.9");
        }
    }

    @Test
    void thePdfParsesBackAndHoldsEveryFindingOnSeveralPages() throws IOException {
        byte[] pdf = write(demo, null);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
            String text = new PDFTextStripper().getText(doc);
            for (ReportFinding f : demo.findings()) {
                assertThat(text).contains(f.rule());
            }
            assertThat(text).contains("IAM Atlas report").contains("Account 111122223333 (acme-shop-prod)")
                    .contains("Reach from the Internet").contains("legacy-reports-role")
                    .contains("page 1 of " + doc.getNumberOfPages());
            assertThat(doc.getDocumentInformation().getTitle()).contains("111122223333");
        }
    }

    @Test
    void theReachSectionListsEachFunctionWithTheQualifiersThePublicRoutesName() throws IOException {
        byte[] pdf = write(demo, null);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            String reach = text.substring(text.indexOf("Reach from the Internet"));
            assertThat(reach).contains("Functions reachable from the Internet (" + demo.reach().functions().size() + ")");
            for (var f : demo.reach().functions()) {
                assertThat(f.directQualifiers()).isNotEmpty();
                for (var q : f.directQualifiers()) {
                    // The standard PDF fonts have no arrow: the writer prints "->" for "→".
                    assertThat(reach).as(f.label()).contains(f.describe(q).replace("→", "->")
                            + (q.status() == f.status() ? "" : " (" + q.status() + ")") + " via ");
                }
            }
        }
    }

    @Test
    void aSuppliedDiagramIsEmbeddedAsAnImage() throws IOException {
        byte[] pdf = write(demo, png(800, 400));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("Access graph of account");
        }
    }

    @Test
    void textTheStandardFontsCannotShowIsReplacedNotFatal() throws IOException {
        List<ReportFinding> findings = new ArrayList<>(demo.findings());
        ReportFinding first = findings.get(0);
        findings.set(0, new ReportFinding(first.id(), first.rule(), first.severity(), first.title(),
                "Unicode \u2192 \u65e5\u672c\u8a9e \u0416 \ud83d\ude00 tab\there", first.resource(), first.principal(),
                first.path(), first.notes(), new Fix("fix \u2014 now", List.of("aws x"), null, null)));
        AnalysisReport odd = new AnalysisReport(demo.toolVersion(), demo.snapshot(), findings, demo.reach(),
                demo.counts(), demo.labels(), demo.notes());

        try (PDDocument doc = Loader.loadPDF(write(odd, null))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Unicode -> ???").contains("fix \u2014 now");
        }
    }

    private static byte[] write(AnalysisReport report, byte[] png) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter(png).write(report, out);
        return out.toByteArray();
    }

    private static byte[] png(int w, int h) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        g.fillRect(10, 10, 100, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
