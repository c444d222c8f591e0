package dev.iamatlas.model.report;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.findings.Fix;
import dev.iamatlas.model.findings.ReachSummary;
import dev.iamatlas.model.findings.RuleCatalogue;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.snapshot.ScanGap;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A report whose every piece of account text is hostile: script tags, quotes, ampersands, Markdown and CSV
 * metacharacters, as a crafted snapshot could hold them.
 */
final class HostileReport {
    static final String SCRIPT = "<script>alert(\"pwned\")</script>";
    static final String ARN = "arn:aws:lambda:us-east-1:111122223333:function:x\"'><img src=x onerror=alert(1)>" + SCRIPT;
    static final String SID = "sid" + SCRIPT + "'\"&amp;|*_`";

    private HostileReport() {
    }

    static AnalysisReport build() {
        String statement = "{\"Sid\":\"" + SID.replace("\"", "\\\"") + "\",\"Effect\":\"Allow\",\"Principal\":\"*\"}";
        PathStep.Request request = new PathStep.Request("anyone may invoke " + SCRIPT, "*", "lambda:InvokeFunction", ARN,
                new TreeMap<>(Map.of("aws:SourceArn", List.of(SCRIPT))), new TreeSet<>(List.of("aws:SourceIp")),
                EdgeStatus.ALLOWED, "ALLOW", "the resource-based policy allows the caller",
                List.of(new PathStep.Statement("function " + SCRIPT + " resource policy", PolicyType.RESOURCE, ARN, 0,
                        SID, "Allow", statement)));
        PathStep step = new PathStep("CAN_INVOKE * -> " + ARN, EdgeType.CAN_INVOKE, EdgeStatus.ALLOWED, "internet",
                "Internet " + SCRIPT, ARN, "fn " + SCRIPT, "can invoke", "Internet can invoke fn \u2014 allowed by " + SCRIPT,
                false, new PathStep.Evidence(List.of(request), List.of("note " + SCRIPT)));
        ReportFinding finding = new ReportFinding("LAMBDA_PUBLIC_INVOKE " + ARN + " #" + SID,
                RuleCatalogue.LAMBDA_PUBLIC_INVOKE, Severity.HIGH, "Anyone may invoke " + SCRIPT,
                "=HYPERLINK(\"http://evil\") statement " + SID + " lets anyone, invoke\nthe function", ARN, "*",
                List.of(step), List.of(statement),
                new Fix("Remove " + SCRIPT, List.of("aws lambda remove-permission --statement-id '" + SID + "'"),
                        "{\"x\":\"" + SCRIPT.replace("\"", "\\\"") + "\"}", "javascript:alert(1)"));
        ReachSummary reach = new ReachSummary(
                List.of(new ReachSummary.PublicRoute("arn:aws:execute-api:us-east-1:111122223333:api/prod/GET/" + SCRIPT,
                        "GET /" + SCRIPT, "api", "prod", "NONE", EdgeStatus.ALLOWED)),
                List.of(new ReachSummary.ReachedFunction(ARN, "fn " + SCRIPT, EdgeStatus.ALLOWED, List.of("internet"),
                        List.of("arn:aws:iam::111122223333:role/" + SCRIPT),
                        List.of(new ReachSummary.ReachedQualifier(ARN + ":" + SCRIPT, "alias" + SCRIPT,
                                ReachSummary.QualifierKind.ALIAS, EdgeStatus.CONDITIONAL, true, List.of("internet"),
                                List.of())))),
                List.of(new ReachSummary.RoleBehind("arn:aws:iam::111122223333:role/" + SCRIPT, "role " + SCRIPT, true,
                        "iam:* on " + SCRIPT, List.of(ARN))));
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, s == Severity.HIGH ? 1 : 0);
        }
        Map<String, Integer> byRule = new LinkedHashMap<>();
        RuleCatalogue.rules().forEach(r -> byRule.put(r.id(), r.id().equals(RuleCatalogue.LAMBDA_PUBLIC_INVOKE) ? 1 : 0));
        Map<EdgeStatus, Integer> byStatus = new EnumMap<>(EdgeStatus.class);
        for (EdgeStatus s : EdgeStatus.values()) {
            byStatus.put(s, 1);
        }
        SnapshotInfo info = new SnapshotInfo("snap" + SCRIPT + ".json", "111122223333", "alias" + SCRIPT, "aws",
                List.of("us-east-1"), "scan", "1.0", "arn:aws:iam::111122223333:user/" + SCRIPT,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"), false,
                List.of(new ScanGap("lambda", "us-east-1", "GetPolicy", ARN, "AccessDenied", SCRIPT)));
        return new AnalysisReport("1.0" + SCRIPT, info, List.of(finding), reach,
                new AnalysisReport.Counts(bySeverity, byRule, 3, 3, byStatus, 1, 1, 1, 1),
                new TreeMap<>(Map.of("internet", "Internet " + SCRIPT)), List.of("graph note " + SCRIPT));
    }
}
