package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.VariableResolver;
import java.util.List;

/** What a condition is evaluated against: the request context. */
public interface ConditionInput {

    /** The values of a key (lower-cased), or null when the request does not carry the key. */
    List<String> values(String lowerCaseKey);

    /** Whether a key the request does not carry is unknown (might be present) rather than absent. */
    boolean isUnknown(String lowerCaseKey);

    /** Values for policy variables. */
    VariableResolver variables();
}
