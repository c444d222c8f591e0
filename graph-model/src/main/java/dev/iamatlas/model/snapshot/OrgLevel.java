package dev.iamatlas.model.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One level of the organization between its root and the account (the root, each OU, the account itself),
 * with the policies attached directly to it. Every level must allow an action for SCPs or RCPs to allow it
 * (<a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html">SCP evaluation</a>).
 *
 * @param targetId {@code r-...}, {@code ou-...} or the account id
 * @param targetName a readable name, or null
 * @param targetType ROOT, ORGANIZATIONAL_UNIT or ACCOUNT (kept as AWS wrote it)
 * @param policies the policies attached directly to this level
 */
public record OrgLevel(String targetId, String targetName, String targetType, List<OrgPolicy> policies) {
    public OrgLevel {
        Objects.requireNonNull(targetId, "targetId");
        policies = Copies.list(policies);
    }
}
