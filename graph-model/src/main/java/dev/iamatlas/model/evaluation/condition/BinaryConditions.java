package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.PolicyValues;
import java.util.List;

/**
 * {@code BinaryEquals}: the context value and the policy value are base64 encodings of the same
 * bytes. A context value that is not base64 matches nothing.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals">Binary condition operators</a>
 */
final class BinaryConditions {
    private BinaryConditions() {
    }

    static int matchesAny(Condition condition, String value) {
        String canonical = PolicyValues.canonicalBase64(value);
        if (canonical == null) {
            return ConditionEvaluator.FALSE;
        }
        List<String> values = condition.base64();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equals(canonical)) {
                return ConditionEvaluator.TRUE;
            }
        }
        return ConditionEvaluator.FALSE;
    }
}
