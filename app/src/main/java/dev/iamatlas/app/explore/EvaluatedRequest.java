package dev.iamatlas.app.explore;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The request the policy evaluator answered for an edge.
 *
 * @param principal who asks, such as {@code apigateway.amazonaws.com}
 * @param action such as {@code lambda:InvokeFunction}
 * @param resource the resource ARN
 * @param context the request context keys the evaluator used, with their values ({@code aws:SourceArn} → ...);
 *     a key whose value the snapshot cannot know maps to null
 * @param status ALLOWED, DENIED or CONDITIONAL: what this request alone gives
 * @param decision the answer in words, such as "Allowed: the resource-based policy allows the caller (statement
 *     apigw-prod)"
 */
public record EvaluatedRequest(String principal, String action, String resource, Map<String, String> context,
        String status, String decision) {
    public EvaluatedRequest {
        Objects.requireNonNull(action, "action");
        context = context == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(context));
        status = status == null ? "" : status;
        decision = decision == null ? "" : decision;
    }
}
