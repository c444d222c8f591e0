package dev.iamatlas.model.report;

import static dev.iamatlas.model.report.Html.esc;

import dev.iamatlas.model.findings.Fix;
import dev.iamatlas.model.findings.ReachSummary;
import dev.iamatlas.model.findings.RuleInfo;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.snapshot.ScanGap;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML file: inline CSS, no scripts, nothing fetched from elsewhere (a
 * Content-Security-Policy in the file forbids it), every piece of account text escaped. Findings open to their
 * path, evidence (each evaluated request and the deciding statements) and fix; the diagram, when the caller
 * supplies one, is embedded as inline SVG. Prints readably.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String CSS = """
            :root{--fg:#1f2933;--muted:#52606d;--bg:#fff;--panel:#f5f7fa;--line:#d9e2ec;--code:#f0f4f8;
            --critical:#9b1c1c;--high:#c2410c;--medium:#a16207;--low:#1d4ed8;--info:#475569;
            --allowed:#15803d;--conditional:#a16207;--denied:#b91c1c}
            @media (prefers-color-scheme:dark){:root{--fg:#e4e7eb;--muted:#9aa5b1;--bg:#111827;--panel:#1f2937;
            --line:#374151;--code:#0b1220}}
            *{box-sizing:border-box}
            body{margin:0;padding:0 2rem 3rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
            color:var(--fg);background:var(--bg);max-width:1200px;margin:auto}
            h1{font-size:1.6rem;margin:1.5rem 0 .3rem}h2{margin-top:2.2rem;border-bottom:2px solid var(--line);
            padding-bottom:.2rem}h3{margin:.2rem 0 .5rem;font-size:1.1rem}
            code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.86em}
            code{background:var(--code);padding:.05em .3em;border-radius:3px;overflow-wrap:anywhere}
            pre{background:var(--code);padding:.6rem .8rem;border-radius:4px;overflow-x:auto;white-space:pre-wrap;
            overflow-wrap:anywhere;margin:.4rem 0}
            dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0 1rem}
            dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
            nav{margin:.8rem 0;color:var(--muted)}nav a{margin-right:1rem}
            a{color:inherit}
            .cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:.8rem 0}
            .card{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:4px;padding:.4rem .9rem;
            min-width:7.5rem;background:var(--panel)}
            .card b{display:block;font-size:1.5rem}
            .card.critical{border-left-color:var(--critical)}.card.high{border-left-color:var(--high)}
            .card.medium{border-left-color:var(--medium)}.card.low{border-left-color:var(--low)}
            .sev{display:inline-block;min-width:5.4rem;text-align:center;color:#fff;border-radius:3px;padding:0 .4rem;
            font-size:.78rem;font-weight:700;letter-spacing:.03em}
            .sev.critical{background:var(--critical)}.sev.high{background:var(--high)}.sev.medium{background:var(--medium)}
            .sev.low{background:var(--low)}.sev.info{background:var(--info)}
            .st{font-weight:700;font-size:.78rem}.st.allowed{color:var(--allowed)}.st.conditional{color:var(--conditional)}
            .st.denied{color:var(--denied)}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}
            th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
            th{background:var(--panel)}
            td.arn{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8em;overflow-wrap:anywhere}
            article.finding{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:4px;
            padding:.7rem 1rem;margin:1rem 0;page-break-inside:avoid}
            article.critical{border-left-color:var(--critical)}article.high{border-left-color:var(--high)}
            article.medium{border-left-color:var(--medium)}article.low{border-left-color:var(--low)}
            ol.path{padding-left:1.4rem;margin:.3rem 0}ol.path li{margin:.25rem 0}
            .why{color:var(--muted);display:block}
            details{margin:.4rem 0}summary{cursor:pointer;color:var(--muted)}
            .warning{border:1px solid var(--high);background:var(--panel);padding:.5rem 1rem;border-radius:4px}
            figure.diagram{margin:1rem 0;overflow:auto;border:1px solid var(--line);border-radius:4px;background:#fff}
            figure.diagram svg{max-width:100%;height:auto}
            footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
            @media print{body{padding:0}nav{display:none}a{text-decoration:none}h2{page-break-after:avoid}}
            """;

    private final String diagram;

    /**
     * A writer that embeds {@code diagramSvg} when it is not null.
     *
     * @throws IllegalArgumentException when the SVG cannot be embedded safely (see {@link Html#inlineSvg})
     */
    public HtmlReportWriter(String diagramSvg) {
        this.diagram = diagramSvg == null ? null : Html.inlineSvg(diagramSvg);
    }

    /** A writer without a diagram. */
    public HtmlReportWriter() {
        this(null);
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.HTML;
    }

    @Override
    public void write(AnalysisReport report, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(64 * 1024);
        SnapshotInfo s = report.snapshot();
        String title = "IAM Atlas report: account " + s.accountDisplay();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"IAM Atlas").append(report.toolVersion() == null ? ""
                        : " " + esc(report.toolVersion())).append("\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
        header(b, report, title);
        b.append("<nav><a href=\"#summary\">Summary</a><a href=\"#findings\">Findings</a>");
        if (diagram != null) {
            b.append("<a href=\"#diagram\">Diagram</a>");
        }
        b.append("<a href=\"#reach\">Reach</a><a href=\"#rules\">Rules</a></nav>\n");
        summary(b, report);
        gaps(b, s);
        if (diagram != null) {
            b.append("<section id=\"diagram\">\n<h2>Diagram</h2>\n<figure class=\"diagram\">\n").append(diagram)
                    .append("\n</figure>\n</section>\n");
        }
        findings(b, report);
        reach(b, report);
        rules(b, report);
        if (!report.notes().isEmpty()) {
            b.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
            report.notes().forEach(n -> b.append("<li>").append(esc(n)).append("</li>\n"));
            b.append("</ul>\n</section>\n");
        }
        b.append("<footer>Generated by IAM Atlas").append(report.toolVersion() == null ? "" : " " + esc(report.toolVersion()))
                .append(" from snapshot ").append(esc(s.name()))
                .append(". This report describes the security of an AWS account: share it with care.</footer>\n")
                .append("</body>\n</html>\n");
        out.write(b.toString());
        out.flush();
    }

    private static void header(StringBuilder b, AnalysisReport report, String title) {
        SnapshotInfo s = report.snapshot();
        b.append("<header>\n<h1>").append(esc(title)).append("</h1>\n<dl class=\"meta\">\n");
        meta(b, "Snapshot", "<code>" + esc(s.name()) + "</code>" + (s.source() == null ? "" : " (" + esc(s.source()) + ")"));
        meta(b, "Partition", esc(s.partition()));
        meta(b, "Regions", esc(String.join(", ", s.regions())));
        if (s.startedAt() != null || s.finishedAt() != null) {
            meta(b, "Scanned", esc((s.startedAt() == null ? "?" : s.startedAt()) + " to "
                    + (s.finishedAt() == null ? "?" : s.finishedAt())));
        }
        if (s.callerArn() != null) {
            meta(b, "Scanned as", "<code>" + esc(s.callerArn()) + "</code>");
        }
        meta(b, "Complete", s.complete() ? "yes" : "<strong>no</strong>: the scan was cut short");
        AnalysisReport.Counts c = report.counts();
        Map<EdgeStatus, Integer> st = c.edgesByStatus();
        meta(b, "Access graph", c.nodes() + " nodes, " + c.edges() + " edges (" + st.get(EdgeStatus.ALLOWED) + " allowed, "
                + st.get(EdgeStatus.CONDITIONAL) + " conditional, " + st.get(EdgeStatus.DENIED) + " denied)");
        b.append("</dl>\n</header>\n");
    }

    private static void meta(StringBuilder b, String name, String html) {
        b.append("<dt>").append(esc(name)).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private static void summary(StringBuilder b, AnalysisReport report) {
        AnalysisReport.Counts c = report.counts();
        b.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p>").append(esc(c.describeFindings())).append(".</p>\n");
        b.append("<div class=\"cards\">\n");
        for (Map.Entry<Severity, Integer> e : c.bySeverity().entrySet()) {
            b.append("<div class=\"card ").append(css(e.getKey())).append("\"><b>").append(e.getValue()).append("</b>")
                    .append(e.getKey()).append("</div>\n");
        }
        b.append("</div>\n<div class=\"cards\">\n");
        card(b, c.publicRoutes(), "public routes");
        card(b, c.reachableFunctions(), "functions reachable from the Internet");
        card(b, c.rolesBehind(), "roles behind them");
        card(b, c.adminRolesBehind(), "of them admin-equivalent");
        b.append("</div>\n</section>\n");
    }

    private static void card(StringBuilder b, int n, String what) {
        b.append("<div class=\"card\"><b>").append(n).append("</b>").append(esc(what)).append("</div>\n");
    }

    private static void gaps(StringBuilder b, SnapshotInfo s) {
        if (s.gaps().isEmpty()) {
            return;
        }
        b.append("<section id=\"gaps\" class=\"warning\">\n<h2>Scan gaps</h2>\n<p>The scan could not read these, so "
                + "access through them may be missing from this report.</p>\n<ul>\n");
        for (ScanGap g : s.gaps()) {
            b.append("<li>").append(esc(g.describe())).append("</li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    private static void findings(StringBuilder b, AnalysisReport report) {
        b.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (report.findings().isEmpty()) {
            b.append("<p>No findings.</p>\n</section>\n");
            return;
        }
        b.append("<table>\n<thead><tr><th>#</th><th>Severity</th><th>Rule</th><th>Resource</th><th>Title</th></tr></thead>\n"
                + "<tbody>\n");
        int i = 1;
        for (ReportFinding f : report.findings()) {
            b.append("<tr><td><a href=\"#finding-").append(i).append("\">").append(i).append("</a></td><td>")
                    .append(sev(f.severity())).append("</td><td><code>").append(esc(f.rule())).append("</code></td>")
                    .append("<td class=\"arn\">").append(esc(f.resource())).append("</td><td>").append(esc(f.title()))
                    .append("</td></tr>\n");
            i++;
        }
        b.append("</tbody>\n</table>\n");
        i = 1;
        for (ReportFinding f : report.findings()) {
            finding(b, i++, f);
        }
        b.append("</section>\n");
    }

    private static void finding(StringBuilder b, int i, ReportFinding f) {
        b.append("<article class=\"finding ").append(css(f.severity())).append("\" id=\"finding-").append(i).append("\">\n")
                .append("<h3>").append(sev(f.severity())).append(' ').append(esc(f.title())).append("</h3>\n")
                .append("<dl class=\"meta\">\n");
        meta(b, "Rule", "<code>" + esc(f.rule()) + "</code>");
        meta(b, "Resource", "<code>" + esc(f.resource()) + "</code>");
        if (f.principal() != null) {
            meta(b, "Principal", "<code>" + esc(f.principal()) + "</code>");
        }
        b.append("</dl>\n<p>").append(esc(f.message())).append("</p>\n");
        if (!f.path().isEmpty()) {
            b.append("<ol class=\"path\">\n");
            for (PathStep s : f.path()) {
                b.append("<li>").append(status(s.status())).append(' ').append(esc(s.fromLabel())).append(" &rarr; <em>")
                        .append(esc(s.label())).append("</em> &rarr; ").append(esc(s.toLabel()))
                        .append("<span class=\"why\">").append(esc(s.reason())).append("</span></li>\n");
            }
            b.append("</ol>\n");
            evidence(b, f);
        }
        for (String note : f.notes()) {
            b.append("<details><summary>Evidence</summary><pre>").append(esc(note)).append("</pre></details>\n");
        }
        Fix fix = f.fix();
        b.append("<p><strong>Fix:</strong> ").append(esc(fix.summary())).append("</p>\n");
        if (!fix.commands().isEmpty()) {
            b.append("<pre class=\"cmd\">").append(esc(String.join("\n", fix.commands()))).append("</pre>\n");
        }
        if (fix.policyChange() != null) {
            b.append("<details><summary>Policy change</summary><pre>").append(esc(fix.policyChange()))
                    .append("</pre></details>\n");
        }
        if (fix.documentation() != null) {
            b.append("<p>AWS documentation: ").append(Html.link(fix.documentation(), fix.documentation())).append("</p>\n");
        }
        b.append("</article>\n");
    }

    private static void evidence(StringBuilder b, ReportFinding f) {
        boolean any = f.path().stream().anyMatch(s -> s.evidence() != null
                && (!s.evidence().requests().isEmpty() || !s.evidence().notes().isEmpty()));
        if (!any) {
            return;
        }
        b.append("<details><summary>Evidence: the requests evaluated</summary>\n");
        for (PathStep s : f.path()) {
            if (s.evidence() == null) {
                continue;
            }
            b.append("<p>").append(status(s.status())).append(' ').append(esc(s.explanation())).append("</p>\n");
            for (String n : s.evidence().notes()) {
                b.append("<p class=\"why\">").append(esc(n)).append("</p>\n");
            }
            for (PathStep.Request r : s.evidence().requests()) {
                b.append("<table>\n<tbody>\n");
                row(b, "Checks", esc(r.purpose()));
                row(b, "Principal", "<code>" + esc(r.principal()) + "</code>");
                row(b, "Action", "<code>" + esc(r.action()) + "</code>");
                row(b, "Resource", "<code>" + esc(r.resource()) + "</code>");
                if (!r.context().isEmpty()) {
                    StringBuilder ctx = new StringBuilder();
                    r.context().forEach((k, v) -> ctx.append("<code>").append(esc(k)).append("</code> = ")
                            .append(esc(String.join(", ", v))).append("<br>"));
                    row(b, "Context", ctx.toString());
                }
                if (!r.unknownKeys().isEmpty()) {
                    row(b, "Unknown", esc(String.join(", ", r.unknownKeys())));
                }
                row(b, "Decision", status(r.status()) + " " + esc(r.outcome()) + ": " + esc(r.reason()));
                for (PathStep.Statement st : r.deciding()) {
                    row(b, "Deciding", esc(st.describe()) + (st.statement() == null ? ""
                            : "<pre>" + esc(st.statement()) + "</pre>"));
                }
                b.append("</tbody>\n</table>\n");
            }
        }
        b.append("</details>\n");
    }

    private static void row(StringBuilder b, String name, String html) {
        b.append("<tr><th>").append(esc(name)).append("</th><td>").append(html).append("</td></tr>\n");
    }

    private static void reach(StringBuilder b, AnalysisReport report) {
        ReachSummary reach = report.reach();
        b.append("<section id=\"reach\">\n<h2>Reach from the Internet</h2>\n");
        b.append("<h3>Public routes (").append(reach.publicRoutes().size()).append(")</h3>\n");
        if (!reach.publicRoutes().isEmpty()) {
            b.append("<table>\n<thead><tr><th>Status</th><th>Route</th><th>Authorization</th><th>ARN</th></tr></thead>\n"
                    + "<tbody>\n");
            for (ReachSummary.PublicRoute r : reach.publicRoutes()) {
                b.append("<tr><td>").append(status(r.status())).append("</td><td>").append(esc(r.label())).append("</td><td>")
                        .append(esc(r.authorizationType())).append("</td><td class=\"arn\">").append(esc(r.routeId()))
                        .append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("<h3>Functions reachable from the Internet (").append(reach.functions().size()).append(")</h3>\n");
        if (!reach.functions().isEmpty()) {
            b.append("<table>\n<thead><tr><th>Status</th><th>Function</th><th>Reached as (via)</th><th>Runs as</th></tr>"
                    + "</thead>\n<tbody>\n");
            for (ReachSummary.ReachedFunction f : reach.functions()) {
                b.append("<tr><td>").append(status(f.status())).append("</td><td class=\"arn\">").append(esc(f.functionId()))
                        .append("</td><td>");
                for (ReachSummary.ReachedQualifier q : f.directQualifiers()) {
                    b.append("<div><code>").append(esc(f.describe(q))).append("</code>")
                            .append(q.status() == f.status() ? "" : " " + status(q.status())).append(" via ")
                            .append(report.labels(q.via(), Html::esc)).append("</div>");
                }
                b.append("</td><td>").append(report.labels(f.roles(), Html::esc)).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("<h3>Roles behind them (").append(reach.roles().size()).append(")</h3>\n");
        if (!reach.roles().isEmpty()) {
            b.append("<table>\n<thead><tr><th>Role</th><th>Admin-equivalent</th><th>Functions</th></tr></thead>\n<tbody>\n");
            for (ReachSummary.RoleBehind r : reach.roles()) {
                b.append("<tr><td class=\"arn\">").append(esc(r.roleId())).append("</td><td>");
                if (r.adminEquivalent()) {
                    b.append("<strong>yes</strong>");
                    if (r.adminReasons() != null) {
                        b.append("<details><summary>why</summary>").append(esc(r.adminReasons())).append("</details>");
                    }
                } else {
                    b.append("no");
                }
                b.append("</td><td>").append(report.labels(r.functions(), Html::esc)).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</section>\n");
    }

    private static void rules(StringBuilder b, AnalysisReport report) {
        b.append("<section id=\"rules\">\n<h2>Rules</h2>\n<table>\n<thead><tr><th>Rule</th><th>Severity</th>"
                + "<th>Findings</th><th>When it fires</th></tr></thead>\n<tbody>\n");
        for (RuleInfo r : report.rules()) {
            b.append("<tr><td><code>").append(esc(r.id())).append("</code><br>").append(esc(r.title())).append("</td><td>")
                    .append(sev(r.defaultSeverity())).append("</td><td>")
                    .append(report.counts().byRule().getOrDefault(r.id(), 0)).append("</td><td>")
                    .append(esc(r.description())).append(' ').append(Html.link(r.documentation(), "AWS documentation"))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }


    private static String sev(Severity s) {
        return "<span class=\"sev " + css(s) + "\">" + s.name() + "</span>";
    }

    private static String status(EdgeStatus s) {
        return "<span class=\"st " + s.name().toLowerCase(Locale.ROOT) + "\">" + s.name() + "</span>";
    }

    private static String css(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
