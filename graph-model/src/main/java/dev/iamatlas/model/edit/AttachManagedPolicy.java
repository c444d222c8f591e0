package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.InlinePolicy;
import java.util.List;
import java.util.Objects;

/**
 * Attaches a managed policy to a role, user or group ({@code aws iam attach-role-policy} and its siblings).
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html">AttachRolePolicy</a>
 */
public final class AttachManagedPolicy extends PrincipalEdit {
    private final String policyArn;

    /**
     * @param principalArn the role, user or group
     * @param policyArn the managed policy (it should be in the snapshot for its permissions to count)
     */
    public AttachManagedPolicy(String principalArn, String policyArn) {
        super(principalArn);
        this.policyArn = Objects.requireNonNull(policyArn, "policyArn");
    }

    @Override
    public String description() {
        return "attach " + policyArn + " to " + name();
    }

    @Override
    List<String> attached(List<String> current) {
        if (current.contains(policyArn)) {
            throw new IllegalArgumentException(policyArn + " is already attached to " + arn);
        }
        List<String> next = copy(current);
        next.add(policyArn);
        return next;
    }

    @Override
    List<InlinePolicy> inline(List<InlinePolicy> current) {
        return current;
    }
}
