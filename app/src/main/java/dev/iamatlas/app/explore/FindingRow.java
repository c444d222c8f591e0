package dev.iamatlas.app.explore;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One finding as the findings table and the inspector show it.
 *
 * @param severity such as HIGH; sorted by {@link #severityRank()}
 * @param ruleId the stable rule id
 * @param resource a short name of what the finding is about (a function name, "GET /orders [prod]")
 * @param message one or two sentences
 * @param pathEdgeIds the diagram edges that show it, highlighted when the finding is selected
 * @param evidenceEdgeId the edge whose inspection explains it, or null
 * @param id the finding's stable id (the same across analyses of the same account), or null
 * @param resourceArn the ARN of what the finding is about, or null
 * @param fixSummary what to do, in one sentence; may be empty
 * @param fixCommands the exact commands that fix it, in order; may be empty
 * @param policyChange the corrected policy or the statement to add, or null
 */
public record FindingRow(String severity, String ruleId, String resource, String message, List<String> pathEdgeIds,
        String evidenceEdgeId, String id, String resourceArn, String fixSummary, List<String> fixCommands,
        String policyChange) {
    public FindingRow {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(ruleId, "ruleId");
        resource = resource == null ? "" : resource;
        message = message == null ? "" : message;
        pathEdgeIds = pathEdgeIds == null ? List.of() : List.copyOf(pathEdgeIds);
        fixSummary = fixSummary == null ? "" : fixSummary;
        fixCommands = fixCommands == null ? List.of() : List.copyOf(fixCommands);
    }

    /** A finding row without id and fix. */
    public FindingRow(String severity, String ruleId, String resource, String message, List<String> pathEdgeIds,
            String evidenceEdgeId) {
        this(severity, ruleId, resource, message, pathEdgeIds, evidenceEdgeId, null, null, null, null, null);
    }

    /** Higher is more severe: CRITICAL 4, HIGH 3, MEDIUM 2, LOW 1, anything else 0. */
    public int severityRank() {
        return rank(severity);
    }

    /** The rank of a severity name, as {@link #severityRank()}. */
    public static int rank(String severity) {
        return switch (severity.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> 4;
            case "HIGH" -> 3;
            case "MEDIUM" -> 2;
            case "LOW" -> 1;
            default -> 0;
        };
    }
}
