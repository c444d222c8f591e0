package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.PolicyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Gives a managed policy a new default version ({@code aws iam create-policy-version --set-as-default}): every
 * role, user and group that attaches it gets the new permissions.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html">CreatePolicyVersion</a>
 */
public final class SetManagedPolicyDocument extends BaseEdit<ManagedPolicy> {
    private final String policyArn;
    private final PolicyText document;

    /**
     * @param policyArn the managed policy
     * @param document the new default version's document
     */
    public SetManagedPolicyDocument(String policyArn, PolicyText document) {
        this.policyArn = Objects.requireNonNull(policyArn, "policyArn");
        this.document = Objects.requireNonNull(document, "document");
    }

    @Override
    public String description() {
        return "new default version of " + policyArn;
    }

    @Override
    ManagedPolicy read(AccountSnapshot snapshot) {
        return Entities.managedPolicy(snapshot, policyArn);
    }

    @Override
    ManagedPolicy change(ManagedPolicy p) {
        int next = 1;
        for (PolicyVersion v : p.versions()) {
            if (v.versionId().matches("v\\d+")) {
                next = Math.max(next, Integer.parseInt(v.versionId().substring(1)) + 1);
            }
        }
        String id = "v" + next;
        List<PolicyVersion> versions = new ArrayList<>();
        for (PolicyVersion v : p.versions()) {
            versions.add(new PolicyVersion(v.versionId(), false, v.document(), v.createDate()));
        }
        versions.add(new PolicyVersion(id, true, document, null));
        return new ManagedPolicy(p.arn(), p.name(), p.policyId(), p.path(), id, p.attachmentCount(),
                p.permissionsBoundaryUsageCount(), versions);
    }

    @Override
    AccountSnapshot write(AccountSnapshot snapshot, ManagedPolicy p) {
        return Entities.replace(snapshot, p);
    }
}
