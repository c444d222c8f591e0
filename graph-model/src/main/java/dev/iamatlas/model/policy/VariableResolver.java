package dev.iamatlas.model.policy;

/**
 * Supplies values for policy variables such as {@code ${aws:username}} during evaluation.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM policy elements: Variables and tags</a>
 */
@FunctionalInterface
public interface VariableResolver {

    /**
     * Returned (compared by identity) when the value of a key is unknown: the request may or may not
     * carry it, and a static analysis cannot tell.
     */
    String UNKNOWN = new String("\u0000unknown\u0000");

    /** A resolver that knows no keys: every variable is missing. */
    VariableResolver NONE = key -> null;

    /**
     * The single value of {@code lowerCaseKey}, {@code null} when the request has no (single) value
     * for it, or {@link #UNKNOWN}.
     *
     * @param lowerCaseKey the context key, lower-cased (keys are case-insensitive)
     */
    String resolve(String lowerCaseKey);
}
