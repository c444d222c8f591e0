package dev.iamatlas.model.graph;

import dev.iamatlas.model.evaluation.Decision;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One request the policy evaluator answered for an edge, exactly as it was asked: for the link "API Gateway
 * invokes {@code orders:live} for {@code GET /orders} in stage {@code prod}" the principal is
 * {@code apigateway.amazonaws.com}, the action {@code lambda:InvokeFunction}, the resource the qualified function
 * ARN, and the context holds {@code aws:SourceArn} (the route's execute-api ARN) and {@code aws:SourceAccount}.
 *
 * @param purpose what the request checks, in a few words ("API Gateway may invoke the function", "the role trusts
 *     API Gateway")
 * @param principal the caller as evaluated: an ARN, a service principal, {@code anonymous}
 * @param action the action
 * @param resource the resource ARN (or pattern, for capabilities)
 * @param context the context keys the request carried, with their values (keys as written in the request)
 * @param unknownKeys the keys the snapshot cannot know that conditions of the applicable statements depend on
 * @param status the status this request alone gives
 * @param decision the evaluator's answer, with its evidence (applicable statements, conditions, deciding statements)
 * @param policies the policies evaluated, with the statements to highlight
 */
public record EvaluatedRequest(
        String purpose,
        String principal,
        String action,
        String resource,
        SortedMap<String, List<String>> context,
        SortedSet<String> unknownKeys,
        EdgeStatus status,
        Decision decision,
        List<InvolvedPolicy> policies) {

    public EvaluatedRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decision, "decision");
        context = context == null || context.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(context));
        unknownKeys = unknownKeys == null || unknownKeys.isEmpty() ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(unknownKeys));
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    /** The single value of a context key as written in the request, or null. */
    public String contextValue(String key) {
        List<String> values = context.get(key);
        return values == null || values.size() != 1 ? null : values.get(0);
    }
}
