package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.InlinePolicy;
import java.util.List;
import java.util.Objects;

/**
 * Detaches a managed policy from a role, user or group ({@code aws iam detach-role-policy} and its siblings).
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_DetachRolePolicy.html">DetachRolePolicy</a>
 */
public final class DetachManagedPolicy extends PrincipalEdit {
    private final String policyArn;

    /**
     * @param principalArn the role, user or group
     * @param policyArn the attached managed policy
     */
    public DetachManagedPolicy(String principalArn, String policyArn) {
        super(principalArn);
        this.policyArn = Objects.requireNonNull(policyArn, "policyArn");
    }

    @Override
    public String description() {
        return "detach " + policyArn + " from " + name();
    }

    @Override
    List<String> attached(List<String> current) {
        if (!current.contains(policyArn)) {
            throw new IllegalArgumentException(policyArn + " is not attached to " + arn);
        }
        List<String> next = copy(current);
        next.remove(policyArn);
        return next;
    }

    @Override
    List<InlinePolicy> inline(List<InlinePolicy> current) {
        return current;
    }
}
