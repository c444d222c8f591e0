package dev.iamatlas.model.evaluation;

/**
 * The result of evaluating a request, ordered from least to most permissive.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html">How AWS enforcement code logic evaluates requests to allow or deny access</a>
 */
public enum Outcome {
    /** A statement explicitly denies the request; nothing can override it. */
    EXPLICIT_DENY,
    /** Nothing denies, but the policies that must allow do not (the default). */
    IMPLICIT_DENY,
    /** Allowed. */
    ALLOW
}
