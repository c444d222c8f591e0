package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.policy.AwsPrincipal;
import dev.iamatlas.model.policy.PolicyDocument;
import dev.iamatlas.model.policy.PolicyParseException;
import dev.iamatlas.model.policy.PrincipalSpec;
import dev.iamatlas.model.policy.Statement;
import java.util.Objects;

/**
 * Checks that a parsed policy may play a given role, as AWS checks when the policy is attached
 * (the parser checks the grammar shared by all policy types; this adds what depends on the type):
 *
 * <table>
 *   <caption>What each policy type requires and rejects</caption>
 *   <tr><th>type</th><th>Resource / NotResource</th><th>Principal / NotPrincipal</th><th>other</th></tr>
 *   <tr><td>identity-based, permissions boundary, session policy</td><td>required</td><td>rejected</td><td></td></tr>
 *   <tr><td>SCP</td><td>required</td><td>rejected</td><td></td></tr>
 *   <tr><td>RCP</td><td>required</td><td>{@code Principal} required and must be {@code "*"}; {@code NotPrincipal} rejected</td>
 *       <td>{@code NotAction} rejected</td></tr>
 *   <tr><td>resource-based</td><td>optional (a role trust policy has none)</td><td>one of them required</td><td></td></tr>
 * </table>
 *
 * <p>Sources: IAM rejects an identity policy statement without resources ("Policy statement must
 * contain resources"; Resource page: "Statements must include either a Resource or a NotResource
 * element"; IAM Access Analyzer's MISSING_RESOURCE check: "All policies except role trust policies
 * must include a Resource or NotResource element") and a principal in an identity-based policy
 * (Principal page: "You cannot use the Principal element in an identity-based policy"); a
 * resource-based policy names who it applies to (Principal page: "You must use the Principal element
 * in resource-based policies"); SCPs: "The following elements aren't supported in SCPs: NotPrincipal,
 * Principal"; RCPs: "Each statement must contain the Principal element. You can only specify "*" in
 * the Principal element of an RCP", "Each statement must contain the Resource or NotResource
 * element", "The following elements are not supported in RCPs: NotPrincipal, NotAction".
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM JSON policy elements: Resource</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM JSON policy elements: Principal</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-missing-resource">Access Analyzer policy checks: Missing resource</a>
 * @see <a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html">SCP syntax</a>
 * @see <a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html">RCP syntax</a>
 */
public final class PolicyPlacement {
    private PolicyPlacement() {
    }

    /**
     * @throws PolicyParseException naming the first statement that the role does not allow, e.g.
     *         {@code Statement[0]: missing Resource or NotResource (required in an identity-based policy)}
     */
    public static void check(PolicyDocument document, PolicyType type) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(type, "type");
        for (Statement statement : document.statements()) {
            String where = document.statementLocation(statement.index());
            if (type == PolicyType.RESOURCE) {
                if (!statement.hasPrincipalElement()) {
                    throw new PolicyParseException(where, "missing Principal or NotPrincipal (required in a resource-based policy)");
                }
                continue;
            }
            if (statement.resource() == null && statement.notResource() == null) {
                throw new PolicyParseException(where, "missing Resource or NotResource (required in " + describe(type) + ")");
            }
            if (type == PolicyType.RCP) {
                checkResourceControlPolicy(statement, where);
            } else if (statement.hasPrincipalElement()) {
                String element = statement.principal() != null ? "Principal" : "NotPrincipal";
                throw new PolicyParseException(where, element + " is not allowed in " + describe(type));
            }
        }
    }

    private static void checkResourceControlPolicy(Statement statement, String where) {
        if (statement.notPrincipal() != null) {
            throw new PolicyParseException(where, "NotPrincipal is not allowed in a resource control policy");
        }
        if (statement.principal() == null) {
            throw new PolicyParseException(where, "missing Principal (required in a resource control policy, where it must be \"*\")");
        }
        if (!isOnlyEveryone(statement.principal())) {
            throw new PolicyParseException(where + ".Principal", "must be \"*\" in a resource control policy");
        }
        if (statement.notAction() != null) {
            throw new PolicyParseException(where, "NotAction is not allowed in a resource control policy");
        }
    }

    /** {@code "*"}, or its equivalent {@code {"AWS": "*"}}, and nothing else. */
    private static boolean isOnlyEveryone(PrincipalSpec spec) {
        if (spec.wildcard()) {
            return true;
        }
        return spec.services().isEmpty() && spec.federated().isEmpty() && spec.canonicalUsers().isEmpty()
                && !spec.aws().isEmpty() && spec.aws().stream().allMatch(p -> p.kind() == AwsPrincipal.Kind.ALL);
    }

    private static String describe(PolicyType type) {
        switch (type) {
            case IDENTITY:
                return "an identity-based policy";
            case PERMISSIONS_BOUNDARY:
                return "a permissions boundary";
            case SESSION:
                return "a session policy";
            case SCP:
                return "a service control policy";
            case RCP:
                return "a resource control policy";
            default:
                return "a resource-based policy";
        }
    }
}
