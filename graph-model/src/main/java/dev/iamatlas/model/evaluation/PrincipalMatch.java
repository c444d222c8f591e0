package dev.iamatlas.model.evaluation;

/**
 * How a resource-side statement's {@code Principal} names the caller. The order matters: a later
 * constant grants at least as much as an earlier one.
 *
 * <p>Within one account, what a resource-based policy Allow grants depends on what it names
 * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html">Permissions boundaries for IAM entities</a>,
 * <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session">Session policies</a>):
 * the user ARN is not limited by an implicit deny in identity policies or the boundary; the role
 * ARN is limited by the boundary and the session policy; the session ARN (role session or
 * federated user) is limited by neither. Naming the account only delegates to the account's
 * identity-based policies.
 */
public enum PrincipalMatch {
    /** The statement does not name the caller. */
    NONE("does not name the caller"),
    /** The caller's account (id or {@code :root}): delegates to the account's identity policies. */
    ACCOUNT("names the caller's account (delegates to its identity-based policies)"),
    /**
     * The caller's role (for a role or role session), or {@code *} for a role, role session or
     * federated user: granted to the underlying identity, so limited by the permissions boundary and
     * the session policy.
     */
    ROLE("names the caller's role or underlying identity (limited by permissions boundary and session policy)"),
    /** The caller's IAM user ARN, or {@code *} for an IAM user: not limited by the boundary. */
    USER("names the caller's IAM user (not limited by the permissions boundary)"),
    /** The caller's session ARN, federated-user ARN, service, or {@code *} for a service or anonymous caller. */
    DIRECT("names the caller itself"),
    /** A Deny with {@code NotPrincipal} that does not exempt the caller. */
    NOT_PRINCIPAL("NotPrincipal does not exempt the caller");

    private final String description;

    PrincipalMatch(String description) {
        this.description = description;
    }

    /** A short explanation for evidence. */
    public String description() {
        return description;
    }
}
