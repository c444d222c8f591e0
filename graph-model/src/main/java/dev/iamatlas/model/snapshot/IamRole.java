package dev.iamatlas.model.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An IAM role.
 *
 * @param arn the role ARN (includes the path)
 * @param name the role name
 * @param roleId the unique id IAM assigned
 * @param path the IAM path; {@code /aws-service-role/...} marks a service-linked role
 * @param trustPolicy the role's trust policy ({@code AssumeRolePolicyDocument})
 * @param inlinePolicies policies embedded in the role
 * @param attachedPolicyArns ARNs of the managed policies attached to the role
 * @param permissionsBoundaryArn the managed policy used as permissions boundary, or null
 * @param maxSessionDuration the longest session, in seconds, or 0 when unknown
 * @param tags the role's tags (the values of {@code aws:PrincipalTag/...} for its sessions)
 */
public record IamRole(
        String arn,
        String name,
        String roleId,
        String path,
        PolicyText trustPolicy,
        List<InlinePolicy> inlinePolicies,
        List<String> attachedPolicyArns,
        String permissionsBoundaryArn,
        int maxSessionDuration,
        Map<String, String> tags) {

    public IamRole {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        inlinePolicies = Copies.list(inlinePolicies);
        attachedPolicyArns = Copies.list(attachedPolicyArns);
        tags = Copies.map(tags);
    }

    /**
     * True for a service-linked role, which AWS creates under {@code /aws-service-role/} and which SCPs do not
     * restrict (<a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html">SCPs</a>).
     */
    @JsonIgnore
    public boolean serviceLinked() {
        return path != null && path.startsWith("/aws-service-role/");
    }

    public static Builder builder(String arn, String name) {
        return new Builder(arn, name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(arn, name).roleId(roleId).path(path).trustPolicy(trustPolicy)
                .permissionsBoundaryArn(permissionsBoundaryArn).maxSessionDuration(maxSessionDuration);
        b.inlinePolicies.addAll(inlinePolicies);
        b.attachedPolicyArns.addAll(attachedPolicyArns);
        b.tags.putAll(tags);
        return b;
    }

    /** Builds an {@link IamRole}. */
    public static final class Builder {
        private final String arn;
        private final String name;
        private String roleId;
        private String path = "/";
        private PolicyText trustPolicy;
        private final List<InlinePolicy> inlinePolicies = new ArrayList<>();
        private final List<String> attachedPolicyArns = new ArrayList<>();
        private String permissionsBoundaryArn;
        private int maxSessionDuration;
        private final Map<String, String> tags = new TreeMap<>();

        private Builder(String arn, String name) {
            this.arn = arn;
            this.name = name;
        }

        public Builder roleId(String value) {
            this.roleId = value;
            return this;
        }

        public Builder path(String value) {
            this.path = value;
            return this;
        }

        public Builder trustPolicy(PolicyText value) {
            this.trustPolicy = value;
            return this;
        }

        public Builder inlinePolicy(String policyName, PolicyText document) {
            inlinePolicies.add(new InlinePolicy(policyName, document));
            return this;
        }

        public Builder clearInlinePolicies() {
            inlinePolicies.clear();
            return this;
        }

        public Builder attachedPolicy(String policyArn) {
            attachedPolicyArns.add(policyArn);
            return this;
        }

        public Builder clearAttachedPolicies() {
            attachedPolicyArns.clear();
            return this;
        }

        public Builder permissionsBoundaryArn(String value) {
            this.permissionsBoundaryArn = value;
            return this;
        }

        public Builder maxSessionDuration(int seconds) {
            this.maxSessionDuration = seconds;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public IamRole build() {
            return new IamRole(arn, name, roleId, path, trustPolicy, inlinePolicies, attachedPolicyArns,
                    permissionsBoundaryArn, maxSessionDuration, tags);
        }
    }
}
