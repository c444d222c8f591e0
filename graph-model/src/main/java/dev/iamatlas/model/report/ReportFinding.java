package dev.iamatlas.model.report;

import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.findings.Fix;
import dev.iamatlas.model.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One finding as reports show it: a plain value taken from a {@link Finding} once, with its path steps and (for
 * analysis reports) the evidence of each step, so that writing the report later needs neither the graph nor the
 * analysis session.
 *
 * @param id the finding's stable id (the same across analyses of the same account)
 * @param rule the rule id, such as {@code LAMBDA_PERMISSION_NO_SOURCE}
 * @param severity how much it matters
 * @param title the rule's title
 * @param message one or two sentences about this occurrence
 * @param resource the ARN of the resource it is about
 * @param principal the ARN or name of the principal involved, or null
 * @param path the edges that show it, in order (empty for a policy-only finding)
 * @param notes evidence that is not an edge, such as the offending statement as JSON
 * @param fix how to fix it
 */
public record ReportFinding(
        String id,
        String rule,
        Severity severity,
        String title,
        String message,
        String resource,
        String principal,
        List<PathStep> path,
        List<String> notes,
        Fix fix) {

    public ReportFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(fix, "fix");
        path = path == null ? List.of() : List.copyOf(path);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * The report form of {@code finding}.
     *
     * @param labelOf the label of a node id
     * @param withEvidence whether to take each step's evidence (runs the explaining evaluation of each path edge)
     */
    public static ReportFinding of(Finding finding, Function<String, String> labelOf, boolean withEvidence) {
        Objects.requireNonNull(finding, "finding");
        return new ReportFinding(finding.id(), finding.ruleId(), finding.severity(), finding.title(), finding.message(),
                finding.resource(), finding.principal(), PathStep.of(finding.path(), labelOf, withEvidence),
                finding.notes(), finding.fix());
    }

    /** The ids of the path's edges, for highlighting the path in a diagram. */
    public List<String> pathEdgeIds() {
        List<String> out = new ArrayList<>(path.size());
        path.forEach(s -> out.add(s.edge()));
        return out;
    }
}
