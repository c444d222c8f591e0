package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.PolicyTemplate;
import dev.iamatlas.model.policy.VariableResolver;
import dev.iamatlas.model.policy.WildcardPattern;
import java.util.List;

/**
 * {@code StringEquals}, {@code StringNotEquals}, {@code StringEqualsIgnoreCase},
 * {@code StringNotEqualsIgnoreCase}, {@code StringLike}, {@code StringNotLike}. Case-sensitive except
 * the IgnoreCase pair; only the Like pair treats {@code *} and {@code ?} as wildcards; policy
 * variables are substituted in all six.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String">String condition operators</a>
 */
final class StringConditions {
    private StringConditions() {
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
            boolean match;
            switch (condition.operator().comparison()) {
                case EQ_IGNORE_CASE:
                    match = pattern.equalsIgnoreCase(value);
                    break;
                default: // EQ (compiled without wildcards, so an exact comparison) and LIKE
                    match = pattern.matches(value);
                    break;
            }
            if (match) {
                return ConditionEvaluator.TRUE;
            }
        }
        return result;
    }
}
