package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.NamedPolicy;
import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Objects;

/**
 * A policy as a request uses it: the evaluator's {@link NamedPolicy} (label and parsed document), the part it
 * plays, what it belongs to, and its text for evidence.
 *
 * @param named the labelled, parsed policy
 * @param type the part it plays in the request
 * @param owner the ARN of what it is attached to or lives in, or null
 * @param parsed the parsed text (shared)
 */
public record PolicySource(NamedPolicy named, PolicyType type, String owner, ParsedPolicy parsed) {
    public PolicySource {
        Objects.requireNonNull(named, "named");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parsed, "parsed");
    }

    /** The label that names the policy in evidence. */
    public String label() {
        return named.label();
    }

    /** The policy text. */
    public PolicyText text() {
        return parsed.text();
    }
}
