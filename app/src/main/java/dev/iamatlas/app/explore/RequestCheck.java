package dev.iamatlas.app.explore;

import java.util.List;
import java.util.Objects;

/**
 * One request the policy evaluator answered for an edge, as the inspector shows it: what it checks, the exact
 * request, each condition of the applicable statements with its result, and the policies read with the deciding
 * statements marked.
 *
 * @param purpose what the request checks, such as "API Gateway may invoke the function"
 * @param request the request and the decision
 * @param conditions each condition of the statements that applied, evaluated
 * @param policies the policies the evaluator read, deciding statements marked
 */
public record RequestCheck(String purpose, EvaluatedRequest request, List<ConditionRow> conditions,
        List<PolicyExcerpt> policies) {
    public RequestCheck {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(request, "request");
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        policies = policies == null ? List.of() : List.copyOf(policies);
    }
}
