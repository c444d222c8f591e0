package dev.iamatlas.model.evaluation;

/** Why a decision came out as it did, in one line. */
public enum DecisionReason {
    EXPLICIT_DENY(Outcome.EXPLICIT_DENY, "an applicable statement explicitly denies the request"),
    ALLOWED_BY_IDENTITY_POLICY(Outcome.ALLOW, "an identity-based policy allows (within any permissions boundary, session policy and SCPs)"),
    ALLOWED_BY_RESOURCE_POLICY(Outcome.ALLOW, "the resource-based policy allows the caller"),
    ALLOWED_BY_IDENTITY_AND_RESOURCE_POLICY(Outcome.ALLOW, "cross-account: both the caller's identity-based policy and the resource-based policy allow"),
    ALLOWED_AS_ROOT_USER(Outcome.ALLOW, "the account root user has full access in its own account"),
    NO_ALLOWING_STATEMENT(Outcome.IMPLICIT_DENY, "no policy allows the request"),
    SCP_DOES_NOT_ALLOW(Outcome.IMPLICIT_DENY, "a service control policy level does not allow the action"),
    RCP_DOES_NOT_ALLOW(Outcome.IMPLICIT_DENY, "a resource control policy level does not allow the action"),
    PERMISSIONS_BOUNDARY_DOES_NOT_ALLOW(Outcome.IMPLICIT_DENY, "allowed by policy, but the permissions boundary does not allow it"),
    SESSION_POLICY_DOES_NOT_ALLOW(Outcome.IMPLICIT_DENY, "allowed by policy, but the session policy does not allow it"),
    CROSS_ACCOUNT_IDENTITY_DOES_NOT_ALLOW(Outcome.IMPLICIT_DENY, "cross-account: the caller's identity-based policies (within boundary and session policy) do not allow it"),
    CROSS_ACCOUNT_RESOURCE_DOES_NOT_ALLOW(Outcome.IMPLICIT_DENY, "cross-account: the resource-based policy does not allow the caller"),
    RESOURCE_POLICY_MUST_ALLOW(Outcome.IMPLICIT_DENY, "a role trust policy or KMS key policy must itself allow the caller, and it does not");

    private final Outcome outcome;
    private final String description;

    DecisionReason(Outcome outcome, String description) {
        this.outcome = outcome;
        this.description = description;
    }

    /** The outcome this reason gives. */
    public Outcome outcome() {
        return outcome;
    }

    /** One line for people. */
    public String description() {
        return description;
    }
}
