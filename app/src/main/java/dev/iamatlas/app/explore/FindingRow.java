package dev.iamatlas.app.explore;

import java.util.List;
import java.util.Objects;

/**
 * One finding as the findings table shows it.
 *
 * @param severity such as HIGH; sorted by {@link #severityRank()}
 * @param ruleId the stable rule id
 * @param resource the ARN or name of what the finding is about
 * @param message one line
 * @param pathEdgeIds the diagram edges that show it, highlighted when the finding is selected
 * @param evidenceEdgeId the edge whose inspection explains it, or null
 */
public record FindingRow(String severity, String ruleId, String resource, String message, List<String> pathEdgeIds,
        String evidenceEdgeId) {
    public FindingRow {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(ruleId, "ruleId");
        resource = resource == null ? "" : resource;
        message = message == null ? "" : message;
        pathEdgeIds = pathEdgeIds == null ? List.of() : List.copyOf(pathEdgeIds);
    }

    /** Higher is more severe: CRITICAL 4, HIGH 3, MEDIUM 2, LOW 1, anything else 0. */
    public int severityRank() {
        return switch (severity.toUpperCase(java.util.Locale.ROOT)) {
            case "CRITICAL" -> 4;
            case "HIGH" -> 3;
            case "MEDIUM" -> 2;
            case "LOW" -> 1;
            default -> 0;
        };
    }
}
