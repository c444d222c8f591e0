package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.PolicyValues;
import java.util.List;

/**
 * {@code DateEquals}, {@code DateNotEquals}, {@code DateLessThan}, {@code DateLessThanEquals},
 * {@code DateGreaterThan}, {@code DateGreaterThanEquals}, comparing instants (millisecond
 * precision). Dates are W3C/ISO 8601 forms or epoch seconds, on both sides. A context value that is
 * not a date matches nothing.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date">Date condition operators</a>
 */
final class DateConditions {
    private DateConditions() {
    }

    static int matchesAny(Condition condition, String value) {
        Long parsed = PolicyValues.parseDate(value);
        if (parsed == null) {
            return ConditionEvaluator.FALSE;
        }
        long v = parsed;
        List<Long> dates = condition.dates();
        for (int i = 0; i < dates.size(); i++) {
            if (NumericConditions.compare(condition, Long.compare(v, dates.get(i)))) {
                return ConditionEvaluator.TRUE;
            }
        }
        return ConditionEvaluator.FALSE;
    }
}
