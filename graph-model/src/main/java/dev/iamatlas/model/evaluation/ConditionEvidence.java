package dev.iamatlas.model.evaluation;

import java.util.List;

/**
 * How one condition of a statement evaluated.
 *
 * @param operator      the operator as written ({@code ForAnyValue:StringLikeIfExists})
 * @param key           the context key as written in the policy
 * @param policyValues  the policy's values
 * @param contextValues the request's values for the key; null when the request does not carry it
 * @param result        TRUE, FALSE, or UNKNOWN when it depends on an unknown key
 */
public record ConditionEvidence(String operator, String key, List<String> policyValues, List<String> contextValues, TriState result) {
}
