package dev.iamatlas.model.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * An IAM group. Its policies apply to every member user.
 *
 * @param arn the group ARN
 * @param name the group name
 * @param groupId the unique id IAM assigned
 * @param path the IAM path
 * @param inlinePolicies policies embedded in the group
 * @param attachedPolicyArns ARNs of the managed policies attached to the group
 */
public record IamGroup(
        String arn,
        String name,
        String groupId,
        String path,
        List<InlinePolicy> inlinePolicies,
        List<String> attachedPolicyArns) {

    public IamGroup {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        inlinePolicies = Copies.list(inlinePolicies);
        attachedPolicyArns = Copies.list(attachedPolicyArns);
    }
}
