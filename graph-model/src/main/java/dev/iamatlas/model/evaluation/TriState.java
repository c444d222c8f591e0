package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.evaluation.condition.ConditionEvaluator;

/** A three-valued truth: a condition or a statement match can depend on a context key that is unknown. */
public enum TriState {
    /** Holds. */
    TRUE,
    /** Does not hold. */
    FALSE,
    /** Depends on a context key declared unknown. */
    UNKNOWN;

    /** From the int results of {@link ConditionEvaluator}. */
    public static TriState of(int conditionResult) {
        return conditionResult == ConditionEvaluator.TRUE ? TRUE : conditionResult == ConditionEvaluator.FALSE ? FALSE : UNKNOWN;
    }
}
