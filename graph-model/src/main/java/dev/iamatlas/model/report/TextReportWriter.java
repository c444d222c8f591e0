package dev.iamatlas.model.report;

import dev.iamatlas.model.findings.Fix;
import dev.iamatlas.model.findings.ReachSummary;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.snapshot.ScanGap;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report for a terminal: a header, the scan's gaps, the findings most severe first (each with its path, the
 * short reason of every edge and the fix commands), and what the Internet can reach. Prose wraps at
 * {@value Texts#WIDTH} columns; ARNs and commands are never broken. Evidence in full is in the JSON and HTML forms.
 */
public final class TextReportWriter implements ReportWriter {

    /** How many admin reasons a role line shows before "and N more". */
    private static final int REASONS_SHOWN = 3;

    @Override
    public ReportFormat format() {
        return ReportFormat.TEXT;
    }

    @Override
    public void write(AnalysisReport report, Writer out) throws IOException {
        Lines w = new Lines();
        header(report, w);
        gaps(report, w);
        findings(report, w);
        reach(report, w);
        if (!report.notes().isEmpty()) {
            w.line("NOTES");
            report.notes().forEach(n -> w.wrapped("  ", n));
            w.line("");
        }
        out.write(w.toString());
        out.flush();
    }

    private static void header(AnalysisReport report, Lines w) {
        SnapshotInfo s = report.snapshot();
        w.line("IAM Atlas report for account " + s.accountDisplay());
        StringBuilder line = new StringBuilder("Snapshot: " + s.name());
        if (s.source() != null) {
            line.append(" (").append(s.source()).append(')');
        }
        if (!s.regions().isEmpty()) {
            line.append(", regions ").append(String.join(", ", s.regions()));
        }
        w.line(line.toString());
        if (s.startedAt() != null || s.finishedAt() != null) {
            w.line("Scanned: " + (s.startedAt() == null ? "?" : s.startedAt()) + " to "
                    + (s.finishedAt() == null ? "?" : s.finishedAt()) + (s.complete() ? "" : " (INCOMPLETE: cut short)"));
        } else if (!s.complete()) {
            w.line("Scanned: INCOMPLETE (cut short)");
        }
        AnalysisReport.Counts c = report.counts();
        Map<EdgeStatus, Integer> st = c.edgesByStatus();
        w.line("Graph: " + Texts.count(c.nodes(), "node", "nodes") + ", " + Texts.count(c.edges(), "edge", "edges")
                + " (" + st.get(EdgeStatus.ALLOWED) + " allowed, " + st.get(EdgeStatus.CONDITIONAL) + " conditional, "
                + st.get(EdgeStatus.DENIED) + " denied)");
        w.wrapped("Summary: ", "         ", c.describeFindings() + "; " + Texts.count(c.publicRoutes(), "public route", "public routes")
                + ", " + Texts.count(c.reachableFunctions(), "function", "functions") + " reachable from the Internet, "
                + Texts.count(c.rolesBehind(), "role", "roles") + " behind them (" + c.adminRolesBehind()
                + " admin-equivalent)");
        w.line("");
    }

    private static void gaps(AnalysisReport report, Lines w) {
        List<ScanGap> gaps = report.snapshot().gaps();
        if (gaps.isEmpty()) {
            return;
        }
        w.line("SCAN GAPS (" + gaps.size() + "): the scan could not read these, so access through them may be missing");
        gaps.forEach(g -> w.wrapped("  ", g.describe()));
        w.line("");
    }

    private static void findings(AnalysisReport report, Lines w) {
        w.line("FINDINGS: " + report.counts().describeFindings());
        w.line("");
        int i = 1;
        for (ReportFinding f : report.findings()) {
            w.line("[" + i++ + "] " + Texts.pad(f.severity().name(), 9) + f.rule());
            w.wrapped("    ", f.title());
            w.line("    resource:  " + f.resource());
            if (f.principal() != null) {
                w.line("    principal: " + f.principal());
            }
            w.wrapped("    ", f.message());
            if (!f.path().isEmpty()) {
                w.line("    path:");
                for (PathStep s : f.path()) {
                    w.line("      " + Texts.status(s.status()) + s.fromLabel() + " --" + s.label() + "--> " + s.toLabel());
                    w.wrapped("                  ", s.reason());
                }
            }
            for (String note : f.notes()) {
                w.wrapped("    evidence: ", "              ", note);
            }
            fix(f.fix(), w);
            w.line("");
        }
    }

    private static void fix(Fix fix, Lines w) {
        w.wrapped("    fix: ", "         ", fix.summary());
        for (String command : fix.commands()) {
            w.line("      $ " + command);
        }
        if (fix.policyChange() != null) {
            w.line("      policy change:");
            fix.policyChange().lines().forEach(l -> w.line("        " + l));
        }
        if (fix.documentation() != null) {
            w.line("    docs: " + fix.documentation());
        }
    }

    private static void reach(AnalysisReport report, Lines w) {
        ReachSummary reach = report.reach();
        w.line("REACH FROM THE INTERNET");
        w.line("  Public routes (" + reach.publicRoutes().size() + "):");
        for (ReachSummary.PublicRoute r : reach.publicRoutes()) {
            w.line("    " + Texts.status(r.status()) + Texts.pad(r.authorizationType() == null ? "" : r.authorizationType(), 19)
                    + Texts.pad(r.label(), 34) + " " + r.routeId());
        }
        w.line("  Functions reachable from the Internet (" + reach.functions().size() + "):");
        for (ReachSummary.ReachedFunction f : reach.functions()) {
            String line = f.label() + (f.roles().isEmpty() ? "" : "; runs as " + report.labels(f.roles(), s -> s));
            w.wrapped("    " + Texts.status(f.status()), "                  ", line);
            for (ReachSummary.ReachedQualifier q : f.directQualifiers()) {
                w.wrapped("                  ", "                      ",
                        f.describe(q) + f.statusNote(q) + " via " + report.labels(q.via(), s -> s));
            }
        }
        w.line("  Roles behind them (" + reach.roles().size() + "):");
        for (ReachSummary.RoleBehind r : reach.roles()) {
            StringBuilder line = new StringBuilder(r.label());
            if (r.adminEquivalent()) {
                line.append(" ADMIN-EQUIVALENT");
                if (r.adminReasons() != null) {
                    line.append(" (").append(shortReasons(r.adminReasons())).append(')');
                }
            }
            line.append("  ").append(r.roleId());
            w.wrapped("    ", "      ", line.toString());
        }
        w.line("");
    }


    /** The first few of a role's admin reasons ("a; b; c; and 20 more"). */
    static String shortReasons(String reasons) {
        String[] parts = reasons.split("; ");
        if (parts.length <= REASONS_SHOWN) {
            return reasons;
        }
        List<String> shown = new ArrayList<>(List.of(parts).subList(0, REASONS_SHOWN));
        shown.add("and " + (parts.length - REASONS_SHOWN) + " more");
        return String.join("; ", shown);
    }

    /** Accumulates lines with {@code \n} endings. */
    private static final class Lines {
        private final StringBuilder b = new StringBuilder();

        void line(String text) {
            b.append(text).append('\n');
        }

        void wrapped(String indent, String text) {
            wrapped(indent, indent, text);
        }

        void wrapped(String first, String rest, String text) {
            List<String> lines = Texts.wrap(text, Math.max(40, Texts.WIDTH - rest.length()));
            for (int i = 0; i < lines.size(); i++) {
                line((i == 0 ? first : rest) + lines.get(i));
            }
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
