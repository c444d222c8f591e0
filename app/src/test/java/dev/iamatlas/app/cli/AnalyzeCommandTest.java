package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamatlas.app.fixtures.LargeAccount;
import dev.iamatlas.app.report.ReportAttachments;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.findings.RuleCatalogue;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class AnalyzeCommandTest {
    /** The nine rules docs/demo-account.md lists. */
    private static final List<String> DEMO_RULES = List.of(RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING,
            RuleCatalogue.APIGW_CREDENTIALS_ROLE_BROKEN, RuleCatalogue.LAMBDA_PERMISSION_NO_SOURCE,
            RuleCatalogue.LAMBDA_PERMISSION_SOURCE_TOO_BROAD, RuleCatalogue.LAMBDA_PUBLIC_INVOKE,
            RuleCatalogue.LAMBDA_CROSS_ACCOUNT_INVOKE, RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE,
            RuleCatalogue.ROLE_TRUST_TOO_BROAD, RuleCatalogue.UNUSED_LAMBDA_PERMISSION);

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void jsonOfTheDemoHoldsAllNineIntendedRules() throws IOException {
        assertThat(cli.run("analyze", "demo", "--format", "json")).isZero();

        JsonNode root = new ObjectMapper().readTree(cli.out.toString());
        List<String> rules = new ArrayList<>();
        root.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        assertThat(rules).containsAll(DEMO_RULES);
        assertThat(root.get("reach").get("publicRoutes")).isNotEmpty();
        assertThat(cli.err.toString()).isEmpty();
    }

    @Test
    void textIsTheDefault() {
        assertThat(cli.run("analyze", "demo")).isZero();
        assertThat(cli.out.toString()).startsWith("IAM Atlas report for account 111122223333").contains("REACH FROM THE INTERNET");
    }

    @Test
    void failOnGivesExitCodeOneWhenAFindingIsAtOrAboveTheThreshold() {
        assertThat(cli.run("analyze", "demo", "--fail-on", "high")).isEqualTo(IamAtlasCommand.EXIT_FINDINGS);
        assertThat(cli.errLines()).singleElement().asString().contains("HIGH or more severe");
        assertThat(new CliRun().run("analyze", "demo", "--fail-on", "CRITICAL")).isEqualTo(IamAtlasCommand.EXIT_FINDINGS);
        assertThat(new CliRun().run("analyze", "demo")).isZero();
    }

    @Test
    void failOnPassesWhenNothingReachesTheThreshold(@TempDir Path empty) throws IOException {
        Path snapshot = empty.resolve("empty.json");
        Files.writeString(snapshot, "{\"formatVersion\":1,\"metadata\":{\"accountId\":\"123456789012\",\"source\":\"test\"}}");

        assertThat(cli.run("analyze", snapshot.toString(), "--fail-on", "info")).isZero();
        assertThat(cli.out.toString()).contains("0 findings");
    }

    @Test
    void aBadSnapshotIsAOneLineErrorNamingTheFile() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"not\": \"a snapshot\"");

        assertThat(cli.run("analyze", bad.toString())).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(cli.errLines()).singleElement().asString().startsWith("iam-atlas: " + bad);
        assertThat(cli.out.toString()).isEmpty();

        CliRun missing = new CliRun();
        assertThat(missing.run("analyze", dir.resolve("nope.json").toString())).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(missing.errLines()).singleElement().asString().contains("nope.json").contains("no such file");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(cli.run("analyze", "demo", "--format", "xml")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(cli.err.toString()).contains("unknown report format 'xml'");
        CliRun severity = new CliRun();
        assertThat(severity.run("analyze", "demo", "--fail-on", "urgent")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(severity.err.toString()).contains("unknown severity 'urgent'");
        CliRun pdf = new CliRun();
        assertThat(pdf.run("analyze", "demo", "--format", "pdf")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(pdf.err.toString()).contains("give --out FILE");
    }

    @Test
    void outWritesAnOwnerOnlyFileInTheFormatOfItsExtension() throws IOException {
        Path html = dir.resolve("report.html");

        assertThat(cli.run("analyze", "demo", "--out", html.toString())).isZero();

        assertThat(cli.out.toString()).isEmpty();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("PUBLIC_ROUTE_TO_PRIVILEGED_ROLE");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(html))).isEqualTo("rw-------");
        assertThat(cli.errLines()).singleElement().asString().contains("html report").contains(html.toString());
    }

    @Test
    void sarifPointsAtTheSnapshotFileAsGiven() throws IOException {
        Path snapshot = dir.resolve("acct.json");
        try (var in = getClass().getResourceAsStream("/dev/iamatlas/resources/demo/demo-account.json")) {
            Files.copy(in, snapshot);
        }

        assertThat(cli.run("analyze", snapshot.toString(), "--format", "sarif")).isZero();

        JsonNode run = new ObjectMapper().readTree(cli.out.toString()).get("runs").get(0);
        String uri = run.get("results").get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation")
                .get("uri").asText();
        assertThat(uri).isEqualTo(snapshot.toUri().toString());
        assertThat(run.get("tool").get("driver").get("rules")).hasSize(RuleCatalogue.rules().size());
    }

    @Test
    void theReportNeverOverwritesItsSnapshot() throws IOException {
        Path snapshot = dir.resolve("prod.json");
        try (var in = getClass().getResourceAsStream("/dev/iamatlas/resources/demo/demo-account.json")) {
            Files.copy(in, snapshot);
        }
        byte[] before = Files.readAllBytes(snapshot);

        assertThat(cli.run("analyze", snapshot.toString(), "--format", "json", "--out", snapshot.toString()))
                .isEqualTo(IamAtlasCommand.EXIT_USAGE);

        assertThat(cli.err.toString()).contains("would overwrite the snapshot");
        assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);
    }

    @Test
    void csvMarkdownAndPdfAreWrittenToo() throws IOException {
        assertThat(cli.run("analyze", "demo", "--format", "csv")).isZero();
        assertThat(cli.out.toString()).startsWith("severity,rule,title,resource");
        CliRun md = new CliRun();
        assertThat(md.run("analyze", "demo", "--format", "md")).isZero();
        assertThat(md.out.toString()).startsWith("# IAM Atlas report");
        Path pdf = dir.resolve("r.pdf");
        assertThat(new CliRun().run("analyze", "demo", "--out", pdf.toString())).isZero();
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            String text = new PDFTextStripper().getText(doc);
            DEMO_RULES.forEach(r -> assertThat(text).contains(r));
        }
    }

    @Test
    void htmlEmbedsTheDiagramOfTheAccountAsAnInlineSvg() throws Exception {
        assertThat(cli.run("analyze", "demo", "--format", "html")).isZero();

        String html = cli.out.toString();
        assertThat(html).contains("<figure class=\"diagram\">", "<a href=\"#diagram\">Diagram</a>");
        Document svg = parseXml(html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length()));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(Double.parseDouble(svg.getDocumentElement().getAttribute("width"))).isGreaterThan(300);
        // the demo's default view: the most severe findings' paths, with the critical one
        assertThat(svg.getDocumentElement().getTextContent()).contains("Internet", "legacy-reports");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void pdfHasTheDiagramAsAnImageOnAPageOfItsOwn() throws IOException {
        Path pdf = dir.resolve("demo.pdf");

        assertThat(cli.run("analyze", "demo", "--out", pdf.toString())).isZero();

        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            List<PDImageXObject> images = new ArrayList<>();
            int diagramPage = -1;
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDResources resources = doc.getPage(i).getResources();
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject image) {
                        images.add(image);
                        diagramPage = i + 1;
                    }
                }
            }
            assertThat(images).singleElement().satisfies(image -> {
                assertThat(image.getWidth()).isGreaterThan(400);
                assertThat(image.getHeight()).isGreaterThan(100);
            });
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(diagramPage);
            stripper.setEndPage(diagramPage);
            assertThat(stripper.getText(doc)).contains("Access graph of account");
        }
    }

    @Test
    void aLargeAccountsReportShowsItsMostSevereFindingsRatherThanNoDiagram() throws Exception {
        Path snapshot = dir.resolve("large.json");
        SnapshotJson.write(LargeAccount.build(16), snapshot);
        int nodes;
        try (AnalysisSession session = AnalysisSession.open(SnapshotJson.read(snapshot))) {
            nodes = session.graph().nodes().size();
        }
        assertThat(nodes).as("more than a report's diagram may show")
                .isGreaterThan(ReportAttachments.DIAGRAM_MAX_NODES);

        assertThat(cli.run("analyze", snapshot.toString(), "--format", "html")).isZero();

        String html = cli.out.toString();
        Document svg = parseXml(html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length()));
        Set<String> functionsDrawn = new TreeSet<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            String text = texts.item(i).getTextContent().strip();
            if (text.matches("fn-\\d+")) {
                functionsDrawn.add(text);
            }
        }
        // every route lacks its permission: the diagram shows some of those findings' paths, not all 240 functions
        assertThat(functionsDrawn).isNotEmpty().hasSizeLessThan(240);
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
