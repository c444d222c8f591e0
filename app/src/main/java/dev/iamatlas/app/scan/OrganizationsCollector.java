package dev.iamatlas.app.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.snapshot.OrgLevel;
import dev.iamatlas.model.snapshot.OrgPolicy;
import dev.iamatlas.model.snapshot.Organization;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the service control policies (SCPs) and resource control policies (RCPs) that apply to the account:
 * {@code DescribeOrganization}, the account's parents up to the root ({@code ListParents}), the names of the root,
 * each OU and the account ({@code ListRoots}, {@code DescribeOrganizationalUnit}, {@code DescribeAccount}),
 * {@code ListPoliciesForTarget} for both policy types at every level, and {@code DescribePolicy} once per policy.
 *
 * <p>An account in no organization ({@code AWSOrganizationsNotInUseException}) has no organization and no gap.
 * Anything else that fails (typically AccessDenied: only the management account and delegated administrators may
 * list policies) is a gap, and the organization is left out, as the snapshot format prescribes. RCPs that are not
 * enabled ({@code PolicyTypeNotEnabledException}) are simply none.
 */
final class OrganizationsCollector {
    static final String SERVICE = "organizations";
    private static final String REGION = "global";
    private static final String SCP = "SERVICE_CONTROL_POLICY";
    private static final String RCP = "RESOURCE_CONTROL_POLICY";

    private final ScanContext ctx;
    private final OrganizationsJsonClient client;
    private final String accountId;
    private final Map<String, OrgPolicy> policyCache = new HashMap<>();
    private volatile Organization organization;

    OrganizationsCollector(ScanContext ctx, OrganizationsJsonClient client, String accountId) {
        this.ctx = ctx;
        this.client = client;
        this.accountId = accountId;
    }

    void start() {
        ctx.progress.register(SERVICE, REGION);
        ctx.submit(SERVICE, REGION, SERVICE, this::collect);
    }

    /** The organization, or null when the account is in none or its policies could not be read (see gaps). */
    Organization organization() {
        return organization;
    }

    private void collect() {
        var described = ctx.tryCall(SERVICE, REGION, "DescribeOrganization", null,
                () -> client.call("DescribeOrganization", OrganizationsJsonClient.body()));
        if (!described.ok()) {
            if (described.error() != null && !"AWSOrganizationsNotInUseException".equals(AwsErrors.code(described.error()))
                    && described.outcome() != ScanContext.Outcome.CANCELLED) {
                ctx.gapFor(SERVICE, REGION, "DescribeOrganization", null, described.error());
            }
            return;
        }
        JsonNode org = described.value().path("Organization");
        String organizationId = text(org, "Id");
        String managementAccountId = text(org, "MasterAccountId");

        List<String[]> levels = parents();
        if (levels == null) {
            return;
        }
        ctx.progress.found(SERVICE, REGION, levels.size());
        Map<String, String> names = names(levels);

        List<OrgLevel> scpLevels = new ArrayList<>();
        List<OrgLevel> rcpLevels = new ArrayList<>();
        boolean rcpReadable = true;
        for (String[] level : levels) {
            List<OrgPolicy> scps = policiesFor(level[0], SCP);
            if (scps == null) {
                return;
            }
            scpLevels.add(new OrgLevel(level[0], names.get(level[0]), level[1], scps));
            if (rcpReadable) {
                List<OrgPolicy> rcps = policiesFor(level[0], RCP);
                if (rcps == null) {
                    rcpReadable = false;
                    rcpLevels.clear();
                } else {
                    rcpLevels.add(new OrgLevel(level[0], names.get(level[0]), level[1], rcps));
                }
            }
        }
        if (rcpLevels.stream().allMatch(l -> l.policies().isEmpty())) {
            rcpLevels.clear();
        }
        organization = new Organization(organizationId, managementAccountId, scpLevels, rcpLevels);
    }

    /** The levels from the root down to the account, each {id, type}; null when they could not be read. */
    private List<String[]> parents() {
        List<String[]> chain = new ArrayList<>();
        chain.add(new String[] {accountId, "ACCOUNT"});
        String child = accountId;
        for (int depth = 0; depth < 10; depth++) {
            String childId = child;
            ObjectNode body = OrganizationsJsonClient.body().put("ChildId", childId);
            var result = ctx.call(SERVICE, REGION, "ListParents", childId, () -> client.call("ListParents", body));
            if (!result.ok()) {
                if (result.outcome() == ScanContext.Outcome.NOT_FOUND) {
                    ctx.gapFor(SERVICE, REGION, "ListParents", childId, result.error());
                }
                return null;
            }
            JsonNode parents = result.value().path("Parents");
            if (!parents.isArray() || parents.isEmpty()) {
                break;
            }
            JsonNode parent = parents.get(0);
            String id = text(parent, "Id");
            String type = text(parent, "Type");
            chain.add(new String[] {id, type});
            if ("ROOT".equals(type) || id == null) {
                break;
            }
            child = id;
        }
        Collections.reverse(chain);
        return chain;
    }

    private Map<String, String> names(List<String[]> levels) {
        Map<String, String> names = new HashMap<>();
        for (String[] level : levels) {
            String id = level[0];
            switch (level[1]) {
                case "ROOT" -> {
                    var roots = ctx.call(SERVICE, REGION, "ListRoots", null,
                            () -> client.call("ListRoots", OrganizationsJsonClient.body()));
                    if (roots.ok()) {
                        for (JsonNode root : roots.value().path("Roots")) {
                            if (id.equals(text(root, "Id"))) {
                                names.put(id, text(root, "Name"));
                            }
                        }
                    }
                }
                case "ORGANIZATIONAL_UNIT" -> {
                    ObjectNode body = OrganizationsJsonClient.body().put("OrganizationalUnitId", id);
                    var ou = ctx.call(SERVICE, REGION, "DescribeOrganizationalUnit", id,
                            () -> client.call("DescribeOrganizationalUnit", body));
                    if (ou.ok()) {
                        names.put(id, text(ou.value().path("OrganizationalUnit"), "Name"));
                    }
                }
                case "ACCOUNT" -> {
                    ObjectNode body = OrganizationsJsonClient.body().put("AccountId", id);
                    var account = ctx.call(SERVICE, REGION, "DescribeAccount", id,
                            () -> client.call("DescribeAccount", body));
                    if (account.ok()) {
                        names.put(id, text(account.value().path("Account"), "Name"));
                    }
                }
                default -> {
                }
            }
        }
        return names;
    }

    /** The policies of one type attached directly to a target; empty when the type is not enabled, null on error. */
    private List<OrgPolicy> policiesFor(String targetId, String type) {
        List<OrgPolicy> result = new ArrayList<>();
        String token = null;
        do {
            ObjectNode body = OrganizationsJsonClient.body().put("TargetId", targetId).put("Filter", type);
            if (token != null) {
                body.put("NextToken", token);
            }
            var page = ctx.tryCall(SERVICE, REGION, "ListPoliciesForTarget", targetId,
                    () -> client.call("ListPoliciesForTarget", body));
            if (!page.ok()) {
                if (page.error() != null && "PolicyTypeNotEnabledException".equals(AwsErrors.code(page.error()))) {
                    return List.of();
                }
                if (page.outcome() != ScanContext.Outcome.CANCELLED) {
                    ctx.gapFor(SERVICE, REGION, "ListPoliciesForTarget", targetId + " " + type, page.error());
                }
                return null;
            }
            for (JsonNode summary : page.value().path("Policies")) {
                OrgPolicy policy = describe(summary);
                if (policy == null) {
                    return null;
                }
                result.add(policy);
            }
            token = text(page.value(), "NextToken");
        } while (token != null && !token.isEmpty());
        return result;
    }

    private OrgPolicy describe(JsonNode summary) {
        String id = text(summary, "Id");
        OrgPolicy cached = policyCache.get(id);
        if (cached != null) {
            return cached;
        }
        ObjectNode body = OrganizationsJsonClient.body().put("PolicyId", id);
        var described = ctx.call(SERVICE, REGION, "DescribePolicy", id, () -> client.call("DescribePolicy", body));
        if (!described.ok()) {
            if (described.outcome() == ScanContext.Outcome.NOT_FOUND) {
                ctx.gapFor(SERVICE, REGION, "DescribePolicy", id, described.error());
            }
            return null;
        }
        JsonNode policy = described.value().path("Policy");
        JsonNode policySummary = policy.path("PolicySummary");
        String content = text(policy, "Content");
        OrgPolicy result = new OrgPolicy(id, firstNonNull(text(policySummary, "Arn"), text(summary, "Arn")),
                firstNonNull(text(policySummary, "Name"), text(summary, "Name")),
                policySummary.path("AwsManaged").asBoolean(summary.path("AwsManaged").asBoolean(false)),
                PolicyText.of(content == null ? "" : content));
        policyCache.put(id, result);
        return result;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
