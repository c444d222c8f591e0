package dev.iamatlas.model.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The condition operators of the IAM policy language, without the {@code IfExists} suffix and the
 * {@code ForAnyValue:}/{@code ForAllValues:} qualifiers (see {@link Condition}). Names are
 * case-sensitive, as AWS spells them.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM JSON policy elements: Condition operators</a>
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false, Comparison.EQ),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true, Comparison.EQ),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false, Comparison.EQ_IGNORE_CASE),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true, Comparison.EQ_IGNORE_CASE),
    STRING_LIKE("StringLike", Family.STRING, false, Comparison.LIKE),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true, Comparison.LIKE),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false, Comparison.EQ),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true, Comparison.EQ),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false, Comparison.LT),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false, Comparison.LE),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false, Comparison.GT),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false, Comparison.GE),
    DATE_EQUALS("DateEquals", Family.DATE, false, Comparison.EQ),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true, Comparison.EQ),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false, Comparison.LT),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false, Comparison.LE),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false, Comparison.GT),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false, Comparison.GE),
    BOOL("Bool", Family.BOOL, false, Comparison.EQ_IGNORE_CASE),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false, Comparison.EQ),
    IP_ADDRESS("IpAddress", Family.IP, false, Comparison.EQ),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true, Comparison.EQ),
    ARN_EQUALS("ArnEquals", Family.ARN, false, Comparison.LIKE),
    ARN_LIKE("ArnLike", Family.ARN, false, Comparison.LIKE),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true, Comparison.LIKE),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true, Comparison.LIKE),
    NULL("Null", Family.NULL, false, Comparison.EQ);

    /** Operator families; each has one implementation class in {@code evaluation.condition}. */
    public enum Family { STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

    /** The positive comparison an operator makes between a context value and a policy value. */
    public enum Comparison {
        /** Equal. */
        EQ,
        /** Equal ignoring case. */
        EQ_IGNORE_CASE,
        /** Wildcard match ({@code *}, {@code ?}); ARN operators match segment by segment. */
        LIKE,
        /** Context value less than policy value. */
        LT,
        /** Less than or equal. */
        LE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GE
    }

    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

    static {
        for (ConditionOperator op : values()) {
            BY_NAME.put(op.json, op);
        }
    }

    private final String json;
    private final Family family;
    private final boolean negated;
    private final Comparison comparison;

    ConditionOperator(String json, Family family, boolean negated, Comparison comparison) {
        this.json = json;
        this.family = family;
        this.negated = negated;
        this.comparison = comparison;
    }

    /** The operator named exactly {@code name} (without IfExists or qualifiers), or null. */
    public static ConditionOperator byName(String name) {
        return BY_NAME.get(name);
    }

    /** The name as written in policies. */
    public String json() {
        return json;
    }

    /** The family, which decides how values are read and compared. */
    public Family family() {
        return family;
    }

    /**
     * Whether this operator is the negation of a positive one ({@code StringNotEquals},
     * {@code NotIpAddress}, {@code ArnNotLike}...): true when the context value matches none of the
     * policy values, and true when the key is missing.
     */
    public boolean negated() {
        return negated;
    }

    /** The positive comparison made between one context value and one policy value. */
    public Comparison comparison() {
        return comparison;
    }

    /** Whether policy variables are substituted in this operator's values (string, ARN and Bool operators). */
    public boolean supportsVariables() {
        return family == Family.STRING || family == Family.ARN || family == Family.BOOL;
    }
}
