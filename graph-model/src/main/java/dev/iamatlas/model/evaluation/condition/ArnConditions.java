package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.ArnPattern;
import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.PolicyTemplate;
import dev.iamatlas.model.policy.VariableResolver;
import dev.iamatlas.model.policy.WildcardPattern;
import java.util.List;

/**
 * {@code ArnEquals}, {@code ArnLike}, {@code ArnNotEquals}, {@code ArnNotLike}. AWS documents
 * ArnEquals and ArnLike identically: case-sensitive, each of the six colon-delimited parts checked
 * separately, {@code *} and {@code ?} allowed in each (they do not cross a colon in the first five
 * parts). A context value that is not ARN-shaped matches no ARN-shaped policy value.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN">ARN condition operators</a>
 */
final class ArnConditions {
    private ArnConditions() {
    }

    static int matchesAny(Condition condition, String value, VariableResolver variables) {
        List<PolicyTemplate> templates = condition.templates();
        ArnPattern[] fixed = condition.memo(ArnConditions::compileFixed);
        int result = ConditionEvaluator.FALSE;
        for (int i = 0; i < templates.size(); i++) {
            ArnPattern arn = fixed[i];
            if (arn == null) {
                WildcardPattern pattern = templates.get(i).resolve(variables);
                if (pattern == PolicyTemplate.MISSING) {
                    continue;
                }
                if (pattern == PolicyTemplate.UNKNOWN) {
                    result = ConditionEvaluator.UNKNOWN;
                    continue;
                }
                arn = ArnPattern.of(pattern);
            }
            if (arn.matches(value)) {
                return ConditionEvaluator.TRUE;
            }
        }
        return result;
    }

    private static ArnPattern[] compileFixed(Condition condition) {
        List<PolicyTemplate> templates = condition.templates();
        ArnPattern[] out = new ArnPattern[templates.size()];
        for (int i = 0; i < out.length; i++) {
            PolicyTemplate t = templates.get(i);
            out[i] = t.hasVariables() ? null : ArnPattern.of(t.resolve(VariableResolver.NONE));
        }
        return out;
    }
}
