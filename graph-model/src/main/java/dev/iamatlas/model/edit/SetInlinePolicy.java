package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.InlinePolicy;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts (creates or replaces) or deletes an inline policy of a role, user or group ({@code aws iam put-role-policy},
 * {@code delete-role-policy} and their siblings).
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html">PutRolePolicy</a>
 */
public final class SetInlinePolicy extends PrincipalEdit {
    private final String policyName;
    private final PolicyText document;

    /**
     * @param principalArn the role, user or group
     * @param policyName the inline policy's name
     * @param document the new document, or null to delete the policy
     */
    public SetInlinePolicy(String principalArn, String policyName, PolicyText document) {
        super(principalArn);
        this.policyName = Objects.requireNonNull(policyName, "policyName");
        this.document = document;
    }

    @Override
    public String description() {
        return (document == null ? "delete" : "put") + " inline policy " + policyName + (document == null ? " of " : " on ")
                + name();
    }

    @Override
    List<String> attached(List<String> current) {
        return current;
    }

    @Override
    List<InlinePolicy> inline(List<InlinePolicy> current) {
        List<InlinePolicy> next = new ArrayList<>();
        boolean found = false;
        for (InlinePolicy p : current) {
            if (p.name().equals(policyName)) {
                found = true;
                if (document != null) {
                    next.add(new InlinePolicy(policyName, document));
                }
            } else {
                next.add(p);
            }
        }
        if (!found) {
            if (document == null) {
                throw new IllegalArgumentException(arn + " has no inline policy " + policyName);
            }
            next.add(new InlinePolicy(policyName, document));
        }
        return next;
    }
}
