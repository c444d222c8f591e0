package dev.iamatlas.app.explore;

import java.util.List;
import java.util.Objects;

/**
 * Everything the inspector shows about one node or edge. Every part may be empty; the inspector shows the parts
 * that are there and nothing else (no placeholders).
 *
 * @param title a short heading, such as the function name or "GET /orders → orders"
 * @param kind what the element is, such as "Lambda function" or "invokes · DENIED"
 * @param arn the ARN to copy, or null
 * @param summary one or two sentences: what the element is, or for an edge why it has its status; may be empty
 * @param properties name/value rows, in display order
 * @param findings the findings about the element (an edge on a finding's path, a node a finding is about), most
 *     severe first, each with its fix
 * @param checks for an evaluated edge, each request the policy evaluator answered, with its conditions and the
 *     policies it read (deciding statements marked); empty for nodes
 * @param policies every policy that touches the element, each with its deciding statements marked
 * @param notes what no request shows ("the function's policy could not be read"), in order of importance
 */
public record Inspection(
        String title,
        String kind,
        String arn,
        String summary,
        List<Property> properties,
        List<FindingRow> findings,
        List<RequestCheck> checks,
        List<PolicyExcerpt> policies,
        List<String> notes) {

    public Inspection {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        summary = summary == null ? "" : summary;
        properties = properties == null ? List.of() : List.copyOf(properties);
        findings = findings == null ? List.of() : List.copyOf(findings);
        checks = checks == null ? List.of() : List.copyOf(checks);
        policies = policies == null ? List.of() : List.copyOf(policies);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An inspection with properties and policies only. */
    public static Inspection of(String title, String kind, String arn, String summary, List<Property> properties,
            List<PolicyExcerpt> policies) {
        return new Inspection(title, kind, arn, summary, properties, List.of(), List.of(), policies, List.of());
    }

    /**
     * The commands that fix the most severe finding shown here, one per line, or null when no finding gives a
     * command.
     */
    public String fixCommand() {
        for (FindingRow finding : findings) {
            if (!finding.fixCommands().isEmpty()) {
                return String.join("\n", finding.fixCommands());
            }
        }
        return null;
    }

    /** The same inspection with other policies (for tests and decorators). */
    public Inspection withPolicies(List<PolicyExcerpt> newPolicies) {
        return new Inspection(title, kind, arn, summary, properties, findings, checks, newPolicies, notes);
    }

    /** One row of the properties table. */
    public record Property(String name, String value) {
        public Property {
            Objects.requireNonNull(name, "name");
            value = value == null ? "" : value;
        }
    }
}
