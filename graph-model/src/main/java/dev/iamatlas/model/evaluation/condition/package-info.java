/**
 * Condition operators: one class per operator family, and {@link
 * dev.iamatlas.model.evaluation.condition.ConditionEvaluator}, which applies the rules common to
 * all of them (missing keys, {@code IfExists}, negation, {@code ForAnyValue}/{@code ForAllValues},
 * multivalued keys, unknown keys). Results are three-valued ints so the hot path allocates nothing.
 */
package dev.iamatlas.model.evaluation.condition;
