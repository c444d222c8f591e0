package dev.iamatlas.model.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A policy string that may contain policy variables: a {@code Resource} entry, or a value of a
 * string or ARN condition. Compiled once; a template without variables resolves to the same
 * pre-compiled {@link WildcardPattern} every time, without allocation.
 *
 * <p>Variables ({@code Version} 2012-10-17 only; under 2008-10-17 or without a Version the text is
 * literal):
 * <ul>
 *   <li>{@code ${key}}: the single value of any context key, e.g. {@code ${aws:username}},
 *       {@code ${aws:PrincipalTag/team}}; key names are case-insensitive;</li>
 *   <li>{@code ${key, 'default'}}: the default when the request has no value for the key;</li>
 *   <li>{@code ${*}}, {@code ${?}}, {@code ${$}}: a literal {@code *}, {@code ?} or {@code $}
 *       (never a wildcard).</li>
 * </ul>
 * A value substituted for a variable is literal text: a {@code *} in a user name is not a wildcard.
 * A variable whose key is missing and has no default makes the whole entry match nothing
 * ({@link #MISSING}); a multivalued key cannot be used as a variable and counts as missing.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM policy elements: Variables and tags</a>
 */
public final class PolicyTemplate {

    /** Sentinel result of {@link #resolve}: a variable had no value and no default. */
    public static final WildcardPattern MISSING = WildcardPattern.compile("\u0000missing", false);
    /** Sentinel result of {@link #resolve}: a variable's key is unknown to the evaluation. */
    public static final WildcardPattern UNKNOWN = WildcardPattern.compile("\u0000unknown", false);

    private final String text;
    private final boolean wildcards;
    private final WildcardPattern fixed; // when there are no variables
    private final Object[] parts; // int[] (literal codes) or Variable
    private final List<String> variableKeys;

    private record Variable(String lowerKey, String defaultValue) {
    }

    private PolicyTemplate(String text, boolean wildcards, WildcardPattern fixed, Object[] parts, List<String> keys) {
        this.text = text;
        this.wildcards = wildcards;
        this.fixed = fixed;
        this.parts = parts;
        this.variableKeys = keys;
    }

    /**
     * Compiles {@code text}.
     *
     * @param wildcards          whether {@code *} and {@code ?} in the text are wildcards
     * @param variablesEnabled   whether {@code ${...}} is a variable (policy Version 2012-10-17)
     */
    public static PolicyTemplate compile(String text, boolean wildcards, boolean variablesEnabled) {
        Objects.requireNonNull(text, "text");
        if (!variablesEnabled || !text.contains("${")) {
            return new PolicyTemplate(text, wildcards, WildcardPattern.compile(text, wildcards), null, List.of());
        }
        List<Object> parts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        List<Integer> codes = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                literal.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, start);
            String inner = text.substring(start + 2, end);
            Object variable = parseVariable(inner);
            if (variable == null) {
                literal.append(text, start, end + 1); // not a variable: literal text
            } else {
                flush(literal, wildcards, codes);
                if (variable instanceof Character) {
                    codes.add((int) (Character) variable); // literal, never a wildcard
                } else {
                    if (!codes.isEmpty()) {
                        parts.add(toArray(codes));
                        codes.clear();
                    }
                    parts.add(variable);
                    keys.add(((Variable) variable).lowerKey());
                }
            }
            i = end + 1;
        }
        flush(literal, wildcards, codes);
        if (!codes.isEmpty()) {
            parts.add(toArray(codes));
        }
        if (keys.isEmpty()) {
            int[] all = parts.isEmpty() ? new int[0] : (int[]) parts.get(0);
            return new PolicyTemplate(text, wildcards, WildcardPattern.ofCodesShared(all), null, List.of());
        }
        return new PolicyTemplate(text, wildcards, null, parts.toArray(), List.copyOf(keys));
    }

    private static void flush(StringBuilder literal, boolean wildcards, List<Integer> codes) {
        for (int k = 0; k < literal.length(); k++) {
            char c = literal.charAt(k);
            codes.add(wildcards && c == '*' ? WildcardPattern.STAR : wildcards && c == '?' ? WildcardPattern.QMARK : (int) c);
        }
        literal.setLength(0);
    }

    private static int[] toArray(List<Integer> codes) {
        int[] a = new int[codes.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = codes.get(k);
        }
        return a;
    }

    /** A Character for ${*}, ${?}, ${$}; a Variable; or null when {@code inner} is not a variable. */
    private static Object parseVariable(String inner) {
        if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
            return inner.charAt(0);
        }
        String key = inner;
        String defaultValue = null;
        int comma = inner.indexOf(',');
        if (comma >= 0) {
            key = inner.substring(0, comma);
            String rest = inner.substring(comma + 1).trim();
            if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
                return null;
            }
            defaultValue = rest.substring(1, rest.length() - 1);
        }
        key = key.trim();
        if (key.isEmpty() || key.contains("${")) {
            return null;
        }
        return new Variable(key.toLowerCase(Locale.ROOT), defaultValue);
    }

    /**
     * The pattern for one evaluation: with variables substituted, or {@link #MISSING} when a variable
     * has no value and no default, or {@link #UNKNOWN} when a variable's key is unknown. Compare the
     * sentinels by identity.
     */
    public WildcardPattern resolve(VariableResolver resolver) {
        if (fixed != null) {
            return fixed;
        }
        int length = 0;
        String[] values = new String[parts.length];
        boolean unknown = false;
        for (int k = 0; k < parts.length; k++) {
            Object part = parts[k];
            if (part instanceof Variable) {
                Variable v = (Variable) part;
                String value = resolver.resolve(v.lowerKey());
                if (value == VariableResolver.UNKNOWN) {
                    unknown = true;
                    continue;
                }
                if (value == null) {
                    value = v.defaultValue();
                }
                if (value == null) {
                    return MISSING;
                }
                values[k] = value;
                length += value.length();
            } else {
                length += ((int[]) part).length;
            }
        }
        if (unknown) {
            return UNKNOWN;
        }
        int[] codes = new int[length];
        int at = 0;
        for (int k = 0; k < parts.length; k++) {
            if (values[k] != null) {
                String value = values[k];
                for (int c = 0; c < value.length(); c++) {
                    codes[at++] = value.charAt(c);
                }
            } else {
                int[] lit = (int[]) parts[k];
                System.arraycopy(lit, 0, codes, at, lit.length);
                at += lit.length;
            }
        }
        return WildcardPattern.ofCodesShared(codes);
    }

    /** Whether the text contains policy variables (and so needs a resolver). */
    public boolean hasVariables() {
        return fixed == null;
    }

    /** The lower-cased context keys of the variables, in order of appearance. */
    public List<String> variableKeys() {
        return variableKeys;
    }

    /** The text as written in the policy. */
    public String text() {
        return text;
    }

    /** Whether {@code *} and {@code ?} are wildcards here. */
    public boolean wildcards() {
        return wildcards;
    }

    @Override
    public String toString() {
        return text;
    }
}
