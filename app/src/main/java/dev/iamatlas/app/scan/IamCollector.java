package dev.iamatlas.app.scan;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.InlinePolicy;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.PolicyVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Reads IAM, once per account: {@code GetAccountAuthorizationDetails} (all pages: users, groups, roles, customer
 * and attached AWS-managed policies with every version), and what it leaves out but the graph needs:
 * <ul>
 *   <li>managed policies that are referenced but not returned: an AWS-managed policy used only as a permissions
 *       boundary is not "attached", so GAAD omits it ({@code GetPolicy} + {@code GetPolicyVersion} of its default
 *       version);</li>
 *   <li>each role's {@code MaxSessionDuration}, which GAAD's {@code RoleDetail} lacks ({@code ListRoles}, 1000
 *       roles a call);</li>
 *   <li>the account alias ({@code ListAccountAliases}).</li>
 * </ul>
 * Policy documents arrive URL-encoded and are decoded with {@link PolicyText#of}.
 */
final class IamCollector {
    static final String SERVICE = "iam";
    private static final String REGION = "global";
    private static final String LANE = "iam";

    private final ScanContext ctx;
    private final IamClient iam;
    private final List<IamUser> users = Collections.synchronizedList(new ArrayList<>());
    private final List<IamGroup> groups = Collections.synchronizedList(new ArrayList<>());
    private final List<RoleDetail> roles = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ManagedPolicy> policies = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Integer> maxSessionDurations = new ConcurrentHashMap<>();
    private volatile String accountAlias;

    IamCollector(ScanContext ctx, IamClient iam) {
        this.ctx = ctx;
        this.iam = iam;
    }

    void start() {
        ctx.progress.register(SERVICE, REGION);
        ctx.submit(SERVICE, REGION, LANE, () -> authorizationDetails(null, 1));
        ctx.submit(SERVICE, REGION, LANE, this::readAccountAlias);
        ctx.submit(SERVICE, REGION, LANE, () -> listRoles(null, 1));
    }

    String accountAlias() {
        return accountAlias;
    }

    private void readAccountAlias() {
        var result = ctx.call(SERVICE, REGION, "ListAccountAliases", null, () -> iam.listAccountAliases(r -> { }));
        if (result.ok() && !result.value().accountAliases().isEmpty()) {
            accountAlias = result.value().accountAliases().get(0);
        }
    }

    private void authorizationDetails(String marker, int page) {
        var result = ctx.call(SERVICE, REGION, "GetAccountAuthorizationDetails", marker == null ? null : "page " + page,
                () -> iam.getAccountAuthorizationDetails(r -> r.maxItems(1000).marker(marker)));
        if (!result.ok()) {
            return;
        }
        GetAccountAuthorizationDetailsResponse details = result.value();
        details.userDetailList().forEach(u -> users.add(user(u)));
        details.groupDetailList().forEach(g -> groups.add(group(g)));
        roles.addAll(details.roleDetailList());
        details.policies().forEach(p -> policies.put(p.arn(), managedPolicy(p)));
        ctx.progress.found(SERVICE, REGION, details.userDetailList().size() + details.groupDetailList().size()
                + details.roleDetailList().size() + details.policies().size());
        if (Boolean.TRUE.equals(details.isTruncated()) && details.marker() != null) {
            ctx.submit(SERVICE, REGION, LANE, () -> authorizationDetails(details.marker(), page + 1));
        } else {
            fetchReferencedPolicies();
        }
    }

    /** Managed policies that users, groups and roles attach or use as boundary, but GAAD did not return. */
    private void fetchReferencedPolicies() {
        Set<String> referenced = new LinkedHashSet<>();
        synchronized (users) {
            users.forEach(u -> {
                referenced.addAll(u.attachedPolicyArns());
                addIfPresent(referenced, u.permissionsBoundaryArn());
            });
        }
        synchronized (groups) {
            groups.forEach(g -> referenced.addAll(g.attachedPolicyArns()));
        }
        synchronized (roles) {
            roles.forEach(r -> {
                r.attachedManagedPolicies().forEach(a -> referenced.add(a.policyArn()));
                if (r.permissionsBoundary() != null) {
                    addIfPresent(referenced, r.permissionsBoundary().permissionsBoundaryArn());
                }
            });
        }
        synchronized (policies) {
            referenced.removeAll(policies.keySet());
        }
        for (String arn : referenced) {
            ctx.submit(SERVICE, REGION, LANE, () -> fetchPolicy(arn));
        }
    }

    private void fetchPolicy(String arn) {
        var policy = ctx.call(SERVICE, REGION, "GetPolicy", arn, () -> iam.getPolicy(r -> r.policyArn(arn)));
        if (policy.outcome() == ScanContext.Outcome.NOT_FOUND) {
            ctx.gapFor(SERVICE, REGION, "GetPolicy", arn, policy.error());
            return;
        }
        if (!policy.ok()) {
            return;
        }
        GetPolicyResponse p = policy.value();
        String versionId = p.policy().defaultVersionId();
        var version = ctx.call(SERVICE, REGION, "GetPolicyVersion", arn + " " + versionId,
                () -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId(versionId)));
        if (!version.ok()) {
            if (version.outcome() == ScanContext.Outcome.NOT_FOUND) {
                ctx.gapFor(SERVICE, REGION, "GetPolicyVersion", arn, version.error());
            }
            return;
        }
        GetPolicyVersionResponse v = version.value();
        List<PolicyVersion> versions = v.policyVersion().document() == null ? List.of()
                : List.of(new PolicyVersion(v.policyVersion().versionId(), true,
                        PolicyText.of(v.policyVersion().document()), v.policyVersion().createDate()));
        policies.put(arn, new ManagedPolicy(p.policy().arn(), p.policy().policyName(), p.policy().policyId(),
                p.policy().path(), versionId, intOf(p.policy().attachmentCount()),
                intOf(p.policy().permissionsBoundaryUsageCount()), versions));
        ctx.progress.found(SERVICE, REGION, 1);
    }

    private void listRoles(String marker, int page) {
        var result = ctx.call(SERVICE, REGION, "ListRoles", marker == null ? null : "page " + page,
                () -> iam.listRoles(r -> r.maxItems(1000).marker(marker)));
        if (!result.ok()) {
            return;
        }
        ListRolesResponse response = result.value();
        response.roles().forEach(r -> {
            if (r.maxSessionDuration() != null) {
                maxSessionDurations.put(r.arn(), r.maxSessionDuration());
            }
        });
        if (Boolean.TRUE.equals(response.isTruncated()) && response.marker() != null) {
            ctx.submit(SERVICE, REGION, LANE, () -> listRoles(response.marker(), page + 1));
        }
    }

    /** Adds what was read to the snapshot. */
    void contributeTo(AccountSnapshot.Builder snapshot) {
        synchronized (users) {
            users.forEach(snapshot::user);
        }
        synchronized (groups) {
            groups.forEach(snapshot::group);
        }
        synchronized (roles) {
            roles.forEach(r -> snapshot.role(role(r, maxSessionDurations.getOrDefault(r.arn(), 0))));
        }
        synchronized (policies) {
            policies.values().forEach(snapshot::managedPolicy);
        }
    }

    private static IamUser user(UserDetail u) {
        IamUser.Builder b = IamUser.builder(u.arn(), u.userName()).userId(u.userId()).path(u.path());
        u.groupList().forEach(b::group);
        u.userPolicyList().forEach(p -> b.inlinePolicy(p.policyName(), document(p.policyDocument())));
        u.attachedManagedPolicies().forEach(a -> b.attachedPolicy(a.policyArn()));
        if (u.permissionsBoundary() != null) {
            b.permissionsBoundaryArn(u.permissionsBoundary().permissionsBoundaryArn());
        }
        for (Tag tag : u.tags()) {
            b.tag(tag.key(), tag.value());
        }
        return b.build();
    }

    private static IamGroup group(GroupDetail g) {
        return new IamGroup(g.arn(), g.groupName(), g.groupId(), g.path(), inline(g.groupPolicyList()),
                g.attachedManagedPolicies().stream().map(AttachedPolicy::policyArn).toList());
    }

    private static IamRole role(RoleDetail r, int maxSessionDuration) {
        IamRole.Builder b = IamRole.builder(r.arn(), r.roleName()).roleId(r.roleId()).path(r.path())
                .trustPolicy(r.assumeRolePolicyDocument() == null ? null : PolicyText.of(r.assumeRolePolicyDocument()))
                .maxSessionDuration(maxSessionDuration);
        r.rolePolicyList().forEach(p -> b.inlinePolicy(p.policyName(), document(p.policyDocument())));
        r.attachedManagedPolicies().forEach(a -> b.attachedPolicy(a.policyArn()));
        if (r.permissionsBoundary() != null) {
            b.permissionsBoundaryArn(r.permissionsBoundary().permissionsBoundaryArn());
        }
        for (Tag tag : r.tags()) {
            b.tag(tag.key(), tag.value());
        }
        return b.build();
    }

    private static ManagedPolicy managedPolicy(ManagedPolicyDetail p) {
        List<PolicyVersion> versions = new ArrayList<>();
        p.policyVersionList().forEach(v -> {
            if (v.document() != null) {
                versions.add(new PolicyVersion(v.versionId(), Boolean.TRUE.equals(v.isDefaultVersion()),
                        PolicyText.of(v.document()), v.createDate()));
            }
        });
        String name = p.policyName() != null ? p.policyName() : p.arn().substring(p.arn().lastIndexOf('/') + 1);
        return new ManagedPolicy(p.arn(), name, p.policyId(), p.path(), p.defaultVersionId(),
                intOf(p.attachmentCount()), intOf(p.permissionsBoundaryUsageCount()), versions);
    }

    private static List<InlinePolicy> inline(List<PolicyDetail> details) {
        return details.stream().map(p -> new InlinePolicy(p.policyName(), document(p.policyDocument()))).toList();
    }

    private static PolicyText document(String raw) {
        return PolicyText.of(raw == null ? "" : raw);
    }

    private static int intOf(Integer value) {
        return value == null ? 0 : value;
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }
}
