package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.PolicyValues;
import java.util.List;

/**
 * {@code BinaryEquals}: the context value and the policy value are base64 encodings of the same
 * bytes. When either side is not base64 the two are compared as text.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals">Binary condition operators</a>
 */
final class BinaryConditions {
    private BinaryConditions() {
    }

    static int matchesAny(Condition condition, String value) {
        String canonical = PolicyValues.canonicalBase64(value);
        List<String> values = condition.base64();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            boolean policyText = v.startsWith(Condition.NOT_BASE64);
            if (canonical != null && !policyText ? v.equals(canonical)
                    : value.equals(policyText ? v.substring(Condition.NOT_BASE64.length()) : condition.values().get(i))) {
                return ConditionEvaluator.TRUE;
            }
        }
        return ConditionEvaluator.FALSE;
    }
}
