package dev.iamatlas.model.evaluation;

/**
 * The role a policy plays in an evaluation.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#access_policy-types">Policy types</a>
 */
public enum PolicyType {
    /** An identity-based policy of the caller (inline or managed, user, group or role). */
    IDENTITY,
    /** The resource-based policy of the resource (Lambda function policy, API policy, trust policy...). */
    RESOURCE,
    /** The caller's permissions boundary. */
    PERMISSIONS_BOUNDARY,
    /** The session policy passed when the caller's session was created. */
    SESSION,
    /** A service control policy of the caller's account. */
    SCP,
    /** A resource control policy of the resource's account. */
    RCP
}
