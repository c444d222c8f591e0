package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.Condition;
import java.util.List;

/**
 * {@code Bool}: the context value equals the policy value ({@code true} or {@code false}), ignoring
 * case; a JSON boolean in the policy counts as its text.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean">Boolean condition operators</a>
 */
final class BoolConditions {
    private BoolConditions() {
    }

    static int matchesAny(Condition condition, String value) {
        List<String> values = condition.values();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equalsIgnoreCase(value)) {
                return ConditionEvaluator.TRUE;
            }
        }
        return ConditionEvaluator.FALSE;
    }
}
