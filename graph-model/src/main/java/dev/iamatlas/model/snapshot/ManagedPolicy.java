package dev.iamatlas.model.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer-managed or AWS-managed policy, with all its versions.
 *
 * @param arn the policy ARN ({@code arn:aws:iam::aws:policy/...} for AWS-managed policies)
 * @param name the policy name
 * @param policyId the stable id IAM assigned
 * @param path the IAM path, such as {@code /}
 * @param defaultVersionId the id of the version in effect
 * @param attachmentCount how many users, groups and roles it is attached to, as IAM reported it
 * @param permissionsBoundaryUsageCount how many entities use it as a permissions boundary
 * @param versions every version IAM returned
 */
public record ManagedPolicy(
        String arn,
        String name,
        String policyId,
        String path,
        String defaultVersionId,
        int attachmentCount,
        int permissionsBoundaryUsageCount,
        List<PolicyVersion> versions) {

    public ManagedPolicy {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        versions = Copies.list(versions);
    }

    /** The document of the default version, or empty when IAM did not return it. */
    @JsonIgnore
    public Optional<PolicyText> defaultDocument() {
        for (PolicyVersion v : versions) { // a loop, not a stream: analysis asks this for every principal it rebuilds
            if (v.defaultVersion() || v.versionId().equals(defaultVersionId)) {
                return Optional.ofNullable(v.document());
            }
        }
        return Optional.empty();
    }

    /** True for policies that AWS owns ({@code arn:aws:iam::aws:policy/...}). */
    @JsonIgnore
    public boolean awsManaged() {
        return arn.contains(":iam::aws:policy/");
    }
}
