package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.PolicyValues;
import java.util.List;

/**
 * {@code NumericEquals}, {@code NumericNotEquals}, {@code NumericLessThan},
 * {@code NumericLessThanEquals}, {@code NumericGreaterThan}, {@code NumericGreaterThanEquals}. The
 * comparison is "context value OP policy value". A context value that is not a number matches
 * nothing (so the negated operator is true for it).
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric">Numeric condition operators</a>
 */
final class NumericConditions {
    private NumericConditions() {
    }

    static int matchesAny(Condition condition, String value) {
        Double parsed = PolicyValues.parseNumber(value);
        if (parsed == null) {
            return ConditionEvaluator.FALSE;
        }
        double v = parsed;
        List<Double> numbers = condition.numbers();
        for (int i = 0; i < numbers.size(); i++) {
            if (compare(condition, Double.compare(v, numbers.get(i)))) {
                return ConditionEvaluator.TRUE;
            }
        }
        return ConditionEvaluator.FALSE;
    }

    static boolean compare(Condition condition, int cmp) {
        switch (condition.operator().comparison()) {
            case LT:
                return cmp < 0;
            case LE:
                return cmp <= 0;
            case GT:
                return cmp > 0;
            case GE:
                return cmp >= 0;
            default:
                return cmp == 0;
        }
    }
}
