package dev.iamatlas.model.snapshot;

import java.util.List;

/**
 * Everything IAM returned for the account ({@code GetAccountAuthorizationDetails} and related calls).
 *
 * @param users the account's users
 * @param groups the account's groups
 * @param roles the account's roles
 * @param managedPolicies customer-managed policies, and the AWS-managed policies that are attached to something
 */
public record IamData(
        List<IamUser> users,
        List<IamGroup> groups,
        List<IamRole> roles,
        List<ManagedPolicy> managedPolicies) {

    /** No IAM data: an account not yet scanned, or one whose IAM could not be read. */
    public static final IamData EMPTY = new IamData(List.of(), List.of(), List.of(), List.of());

    public IamData {
        users = Copies.list(users);
        groups = Copies.list(groups);
        roles = Copies.list(roles);
        managedPolicies = Copies.list(managedPolicies);
    }
}
