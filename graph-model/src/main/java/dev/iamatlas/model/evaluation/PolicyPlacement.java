package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.policy.PolicyDocument;
import dev.iamatlas.model.policy.PolicyParseException;
import dev.iamatlas.model.policy.Statement;

/**
 * Checks that a parsed policy may play a given role, as IAM checks when a policy is attached:
 * identity-based policies, permissions boundaries, session policies and SCPs must not contain
 * {@code Principal} or {@code NotPrincipal} (IAM: "Policy document should not specify a
 * principal"), and identity policies, boundaries and session policies need {@code Resource} or
 * {@code NotResource}. Resource-based policies and RCPs are not checked here: a resource-side statement
 * without a principal is evaluated conservatively (an Allow grants no one, a Deny applies to all).
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM JSON policy elements: Principal</a>
 */
public final class PolicyPlacement {
    private PolicyPlacement() {
    }

    /**
     * @throws PolicyParseException naming the first statement that the role does not allow
     */
    public static void check(PolicyDocument document, PolicyType type) {
        if (type == PolicyType.RESOURCE || type == PolicyType.RCP) {
            return;
        }
        for (Statement statement : document.statements()) {
            if (type != PolicyType.SCP && statement.resource() == null && statement.notResource() == null) {
                throw new PolicyParseException(document.statementLocation(statement.index()),
                        "missing Resource or NotResource (required in " + describe(type) + ")");
            }
            if (statement.hasPrincipalElement()) {
                String element = statement.principal() != null ? "Principal" : "NotPrincipal";
                throw new PolicyParseException(document.statementLocation(statement.index()),
                        element + " is not allowed in " + describe(type));
            }
        }
    }

    private static String describe(PolicyType type) {
        switch (type) {
            case IDENTITY:
                return "an identity-based policy";
            case PERMISSIONS_BOUNDARY:
                return "a permissions boundary";
            case SESSION:
                return "a session policy";
            default:
                return "a service control policy";
        }
    }
}
