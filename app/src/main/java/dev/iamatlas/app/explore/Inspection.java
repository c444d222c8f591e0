package dev.iamatlas.app.explore;

import java.util.List;
import java.util.Objects;

/**
 * Everything the inspector shows about one node or edge. Every part may be empty; the inspector shows the parts
 * that are there and nothing else (no placeholders).
 *
 * @param title a short heading, such as the function name or "GET /orders → orders"
 * @param kind what the element is, such as "Lambda function" or "invokes (not yet evaluated)"
 * @param arn the ARN to copy, or null
 * @param summary one or two sentences: what the element is, or for an edge why it has its status; may be empty
 * @param properties name/value rows, in display order
 * @param policies every policy that touches the element, each with its deciding statements marked
 * @param request for an evaluated edge, the request the evaluator answered; null otherwise
 * @param conditions for an evaluated edge, each condition with its value and result
 * @param fixCommand a command that fixes a problem shown here (an {@code aws} CLI call), or null
 */
public record Inspection(
        String title,
        String kind,
        String arn,
        String summary,
        List<Property> properties,
        List<PolicyExcerpt> policies,
        EvaluatedRequest request,
        List<ConditionRow> conditions,
        String fixCommand) {

    public Inspection {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        summary = summary == null ? "" : summary;
        properties = properties == null ? List.of() : List.copyOf(properties);
        policies = policies == null ? List.of() : List.copyOf(policies);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** One row of the properties table. */
    public record Property(String name, String value) {
        public Property {
            Objects.requireNonNull(name, "name");
            value = value == null ? "" : value;
        }
    }
}
