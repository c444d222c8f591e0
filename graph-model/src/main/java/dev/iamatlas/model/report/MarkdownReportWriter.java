package dev.iamatlas.model.report;

import dev.iamatlas.model.findings.Fix;
import dev.iamatlas.model.findings.ReachSummary;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.snapshot.ScanGap;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as GitHub-flavoured Markdown, for pull requests and wikis: a summary table, one section per finding
 * (path, evidence notes, fix commands as a shell block, the policy change folded away), and the reach summary as
 * tables. All account text is escaped ({@link Markdown}).
 */
public final class MarkdownReportWriter implements ReportWriter {

    @Override
    public ReportFormat format() {
        return ReportFormat.MD;
    }

    @Override
    public void write(AnalysisReport report, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        SnapshotInfo s = report.snapshot();
        AnalysisReport.Counts c = report.counts();
        b.append("# IAM Atlas report: account ").append(Markdown.text(s.accountDisplay())).append("\n\n");
        b.append("| | |\n| --- | --- |\n");
        row(b, "Snapshot", Markdown.code(s.name()) + (s.source() == null ? "" : " (" + Markdown.text(s.source()) + ")"));
        row(b, "Partition", Markdown.text(s.partition()));
        row(b, "Regions", Markdown.text(String.join(", ", s.regions())));
        if (s.startedAt() != null || s.finishedAt() != null) {
            row(b, "Scanned", Markdown.text((s.startedAt() == null ? "?" : s.startedAt()) + " to "
                    + (s.finishedAt() == null ? "?" : s.finishedAt())));
        }
        row(b, "Complete", s.complete() ? "yes" : "**no**: the scan was cut short");
        row(b, "Graph", c.nodes() + " nodes, " + c.edges() + " edges");
        if (report.toolVersion() != null) {
            row(b, "IAM Atlas", Markdown.text(report.toolVersion()));
        }
        b.append('\n');

        b.append("## Summary\n\n").append(Markdown.text(c.describeFindings())).append(".\n\n");
        b.append("| Severity | Findings |\n| --- | ---: |\n");
        c.bySeverity().forEach((sev, n) -> b.append("| ").append(sev).append(" | ").append(n).append(" |\n"));
        b.append('\n');
        b.append("From the Internet: ").append(c.publicRoutes()).append(" public routes, ").append(c.reachableFunctions())
                .append(" reachable functions, ").append(c.rolesBehind()).append(" roles behind them (")
                .append(c.adminRolesBehind()).append(" admin-equivalent).\n\n");

        if (!s.gaps().isEmpty()) {
            b.append("## Scan gaps\n\nThe scan could not read these, so access through them may be missing.\n\n");
            for (ScanGap g : s.gaps()) {
                b.append("- ").append(Markdown.text(g.describe())).append('\n');
            }
            b.append('\n');
        }

        b.append("## Findings\n\n");
        if (report.findings().isEmpty()) {
            b.append("No findings.\n\n");
        } else {
            b.append("| # | Severity | Rule | Resource | Title |\n| ---: | --- | --- | --- | --- |\n");
            int i = 1;
            for (ReportFinding f : report.findings()) {
                b.append("| ").append(i++).append(" | ").append(f.severity()).append(" | ").append(Markdown.code(f.rule()))
                        .append(" | ").append(Markdown.code(f.resource())).append(" | ").append(Markdown.text(f.title()))
                        .append(" |\n");
            }
            b.append('\n');
            i = 1;
            for (ReportFinding f : report.findings()) {
                finding(b, i++, f);
            }
        }
        reach(b, report);
        if (!report.notes().isEmpty()) {
            b.append("## Notes\n\n");
            report.notes().forEach(n -> b.append("- ").append(Markdown.text(n)).append('\n'));
            b.append('\n');
        }
        out.write(b.toString());
        out.flush();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static void finding(StringBuilder b, int i, ReportFinding f) {
        b.append("### ").append(i).append(". ").append(badge(f.severity())).append(' ').append(Markdown.text(f.title()))
                .append("\n\n");
        b.append("- **Rule:** ").append(Markdown.code(f.rule())).append('\n');
        b.append("- **Resource:** ").append(Markdown.code(f.resource())).append('\n');
        if (f.principal() != null) {
            b.append("- **Principal:** ").append(Markdown.code(f.principal())).append('\n');
        }
        b.append('\n').append(Markdown.text(f.message())).append("\n\n");
        if (!f.path().isEmpty()) {
            b.append("| Status | From | Link | To | Why |\n| --- | --- | --- | --- | --- |\n");
            for (PathStep s : f.path()) {
                b.append("| ").append(s.status()).append(" | ").append(Markdown.text(s.fromLabel())).append(" | ")
                        .append(Markdown.text(s.label())).append(" | ").append(Markdown.text(s.toLabel())).append(" | ")
                        .append(Markdown.text(s.reason())).append(" |\n");
            }
            b.append('\n');
        }
        for (String note : f.notes()) {
            b.append("Evidence:\n\n").append(Markdown.block(note.startsWith("{") ? "json" : "", note)).append('\n');
        }
        Fix fix = f.fix();
        b.append("**Fix:** ").append(Markdown.text(fix.summary())).append("\n\n");
        if (!fix.commands().isEmpty()) {
            b.append(Markdown.block("sh", String.join("\n", fix.commands()))).append('\n');
        }
        if (fix.policyChange() != null) {
            b.append("<details><summary>Policy change</summary>\n\n").append(Markdown.block("json", fix.policyChange()))
                    .append("\n</details>\n\n");
        }
        if (fix.documentation() != null) {
            b.append("AWS documentation: <").append(fix.documentation().replace(">", "%3E").replace(" ", "%20"))
                    .append(">\n\n");
        }
    }

    private static String badge(Severity s) {
        return "**" + s.name() + "**";
    }

    private static void reach(StringBuilder b, AnalysisReport report) {
        ReachSummary reach = report.reach();
        b.append("## Reach from the Internet\n\n");
        b.append("### Public routes (").append(reach.publicRoutes().size()).append(")\n\n");
        if (!reach.publicRoutes().isEmpty()) {
            b.append("| Status | Route | Authorization | ARN |\n| --- | --- | --- | --- |\n");
            for (ReachSummary.PublicRoute r : reach.publicRoutes()) {
                b.append("| ").append(r.status()).append(" | ").append(Markdown.text(r.label())).append(" | ")
                        .append(Markdown.text(r.authorizationType())).append(" | ").append(Markdown.code(r.routeId()))
                        .append(" |\n");
            }
            b.append('\n');
        }
        b.append("### Functions reachable from the Internet (").append(reach.functions().size()).append(")\n\n");
        if (!reach.functions().isEmpty()) {
            b.append("| Status | Function | Reached as (via) | Runs as |\n| --- | --- | --- | --- |\n");
            for (ReachSummary.ReachedFunction f : reach.functions()) {
                List<String> ways = new ArrayList<>();
                for (ReachSummary.ReachedQualifier q : f.directQualifiers()) {
                    ways.add(Markdown.code(f.describe(q)) + f.statusNote(q)
                            + " via " + report.labels(q.via(), Markdown::text));
                }
                b.append("| ").append(f.status()).append(" | ").append(Markdown.code(f.functionId())).append(" | ")
                        .append(String.join("<br>", ways)).append(" | ").append(report.labels(f.roles(), Markdown::text))
                        .append(" |\n");
            }
            b.append('\n');
        }
        b.append("### Roles behind them (").append(reach.roles().size()).append(")\n\n");
        if (!reach.roles().isEmpty()) {
            b.append("| Role | Admin-equivalent | Why | Functions |\n| --- | --- | --- | --- |\n");
            for (ReachSummary.RoleBehind r : reach.roles()) {
                b.append("| ").append(Markdown.code(r.roleId())).append(" | ").append(r.adminEquivalent() ? "**yes**" : "no")
                        .append(" | ").append(Markdown.text(r.adminReasons() == null ? ""
                                : TextReportWriter.shortReasons(r.adminReasons())))
                        .append(" | ").append(report.labels(r.functions(), Markdown::text)).append(" |\n");
            }
            b.append('\n');
        }
    }

}
