package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.policy.PolicyDocument;
import java.util.Objects;

/**
 * A policy with the label that names it in evidence, e.g.
 * {@code arn:aws:iam::aws:policy/ReadOnlyAccess} or {@code role/app inline orders-access}.
 *
 * @param label    how evidence names the policy
 * @param document the parsed policy
 */
public record NamedPolicy(String label, PolicyDocument document) {
    public NamedPolicy {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(document, "document");
    }
}
