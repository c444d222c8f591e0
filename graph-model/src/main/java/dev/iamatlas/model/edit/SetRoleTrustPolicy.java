package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Objects;

/**
 * Replaces a role's trust policy ({@code aws iam update-assume-role-policy}).
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html">UpdateAssumeRolePolicy</a>
 */
public final class SetRoleTrustPolicy extends BaseEdit<IamRole> {
    private final String roleArn;
    private final PolicyText trustPolicy;

    /**
     * @param roleArn the role
     * @param trustPolicy the new trust policy
     */
    public SetRoleTrustPolicy(String roleArn, PolicyText trustPolicy) {
        this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
        this.trustPolicy = Objects.requireNonNull(trustPolicy, "trustPolicy");
    }

    @Override
    public String description() {
        return "change the trust policy of " + roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    @Override
    IamRole read(AccountSnapshot snapshot) {
        return Entities.role(snapshot, roleArn);
    }

    @Override
    IamRole change(IamRole role) {
        return role.toBuilder().trustPolicy(trustPolicy).build();
    }

    @Override
    AccountSnapshot write(AccountSnapshot snapshot, IamRole role) {
        return Entities.replace(snapshot, role);
    }
}
