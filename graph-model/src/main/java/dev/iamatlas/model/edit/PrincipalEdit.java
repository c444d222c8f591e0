package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.InlinePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An edit of a role, user or group (chosen by the ARN: {@code :role/}, {@code :user/}, {@code :group/}) that
 * changes its attached managed policies or inline policies.
 */
abstract class PrincipalEdit extends BaseEdit<Object> {
    final String arn;

    PrincipalEdit(String arn) {
        this.arn = Objects.requireNonNull(arn, "arn");
        if (!arn.contains(":role/") && !arn.contains(":user/") && !arn.contains(":group/")) {
            throw new IllegalArgumentException("not a role, user or group ARN: " + arn);
        }
    }

    /** The changed attached-policy list. */
    abstract List<String> attached(List<String> current);

    /** The changed inline-policy list. */
    abstract List<InlinePolicy> inline(List<InlinePolicy> current);

    @Override
    Object read(AccountSnapshot s) {
        if (arn.contains(":role/")) {
            return Entities.role(s, arn);
        }
        return arn.contains(":user/") ? Entities.user(s, arn) : Entities.group(s, arn);
    }

    @Override
    Object change(Object entity) {
        if (entity instanceof IamRole) {
            IamRole r = (IamRole) entity;
            IamRole.Builder b = r.toBuilder().clearAttachedPolicies().clearInlinePolicies();
            attached(r.attachedPolicyArns()).forEach(b::attachedPolicy);
            inline(r.inlinePolicies()).forEach(p -> b.inlinePolicy(p.name(), p.document()));
            return b.build();
        }
        if (entity instanceof IamUser) {
            IamUser u = (IamUser) entity;
            return new IamUser(u.arn(), u.name(), u.userId(), u.path(), u.groups(), inline(u.inlinePolicies()),
                    attached(u.attachedPolicyArns()), u.permissionsBoundaryArn(), u.tags());
        }
        IamGroup g = (IamGroup) entity;
        return new IamGroup(g.arn(), g.name(), g.groupId(), g.path(), inline(g.inlinePolicies()),
                attached(g.attachedPolicyArns()));
    }

    @Override
    AccountSnapshot write(AccountSnapshot s, Object entity) {
        if (entity instanceof IamRole) {
            return Entities.replace(s, (IamRole) entity);
        }
        if (entity instanceof IamUser) {
            return Entities.replace(s, (IamUser) entity);
        }
        return Entities.replace(s, (IamGroup) entity);
    }

    String name() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    static List<String> copy(List<String> list) {
        return new ArrayList<>(list);
    }
}
