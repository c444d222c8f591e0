package dev.iamatlas.model.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An IAM user.
 *
 * @param arn the user ARN
 * @param name the user name
 * @param userId the unique id IAM assigned (the value of {@code aws:userid})
 * @param path the IAM path
 * @param groups names of the groups the user belongs to
 * @param inlinePolicies policies embedded in the user
 * @param attachedPolicyArns ARNs of the managed policies attached to the user
 * @param permissionsBoundaryArn the managed policy used as permissions boundary, or null
 * @param tags the user's tags (the values of {@code aws:PrincipalTag/...})
 */
public record IamUser(
        String arn,
        String name,
        String userId,
        String path,
        List<String> groups,
        List<InlinePolicy> inlinePolicies,
        List<String> attachedPolicyArns,
        String permissionsBoundaryArn,
        Map<String, String> tags) {

    public IamUser {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        groups = Copies.list(groups);
        inlinePolicies = Copies.list(inlinePolicies);
        attachedPolicyArns = Copies.list(attachedPolicyArns);
        tags = Copies.map(tags);
    }

    public static Builder builder(String arn, String name) {
        return new Builder(arn, name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(arn, name).userId(userId).path(path).permissionsBoundaryArn(permissionsBoundaryArn);
        b.groups.addAll(groups);
        b.inlinePolicies.addAll(inlinePolicies);
        b.attachedPolicyArns.addAll(attachedPolicyArns);
        b.tags.putAll(tags);
        return b;
    }

    /** Builds an {@link IamUser}. */
    public static final class Builder {
        private final String arn;
        private final String name;
        private String userId;
        private String path = "/";
        private final List<String> groups = new ArrayList<>();
        private final List<InlinePolicy> inlinePolicies = new ArrayList<>();
        private final List<String> attachedPolicyArns = new ArrayList<>();
        private String permissionsBoundaryArn;
        private final Map<String, String> tags = new TreeMap<>();

        private Builder(String arn, String name) {
            this.arn = arn;
            this.name = name;
        }

        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        public Builder path(String value) {
            this.path = value;
            return this;
        }

        public Builder group(String groupName) {
            groups.add(groupName);
            return this;
        }

        public Builder inlinePolicy(String policyName, PolicyText document) {
            inlinePolicies.add(new InlinePolicy(policyName, document));
            return this;
        }

        public Builder attachedPolicy(String policyArn) {
            attachedPolicyArns.add(policyArn);
            return this;
        }

        public Builder permissionsBoundaryArn(String value) {
            this.permissionsBoundaryArn = value;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public IamUser build() {
            return new IamUser(arn, name, userId, path, groups, inlinePolicies, attachedPolicyArns,
                    permissionsBoundaryArn, tags);
        }
    }
}
