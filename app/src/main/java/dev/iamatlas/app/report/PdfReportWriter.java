package dev.iamatlas.app.report;

import static dev.iamatlas.app.report.PdfCanvas.BOLD;
import static dev.iamatlas.app.report.PdfCanvas.MONO;
import static dev.iamatlas.app.report.PdfCanvas.MUTED;
import static dev.iamatlas.app.report.PdfCanvas.REGULAR;
import static dev.iamatlas.app.report.PdfCanvas.TEXT;

import dev.iamatlas.model.findings.Fix;
import dev.iamatlas.model.findings.ReachSummary;
import dev.iamatlas.model.findings.RuleInfo;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.report.AnalysisReport;
import dev.iamatlas.model.report.PathStep;
import dev.iamatlas.model.report.ReportFinding;
import dev.iamatlas.model.report.SnapshotInfo;
import dev.iamatlas.model.snapshot.ScanGap;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The analysis report as a PDF (PDFBox): the same content as the other formats, laid out over as many A4 pages as
 * it needs — a header, the summary, scan gaps, one block per finding (path with each edge's status and reason, the
 * evidence notes, the fix and its commands), what the Internet can reach, and the rules. The diagram, when the
 * caller supplies one as PNG, gets a page of its own after the summary. Account text in any script is written
 * with the standard fonts; characters they cannot show become {@code ?}.
 */
public final class PdfReportWriter {

    private static final Map<Severity, Color> SEVERITY = Map.of(
            Severity.CRITICAL, new Color(0x9b, 0x1c, 0x1c), Severity.HIGH, new Color(0xc2, 0x41, 0x0c),
            Severity.MEDIUM, new Color(0xa1, 0x62, 0x07), Severity.LOW, new Color(0x1d, 0x4e, 0xd8),
            Severity.INFO, new Color(0x47, 0x55, 0x69));
    private static final Map<EdgeStatus, Color> STATUS = Map.of(
            EdgeStatus.ALLOWED, new Color(0x15, 0x80, 0x3d), EdgeStatus.CONDITIONAL, new Color(0xa1, 0x62, 0x07),
            EdgeStatus.DENIED, new Color(0xb9, 0x1c, 0x1c));

    private final byte[] diagramPng;

    /**
     * A writer that puts {@code diagramPng} (a PNG image of the access graph) on a page of its own, or no diagram
     * when null.
     */
    public PdfReportWriter(byte[] diagramPng) {
        this.diagramPng = diagramPng == null ? null : diagramPng.clone();
    }

    /** A writer without a diagram. */
    public PdfReportWriter() {
        this(null);
    }

    /**
     * Writes the report as a PDF document to {@code out} (left open).
     *
     * @throws IOException when {@code out} fails, or the diagram is not a readable image
     */
    public void write(AnalysisReport report, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        SnapshotInfo s = report.snapshot();
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("IAM Atlas report: account " + s.accountDisplay());
            info.setCreator("IAM Atlas" + (report.toolVersion() == null ? "" : " " + report.toolVersion()));
            info.setSubject("Who can reach what in AWS account " + s.accountId());
            info.setCreationDate(Calendar.getInstance());
            try (PdfCanvas c = new PdfCanvas(doc)) {
                c.newPage();
                header(c, report);
                summary(c, report);
                gaps(c, s);
                if (diagramPng != null) {
                    PDImageXObject image = PDImageXObject.createFromByteArray(doc, diagramPng, "diagram.png");
                    c.imagePage(image, "Access graph of account " + s.accountDisplay());
                }
                findings(c, report);
                reach(c, report);
                rules(c, report);
                if (!report.notes().isEmpty()) {
                    heading(c, "Notes");
                    for (String n : report.notes()) {
                        c.paragraph("- " + n, REGULAR, 9.5f, TEXT, 0);
                    }
                }
                c.footers("IAM Atlas report, account " + s.accountId() + ". Describes an account's security: share "
                        + "with care.");
            }
            doc.save(out);
        }
        out.flush();
    }

    private static void header(PdfCanvas c, AnalysisReport report) throws IOException {
        SnapshotInfo s = report.snapshot();
        c.paragraph("IAM Atlas report", BOLD, 20, TEXT, 0);
        c.paragraph("Account " + s.accountDisplay(), BOLD, 13, TEXT, 0);
        c.space(4);
        meta(c, "Snapshot", s.name() + (s.source() == null ? "" : " (" + s.source() + ")"));
        meta(c, "Partition, regions", s.partition() + "; " + String.join(", ", s.regions()));
        if (s.startedAt() != null || s.finishedAt() != null) {
            meta(c, "Scanned", (s.startedAt() == null ? "?" : s.startedAt()) + " to "
                    + (s.finishedAt() == null ? "?" : s.finishedAt()));
        }
        if (s.callerArn() != null) {
            meta(c, "Scanned as", s.callerArn());
        }
        meta(c, "Complete", s.complete() ? "yes" : "NO: the scan was cut short");
        AnalysisReport.Counts counts = report.counts();
        Map<EdgeStatus, Integer> st = counts.edgesByStatus();
        meta(c, "Access graph", counts.nodes() + " nodes, " + counts.edges() + " edges (" + st.get(EdgeStatus.ALLOWED)
                + " allowed, " + st.get(EdgeStatus.CONDITIONAL) + " conditional, " + st.get(EdgeStatus.DENIED) + " denied)");
    }

    private static void meta(PdfCanvas c, String name, String value) throws IOException {
        c.paragraph(name + ": " + value, REGULAR, 9.5f, TEXT, 0);
    }

    private static void heading(PdfCanvas c, String title) throws IOException {
        c.space(10);
        c.ensure(60);
        c.paragraph(title, BOLD, 14, TEXT, 0);
        c.rule();
    }

    private static void summary(PdfCanvas c, AnalysisReport report) throws IOException {
        AnalysisReport.Counts counts = report.counts();
        heading(c, "Summary");
        c.paragraph(counts.describeFindings() + ".", REGULAR, 10.5f, TEXT, 0);
        List<PdfCanvas.Run> runs = new ArrayList<>();
        counts.bySeverity().forEach((sev, n) -> runs.add(new PdfCanvas.Run(" " + sev + " " + n + " ", BOLD, Color.WHITE,
                SEVERITY.get(sev))));
        c.space(3);
        c.runs(runs, 9);
        c.space(3);
        c.paragraph("From the Internet: " + counts.publicRoutes() + " public routes, " + counts.reachableFunctions()
                + " reachable functions, " + counts.rolesBehind() + " roles behind them (" + counts.adminRolesBehind()
                + " admin-equivalent).", REGULAR, 10.5f, TEXT, 0);
    }

    private static void gaps(PdfCanvas c, SnapshotInfo s) throws IOException {
        if (s.gaps().isEmpty()) {
            return;
        }
        heading(c, "Scan gaps");
        c.paragraph("The scan could not read these, so access through them may be missing from this report.",
                REGULAR, 9.5f, SEVERITY.get(Severity.HIGH), 0);
        for (ScanGap g : s.gaps()) {
            c.paragraph("- " + g.describe(), REGULAR, 9.5f, TEXT, 0);
        }
    }

    private static void findings(PdfCanvas c, AnalysisReport report) throws IOException {
        heading(c, "Findings");
        if (report.findings().isEmpty()) {
            c.paragraph("No findings.", REGULAR, 10.5f, TEXT, 0);
            return;
        }
        int i = 1;
        for (ReportFinding f : report.findings()) {
            c.space(8);
            c.ensure(90);
            c.runs(List.of(new PdfCanvas.Run(i++ + ".", BOLD, TEXT, null),
                    new PdfCanvas.Run(" " + f.severity() + " ", BOLD, Color.WHITE, SEVERITY.get(f.severity())),
                    new PdfCanvas.Run(f.rule(), BOLD, TEXT, null)), 10);
            c.paragraph(f.title(), BOLD, 10.5f, TEXT, 0);
            c.paragraph("Resource: " + f.resource(), MONO, 8.5f, TEXT, 10);
            if (f.principal() != null) {
                c.paragraph("Principal: " + f.principal(), MONO, 8.5f, TEXT, 10);
            }
            c.paragraph(f.message(), REGULAR, 9.5f, TEXT, 10);
            if (!f.path().isEmpty()) {
                c.paragraph("Path:", BOLD, 9.5f, TEXT, 10);
                for (PathStep s : f.path()) {
                    c.runs(List.of(new PdfCanvas.Run("      " + s.status(), BOLD, STATUS.get(s.status()), null),
                            new PdfCanvas.Run(s.fromLabel() + "  -" + s.label() + "->  " + s.toLabel(), REGULAR, TEXT, null)),
                            9);
                    c.paragraph(s.reason(), REGULAR, 8.5f, MUTED, 40);
                }
            }
            for (String note : f.notes()) {
                c.paragraph("Evidence:", BOLD, 9.5f, TEXT, 10);
                c.paragraph(note, MONO, 8, TEXT, 20);
            }
            Fix fix = f.fix();
            c.paragraph("Fix: " + fix.summary(), REGULAR, 9.5f, TEXT, 10);
            for (String command : fix.commands()) {
                c.paragraph("$ " + command, MONO, 8, TEXT, 20);
            }
            if (fix.policyChange() != null) {
                c.paragraph("Policy change:", BOLD, 9, TEXT, 20);
                c.paragraph(fix.policyChange(), MONO, 7.5f, TEXT, 20);
            }
            if (fix.documentation() != null) {
                c.paragraph("AWS documentation: " + fix.documentation(), REGULAR, 8.5f, MUTED, 10);
            }
        }
    }

    private static void reach(PdfCanvas c, AnalysisReport report) throws IOException {
        ReachSummary reach = report.reach();
        heading(c, "Reach from the Internet");
        c.paragraph("Public routes (" + reach.publicRoutes().size() + ")", BOLD, 11, TEXT, 0);
        for (ReachSummary.PublicRoute r : reach.publicRoutes()) {
            c.runs(List.of(new PdfCanvas.Run(r.status().name(), BOLD, STATUS.get(r.status()), null),
                    new PdfCanvas.Run(r.label(), REGULAR, TEXT, null),
                    new PdfCanvas.Run(r.authorizationType() == null ? "" : "(" + r.authorizationType() + ")", REGULAR,
                            MUTED, null)), 9);
        }
        c.space(6);
        c.paragraph("Functions reachable from the Internet (" + reach.functions().size() + ")", BOLD, 11, TEXT, 0);
        for (ReachSummary.ReachedFunction f : reach.functions()) {
            c.runs(List.of(new PdfCanvas.Run(f.status().name(), BOLD, STATUS.get(f.status()), null),
                    new PdfCanvas.Run(f.label(), REGULAR, TEXT, null)), 9);
            if (!f.roles().isEmpty()) {
                c.paragraph("runs as " + report.labels(f.roles(), s -> s), REGULAR, 8.5f, MUTED, 20);
            }
            // One line per qualifier a public route or URL names, as in the other report formats.
            for (ReachSummary.ReachedQualifier q : f.directQualifiers()) {
                c.paragraph(f.describe(q) + f.statusNote(q) + " via " + report.labels(q.via(), s -> s), REGULAR,
                        8.5f, MUTED, 20);
            }
        }
        c.space(6);
        c.paragraph("Roles behind them (" + reach.roles().size() + ")", BOLD, 11, TEXT, 0);
        for (ReachSummary.RoleBehind r : reach.roles()) {
            c.paragraph(r.roleId() + (r.adminEquivalent() ? "  ADMIN-EQUIVALENT" : ""), r.adminEquivalent() ? BOLD : REGULAR,
                    9, r.adminEquivalent() ? SEVERITY.get(Severity.CRITICAL) : TEXT, 0);
            if (r.adminEquivalent() && r.adminReasons() != null) {
                c.paragraph(r.adminReasons(), REGULAR, 8, MUTED, 20);
            }
        }
    }

    private static void rules(PdfCanvas c, AnalysisReport report) throws IOException {
        heading(c, "Rules");
        for (RuleInfo r : report.rules()) {
            c.ensure(40);
            c.runs(List.of(new PdfCanvas.Run(" " + r.defaultSeverity() + " ", BOLD, Color.WHITE,
                            SEVERITY.get(r.defaultSeverity())), new PdfCanvas.Run(r.id(), BOLD, TEXT, null),
                    new PdfCanvas.Run(report.counts().byRule().getOrDefault(r.id(), 0) + " found", REGULAR, MUTED, null)),
                    9);
            c.paragraph(r.title() + ". " + r.description(), REGULAR, 8.5f, TEXT, 10);
            c.paragraph(r.documentation(), REGULAR, 8, MUTED, 10);
        }
    }
}
