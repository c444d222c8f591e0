package dev.iamatlas.model.policy;

/**
 * The set operator in front of a condition operator, for multivalued context keys.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">Single-valued vs. multivalued context keys</a>
 */
public enum SetQualifier {
    /** No qualifier. */
    NONE(""),
    /** {@code ForAnyValue:} at least one request value matches; false when the key is missing or empty. */
    FOR_ANY_VALUE("ForAnyValue:"),
    /** {@code ForAllValues:} every request value matches; true when the key is missing or empty. */
    FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix as written, including the colon; empty for {@link #NONE}. */
    public String prefix() {
        return prefix;
    }
}
