package dev.iamatlas.model.snapshot;

import java.util.Objects;

/**
 * A service control policy (SCP) or resource control policy (RCP) attached to one level of the organization.
 *
 * @param policyId such as {@code p-FullAWSAccess}
 * @param arn the policy ARN
 * @param name the policy name
 * @param awsManaged whether AWS owns it (FullAWSAccess, RCPFullAWSAccess)
 * @param document the policy document
 */
public record OrgPolicy(String policyId, String arn, String name, boolean awsManaged, PolicyText document) {
    public OrgPolicy {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(document, "document");
    }
}
