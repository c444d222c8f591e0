package dev.iamatlas.model.snapshot;

import java.util.List;

/**
 * The account's place in AWS Organizations and the policies that apply to it. Absent from a snapshot when the
 * account is in no organization, or when the organization could not be read (then a {@link ScanGap} says so).
 *
 * @param organizationId such as {@code o-abc123}, or null
 * @param managementAccountId the management account, whose principals no SCP restricts, or null
 * @param scpLevels the service control policies, one level per root, OU and account, root first
 * @param rcpLevels the resource control policies in the same shape; empty when RCPs are not enabled
 */
public record Organization(
        String organizationId,
        String managementAccountId,
        List<OrgLevel> scpLevels,
        List<OrgLevel> rcpLevels) {

    public Organization {
        scpLevels = Copies.list(scpLevels);
        rcpLevels = Copies.list(rcpLevels);
    }
}
