package dev.iamatlas.app.explore;

import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Objects;
import java.util.Set;

/**
 * A policy that touches an inspected element.
 *
 * @param title such as "Resource policy" or "Inline policy dynamo"
 * @param source where it lives, such as "function orders, alias live" or a managed policy ARN
 * @param document the policy document
 * @param decidingStatements indexes (0-based, in the document's {@code Statement} array) of the statements that
 *     decided the inspected edge; empty when nothing was evaluated
 */
public record PolicyExcerpt(String title, String source, PolicyText document, Set<Integer> decidingStatements) {
    public PolicyExcerpt {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(document, "document");
        source = source == null ? "" : source;
        decidingStatements = decidingStatements == null ? Set.of() : Set.copyOf(decidingStatements);
    }

    public static PolicyExcerpt of(String title, String source, PolicyText document) {
        return new PolicyExcerpt(title, source, document, Set.of());
    }
}
