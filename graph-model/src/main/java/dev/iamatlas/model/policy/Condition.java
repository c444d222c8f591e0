package dev.iamatlas.model.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One (operator, key, values) triple of a {@code Condition} block, for example
 * {@code "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team*", "env"]}}.
 *
 * <p>Several values are ORed; the conditions of one statement (several keys, several operators) are
 * ANDed. Key names are case-insensitive ({@link #lowerCaseKey()}). Values are pre-read according to
 * the operator's family when the policy is parsed (numbers, dates, CIDR blocks, base64, templates
 * with policy variables), so evaluation never re-parses a policy value.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html">IAM JSON policy elements: Condition</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">Condition operators</a>
 */
public final class Condition {
    private final String operatorText;
    private final ConditionOperator operator;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final String lowerCaseKey;
    private final List<String> values;
    private final List<PolicyTemplate> templates;
    private final List<Double> numbers;
    private final List<Long> dates;
    private final List<IpRange> ipRanges;
    private final List<String> base64;
    private final boolean nullMeansAbsent;
    private volatile Object compiled;
    /** Prefix of an entry of {@link #base64()} for a policy value that is not base64 (the rest is the value as written). */
    public static final String NOT_BASE64 = "\u0000";

    private Condition(Builder b) {
        this.operatorText = b.qualifier.prefix() + b.operator.json() + (b.ifExists ? "IfExists" : "");
        this.operator = b.operator;
        this.qualifier = b.qualifier;
        this.ifExists = b.ifExists;
        this.key = b.key;
        this.lowerCaseKey = b.key.toLowerCase(Locale.ROOT);
        this.values = List.copyOf(b.values);
        this.templates = b.templates == null ? List.of() : List.copyOf(b.templates);
        this.numbers = b.numbers == null ? List.of() : List.copyOf(b.numbers);
        this.dates = b.dates == null ? List.of() : List.copyOf(b.dates);
        this.ipRanges = b.ipRanges == null ? List.of() : List.copyOf(b.ipRanges);
        this.base64 = b.base64 == null ? List.of() : List.copyOf(b.base64);
        this.nullMeansAbsent = b.nullMeansAbsent;
    }

    /**
     * Builds a condition, reading its values for the operator's family.
     *
     * @param variablesEnabled whether the policy's Version enables policy variables
     * @throws IllegalArgumentException naming the first value the operator cannot read
     */
    public static Condition of(ConditionOperator operator, SetQualifier qualifier, boolean ifExists, String key,
            List<String> values, boolean variablesEnabled) {
        Builder b = new Builder();
        b.operator = Objects.requireNonNull(operator, "operator");
        b.qualifier = Objects.requireNonNull(qualifier, "qualifier");
        b.ifExists = ifExists;
        b.key = Objects.requireNonNull(key, "key");
        b.values = Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("needs at least one value");
        }
        switch (operator.family()) {
            case BOOL:
                // "You can use a policy variable with the Boolean condition operator" (Condition
                // operators page, Boolean condition operators); no wildcards.
                b.templates = values.stream().map(v -> PolicyTemplate.compile(v, false, variablesEnabled)).toList();
                break;
            case STRING:
            case ARN: {
                boolean wildcards = operator.comparison() == ConditionOperator.Comparison.LIKE;
                b.templates = values.stream().map(v -> PolicyTemplate.compile(v, wildcards, variablesEnabled)).toList();
                break;
            }
            case NUMERIC:
                b.numbers = values.stream().map(v -> {
                    Double d = PolicyValues.parseNumber(v);
                    if (d == null) {
                        throw new IllegalArgumentException("not a number: \"" + v + "\"");
                    }
                    return d;
                }).toList();
                break;
            case DATE:
                b.dates = values.stream().map(v -> {
                    Long d = PolicyValues.parseDate(v);
                    if (d == null) {
                        throw new IllegalArgumentException("not a date (ISO 8601 or epoch seconds): \"" + v + "\"");
                    }
                    return d;
                }).toList();
                break;
            case IP:
                b.ipRanges = values.stream().map(v -> {
                    IpRange r = IpRange.parse(v);
                    if (r == null) {
                        throw new IllegalArgumentException("not an IP address or CIDR block: \"" + v + "\"");
                    }
                    return r;
                }).toList();
                break;
            case BINARY:
                // Canonical base64 of each value; a value that is not base64 is kept as written and
                // compared as text (no page says IAM rejects it, so neither do we).
                b.base64 = values.stream().map(v -> {
                    String c = PolicyValues.canonicalBase64(v);
                    return c != null ? c : NOT_BASE64 + v;
                }).toList();
                break;
            case NULL:
                if (values.size() != 1) {
                    throw new IllegalArgumentException("Null takes one value, \"true\" or \"false\"");
                }
                String v = values.get(0);
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("Null takes \"true\" or \"false\", got \"" + v + "\"");
                }
                b.nullMeansAbsent = v.equalsIgnoreCase("true");
                break;
            default:
                break;
        }
        return new Condition(b);
    }

    private static final class Builder {
        ConditionOperator operator;
        SetQualifier qualifier;
        boolean ifExists;
        String key;
        List<String> values;
        List<PolicyTemplate> templates;
        List<Double> numbers;
        List<Long> dates;
        List<IpRange> ipRanges;
        List<String> base64;
        boolean nullMeansAbsent;
    }

    /** The operator as written, e.g. {@code ForAnyValue:StringLikeIfExists}. */
    public String operatorText() {
        return operatorText;
    }

    /** The base operator (without qualifier or IfExists). */
    public ConditionOperator operator() {
        return operator;
    }

    /** {@code ForAnyValue:}, {@code ForAllValues:} or none. */
    public SetQualifier qualifier() {
        return qualifier;
    }

    /** Whether the operator ends in {@code IfExists}: a missing key makes the condition true. */
    public boolean ifExists() {
        return ifExists;
    }

    /** The context key as written. */
    public String key() {
        return key;
    }

    /** The context key, lower-cased (keys are case-insensitive). */
    public String lowerCaseKey() {
        return lowerCaseKey;
    }

    /** The values as written (JSON numbers and booleans as their text). */
    public List<String> values() {
        return values;
    }

    /** For string, ARN and Bool operators: the values compiled as templates (variables; wildcards for the Like and ARN operators); else empty. */
    public List<PolicyTemplate> templates() {
        return templates;
    }

    /** For numeric operators: the values as numbers; else empty. */
    public List<Double> numbers() {
        return numbers;
    }

    /** For date operators: the values as epoch milliseconds; else empty. */
    public List<Long> dates() {
        return dates;
    }

    /** For IpAddress/NotIpAddress: the values as ranges; else empty. */
    public List<IpRange> ipRanges() {
        return ipRanges;
    }

    /** For BinaryEquals: the values as canonical base64 (a value that is not base64: {@link #NOT_BASE64} and the value); else empty. */
    public List<String> base64() {
        return base64;
    }

    /** For Null: true when the value is {@code "true"} (the condition asks that the key be absent). */
    public boolean nullMeansAbsent() {
        return nullMeansAbsent;
    }

    /**
     * A memo for evaluators that want to derive something from this condition once: returns the
     * value {@code compiler} computed the first time. Thread-safe; the compiler may run more than
     * once under contention, so it must be pure.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Function<? super Condition, T> compiler) {
        Object c = compiled;
        if (c == null) {
            c = compiler.apply(this);
            compiled = c;
        }
        return (T) c;
    }

    @Override
    public String toString() {
        return "\"" + operatorText + "\": {\"" + key + "\": " + values + "}";
    }
}
