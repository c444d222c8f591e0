package dev.iamatlas.model.evaluation.condition;

import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.ConditionOperator;
import dev.iamatlas.model.policy.SetQualifier;
import java.util.List;

/**
 * Evaluates one {@link Condition} against a request context. Three-valued: {@link #TRUE},
 * {@link #FALSE}, or {@link #UNKNOWN} when the result depends on a key the caller declared unknown.
 *
 * <p>The rules common to all operators, as documented by AWS:
 * <ul>
 *   <li>several policy values are ORed: a context value matches when it matches any of them;</li>
 *   <li>key missing from the request: the condition is false, except that negated operators
 *       ({@code StringNotEquals}, {@code NotIpAddress}, {@code ArnNotLike}...) are true,
 *       {@code ...IfExists} operators are true, {@code Null} tests presence, {@code ForAllValues}
 *       is true and {@code ForAnyValue} is false
 *       (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html">Condition element</a>,
 *       <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">single-valued vs. multivalued context keys</a>);</li>
 *   <li>{@code ForAnyValue}: true when at least one request value matches (for a negated operator:
 *       at least one request value matches none of the policy values); false for a missing key or
 *       a null data set (an empty list, or one empty string): "For no matching context key or a null
 *       dataset, the condition returns false";</li>
 *   <li>{@code ForAllValues}: true when every request value matches (negated: every request value
 *       matches none of the policy values); true for a missing key or a null data set: "It also
 *       returns true if there are no context keys in the request or if the context key value
 *       resolves to a null dataset, such as an empty string";</li>
 *   <li>a plain (single-valued) operator on a key with several values: a positive operator is true
 *       when any value matches; a negated operator is the negation of that (true only when no value
 *       matches);</li>
 *   <li>a key given with an empty list of values is <em>present</em>, with no values: {@code Null}
 *       reads it as existing ({@code "false"} holds, {@code "true"} does not), {@code ...IfExists}
 *       evaluates it, a plain positive operator is false and a negated one true.</li>
 * </ul>
 */
public final class ConditionEvaluator {
    /** Result: false. */
    public static final int FALSE = 0;
    /** Result: true. */
    public static final int TRUE = 1;
    /** Result: depends on an unknown key. */
    public static final int UNKNOWN = 2;

    private ConditionEvaluator() {
    }

    /** Evaluates {@code condition}; {@link #TRUE}, {@link #FALSE} or {@link #UNKNOWN}. */
    public static int evaluate(Condition condition, ConditionInput input) {
        String key = condition.lowerCaseKey();
        List<String> values = input.values(key);
        SetQualifier qualifier = condition.qualifier();
        if (values == null) {
            if (input.isUnknown(key)) {
                return UNKNOWN;
            }
            return whenMissing(condition);
        }
        ConditionOperator operator = condition.operator();
        if (operator == ConditionOperator.NULL) {
            return condition.nullMeansAbsent() ? FALSE : TRUE;
        }
        boolean negated = operator.negated();
        switch (qualifier) {
            case FOR_ANY_VALUE: {
                if (isNullDataSet(values)) {
                    return FALSE;
                }
                int result = FALSE;
                for (int i = 0; i < values.size(); i++) {
                    int m = matchesAny(condition, values.get(i), input);
                    if (negated) {
                        m = not(m);
                    }
                    if (m == TRUE) {
                        return TRUE;
                    }
                    if (m == UNKNOWN) {
                        result = UNKNOWN;
                    }
                }
                return result;
            }
            case FOR_ALL_VALUES: {
                if (isNullDataSet(values)) {
                    return TRUE;
                }
                int result = TRUE;
                for (int i = 0; i < values.size(); i++) {
                    int m = matchesAny(condition, values.get(i), input);
                    if (negated) {
                        m = not(m);
                    }
                    if (m == FALSE) {
                        return FALSE;
                    }
                    if (m == UNKNOWN) {
                        result = UNKNOWN;
                    }
                }
                return result;
            }
            default: {
                int any = FALSE;
                for (int i = 0; i < values.size(); i++) {
                    int m = matchesAny(condition, values.get(i), input);
                    if (m == TRUE) {
                        any = TRUE;
                        break;
                    }
                    if (m == UNKNOWN) {
                        any = UNKNOWN;
                    }
                }
                return negated ? not(any) : any;
            }
        }
    }

    /** The result for a key the request does not carry (and that is not unknown). */
    public static int whenMissing(Condition condition) {
        if (condition.operator() == ConditionOperator.NULL) {
            return condition.nullMeansAbsent() ? TRUE : FALSE;
        }
        if (condition.ifExists()) {
            return TRUE;
        }
        switch (condition.qualifier()) {
            case FOR_ANY_VALUE:
                return FALSE;
            case FOR_ALL_VALUES:
                return TRUE;
            default:
                return condition.operator().negated() ? TRUE : FALSE;
        }
    }

    private static boolean isNullDataSet(List<String> values) {
        return values.isEmpty() || (values.size() == 1 && values.get(0).isEmpty());
    }

    /** Three-valued negation. */
    public static int not(int v) {
        return v == TRUE ? FALSE : v == FALSE ? TRUE : UNKNOWN;
    }

    /** Whether one context value matches any of the condition's policy values, by the positive comparison. */
    static int matchesAny(Condition condition, String value, ConditionInput input) {
        switch (condition.operator().family()) {
            case STRING:
                return StringConditions.matchesAny(condition, value, input.variables());
            case ARN:
                return ArnConditions.matchesAny(condition, value, input.variables());
            case NUMERIC:
                return NumericConditions.matchesAny(condition, value);
            case DATE:
                return DateConditions.matchesAny(condition, value);
            case BOOL:
                return BoolConditions.matchesAny(condition, value, input.variables());
            case BINARY:
                return BinaryConditions.matchesAny(condition, value);
            case IP:
                return IpAddressConditions.matchesAny(condition, value);
            default:
                return FALSE;
        }
    }
}
