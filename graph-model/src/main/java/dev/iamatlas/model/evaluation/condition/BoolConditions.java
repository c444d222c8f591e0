package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.PolicyTemplate;
import dev.iamatlas.model.policy.VariableResolver;
import dev.iamatlas.model.policy.WildcardPattern;
import java.util.List;

/**
 * {@code Bool}: the context value equals the policy value ({@code true} or {@code false}), ignoring
 * case; a JSON boolean in the policy counts as its text. Policy variables are substituted ("You can
 * use a policy variable with the Boolean condition operator"); a variable with no value matches
 * nothing.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean">Boolean condition operators</a>
 */
final class BoolConditions {
    private BoolConditions() {
    }

    static int matchesAny(Condition condition, String value, VariableResolver variables) {
        List<PolicyTemplate> templates = condition.templates();
        int result = ConditionEvaluator.FALSE;
        for (int i = 0; i < templates.size(); i++) {
            WildcardPattern pattern = templates.get(i).resolve(variables);
            if (pattern == PolicyTemplate.MISSING) {
                continue;
            }
            if (pattern == PolicyTemplate.UNKNOWN) {
                result = ConditionEvaluator.UNKNOWN;
                continue;
            }
            if (pattern.equalsIgnoreCase(value)) {
                return ConditionEvaluator.TRUE;
            }
        }
        return result;
    }
}
