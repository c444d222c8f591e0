package dev.iamatlas.model.rules;

import static dev.iamatlas.model.testing.Accounts.*;
import static dev.iamatlas.model.testing.TestGraphs.build;
import static dev.iamatlas.model.testing.TestGraphs.edge;
import static dev.iamatlas.model.testing.TestGraphs.edges;
import static dev.iamatlas.model.testing.TestGraphs.edgesOfType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.OrgLevel;
import dev.iamatlas.model.snapshot.OrgPolicy;
import dev.iamatlas.model.snapshot.Organization;
import dev.iamatlas.model.snapshot.PolicyVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IAM: who can assume a role, from the trust policy together with the caller's identity policy
 * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html">IAM roles: trust policies</a>,
 * <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts">what
 * an account principal means</a>), group membership, and effective permissions after boundaries, SCPs and denies
 * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">policy evaluation logic</a>).
 */
class IamRulesTest {
    private static final String TARGET = roleArn("target");
    private static final String ASSUME_ANY = "{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}";
    private static final String ASSUME_TARGET = "{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'" + TARGET + "'}";

    private static IamRole target(String trustStatement) {
        return IamRole.builder(TARGET, "target").trustPolicy(policy(trustStatement)).build();
    }

    private static IamRole caller(String name, String inline) {
        IamRole.Builder b = IamRole.builder(roleArn(name), name).trustPolicy(trusts("ec2.amazonaws.com"));
        if (inline != null) {
            b.inlinePolicy("p", policy(inline));
        }
        return b.build();
    }

    @Test
    void roleNamedInTheTrustPolicyCanAssumeWithoutAnIdentityPermission() {
        AccountSnapshot s = account().role(caller("app", null))
                .role(target("{'Effect':'Allow','Principal':{'AWS':'" + roleArn("app") + "'},'Action':'sts:AssumeRole'}")).build();

        assertThat(edge(build(s, new PrincipalsAssumeRoles()), EdgeType.CAN_ASSUME, roleArn("app"), TARGET).status())
                .isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void trustingTheAccountRootLetsInOnlyPrincipalsWhosePoliciesAllowAssumeRole() {
        AccountSnapshot s = account().role(caller("deployer", ASSUME_TARGET)).role(caller("worker", null))
                .role(target("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCOUNT + ":root'},'Action':'sts:AssumeRole'}"))
                .build();
        AccessGraph g = build(s, new PrincipalsAssumeRoles());

        assertThat(edge(g, EdgeType.CAN_ASSUME, roleArn("deployer"), TARGET).status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(edges(g, EdgeType.CAN_ASSUME, roleArn("worker"), TARGET)).isEmpty();
        assertThat(edge(g, EdgeType.CAN_ASSUME, NodeIds.accountRoot("aws", ACCOUNT), TARGET).status())
                .isEqualTo(EdgeStatus.CONDITIONAL);
    }

    @Test
    void principalAllowedToAssumeAnyRoleIsRepresentedByItsCapabilityNotOneEdgePerRole() {
        AccountSnapshot s = account().role(caller("admin", ASSUME_ANY))
                .role(target("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCOUNT + ":root'},'Action':'sts:AssumeRole'}"))
                .build();
        AccessGraph g = build(s);

        assertThat(edges(g, EdgeType.CAN_ASSUME, roleArn("admin"), TARGET)).isEmpty();
        assertThat(edge(g, EdgeType.CAN_PERFORM, roleArn("admin"), NodeIds.capability("sts", "*")).status())
                .isEqualTo(EdgeStatus.ALLOWED);
        assertThat(g.requireNode(roleArn("admin")).attribute(Node.ADMIN_REASONS)).contains("sts:AssumeRole on *");
    }

    @Test
    void anotherAccountInTheTrustPolicyIsConditionalOnItsOwnPolicies() {
        AccountSnapshot s = account().role(target("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT
                + ":root'},'Action':'sts:AssumeRole'}")).build();

        AccessEdge e = edge(build(s, new PrincipalsAssumeRoles()), EdgeType.CAN_ASSUME,
                NodeIds.accountRoot("aws", OTHER_ACCOUNT), TARGET);

        assertThat(e.status()).isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(e.attribute(AccessEdge.RESOURCE_SIDE)).isEqualTo("ALLOWED");
    }

    @Test
    void externalIdConditionMakesTheResourceSideConditionalToo() {
        AccountSnapshot s = account().role(target("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT
                + ":root'},'Action':'sts:AssumeRole','Condition':{'StringEquals':{'sts:ExternalId':'x'}}}")).build();

        AccessEdge e = edge(build(s, new PrincipalsAssumeRoles()), EdgeType.CAN_ASSUME,
                NodeIds.accountRoot("aws", OTHER_ACCOUNT), TARGET);

        assertThat(e.attribute(AccessEdge.RESOURCE_SIDE)).isEqualTo("CONDITIONAL");
        assertThat(e.evidence().notes()).anyMatch(n -> n.startsWith("depends on sts:ExternalId"));
    }

    @Test
    void federatedProviderCanAssumeWithWebIdentity() {
        String provider = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com";
        AccountSnapshot s = account().role(target("{'Effect':'Allow','Principal':{'Federated':'" + provider
                + "'},'Action':'sts:AssumeRoleWithWebIdentity'}")).build();

        AccessEdge e = edge(build(s, new PrincipalsAssumeRoles()), EdgeType.CAN_ASSUME, provider, TARGET);

        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(e.evidence().requests().get(0).action()).isEqualTo("sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void userIsAMemberOfItsGroupsAndTheirPoliciesAreItsOwn() {
        ManagedPolicy readS3 = new ManagedPolicy("arn:aws:iam::" + ACCOUNT + ":policy/read-s3", "read-s3", "P1", "/", "v1", 1, 0,
                List.of(new PolicyVersion("v1", true, policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"), null)));
        IamGroup devs = new IamGroup("arn:aws:iam::" + ACCOUNT + ":group/devs", "devs", "G1", "/", List.of(),
                List.of(readS3.arn()));
        IamUser alice = IamUser.builder(userArn("alice"), "alice").group("devs").build();
        AccountSnapshot s = account().user(alice).group(devs).managedPolicy(readS3).build();

        AccessGraph g = build(s);

        assertThat(edge(g, EdgeType.MEMBER_OF, userArn("alice"), devs.arn()).status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(edge(g, EdgeType.CAN_PERFORM, userArn("alice"), NodeIds.capability("s3", "*")).label()).isEqualTo("GetObject");
    }

    @Test
    void aUserListedTwiceIsAnalysedOnceAndTheGraphSaysSo() {
        IamGroup devs = new IamGroup("arn:aws:iam::" + ACCOUNT + ":group/devs", "devs", "G1", "/", List.of(), List.of());
        IamGroup ops = new IamGroup("arn:aws:iam::" + ACCOUNT + ":group/ops", "ops", "G2", "/", List.of(), List.of());
        AccountSnapshot s = account().user(IamUser.builder(userArn("frank"), "frank").group("devs").build())
                .user(IamUser.builder(userArn("frank"), "frank").group("ops").build()).group(devs).group(ops).build();

        AccessGraph g = build(s);

        assertThat(edges(g, EdgeType.MEMBER_OF, userArn("frank"), ops.arn())).hasSize(1);
        assertThat(g.notes()).anyMatch(n -> n.contains("user " + userArn("frank") + " more than once"));
    }

    @Test
    void capabilitiesAreOnePerServiceAndResourcePattern() {
        AccountSnapshot s = account().role(caller("app", "{'Effect':'Allow','Action':['dynamodb:GetItem','dynamodb:Query',"
                + "'s3:GetObject'],'Resource':'arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders'}")).build();
        AccessGraph g = build(s, new PrincipalCapabilities());

        AccessEdge e = edge(g, EdgeType.CAN_PERFORM, roleArn("app"),
                NodeIds.capability("dynamodb", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders"));
        assertThat(e.label()).isEqualTo("GetItem, Query");
        assertThat(e.attribute(AccessEdge.ACCESS_LEVEL)).isEqualTo("Read");
        assertThat(g.requireNode(e.targetId()).label()).isEqualTo("dynamodb on table/orders");
    }

    @Test
    void starOnStarIsAdminEquivalent() {
        AccessGraph g = build(account().role(caller("admin", "{'Effect':'Allow','Action':'*','Resource':'*'}")).build(),
                new PrincipalCapabilities());

        Node admin = g.requireNode(roleArn("admin"));
        assertThat(admin.flag(Node.ADMIN_EQUIVALENT)).isTrue();
        assertThat(admin.attribute(Node.ADMIN_REASONS)).isEqualTo("* on *");
        assertThat(edge(g, EdgeType.CAN_PERFORM, roleArn("admin"), NodeIds.capability("*", "*")).label()).isEqualTo("all actions");
    }

    @Test
    void passRoleOnEveryRoleIsAdminEquivalent() {
        AccessGraph g = build(account().role(caller("deployer", "{'Effect':'Allow','Action':'iam:PassRole','Resource':'*'}"))
                .build(), new PrincipalCapabilities());

        assertThat(g.requireNode(roleArn("deployer")).attribute(Node.ADMIN_REASONS)).contains("iam:PassRole on *");
    }

    @Test
    void permissionsManagementOnEverythingIsSaidButIsNotAdminEquivalent() {
        AccessGraph g = build(account()
                .role(caller("ops", "{'Effect':'Allow','Action':'lambda:AddPermission','Resource':'*'}"))
                .role(caller("storage", "{'Effect':'Allow','Action':'s3:*','Resource':'*'}"))
                .role(caller("reader", "{'Effect':'Allow','Action':['billing:GetResourcePolicy',"
                        + "'quicksight:DescribeTopicPermissions','s3:GetObject'],'Resource':'*'}"))
                .build(), new PrincipalCapabilities());

        Node ops = g.requireNode(roleArn("ops"));
        assertThat(ops.flag(Node.ADMIN_EQUIVALENT)).isFalse();
        assertThat(ops.flag(Node.PERMISSIONS_MANAGEMENT)).isTrue();
        assertThat(ops.attribute(Node.PERMISSIONS_MANAGEMENT_REASONS)).isEqualTo("lambda:AddPermission on *");
        assertThat(edge(g, EdgeType.CAN_PERFORM, roleArn("ops"), NodeIds.capability("lambda", "*"))
                .attribute(AccessEdge.PERMISSIONS_MANAGEMENT)).isEqualTo("true");
        Node storage = g.requireNode(roleArn("storage"));
        assertThat(storage.flag(Node.ADMIN_EQUIVALENT)).isFalse();
        assertThat(storage.attribute(Node.PERMISSIONS_MANAGEMENT_REASONS)).contains("s3:").contains(" on *");
        // reading a resource policy is filed under permissions management by the reference, but changes nothing
        Node reader = g.requireNode(roleArn("reader"));
        assertThat(reader.flag(Node.ADMIN_EQUIVALENT)).isFalse();
        assertThat(reader.flag(Node.PERMISSIONS_MANAGEMENT)).isFalse();
    }

    @Test
    void readOnlyRoleIsNotAdminEquivalent() {
        AccessGraph g = build(account().role(caller("reader", "{'Effect':'Allow','Action':['s3:Get*','s3:List*'],'Resource':'*'}"))
                .build(), new PrincipalCapabilities());

        assertThat(g.requireNode(roleArn("reader")).flag(Node.ADMIN_EQUIVALENT)).isFalse();
    }

    @Test
    void explicitDenyRemovesActionsFromTheCapability() {
        IamRole denied = IamRole.builder(roleArn("app"), "app").trustPolicy(trusts("ec2.amazonaws.com"))
                .inlinePolicy("p", policy("{'Effect':'Allow','Action':'dynamodb:*','Resource':'*'}",
                        "{'Effect':'Deny','Action':'dynamodb:DeleteTable','Resource':'*'}")).build();

        AccessEdge e = edge(build(account().role(denied).build(), new PrincipalCapabilities()), EdgeType.CAN_PERFORM,
                roleArn("app"), NodeIds.capability("dynamodb", "*"));

        assertThat(e.label()).isNotEqualTo("all actions");
        assertThat(e.attribute(AccessEdge.ACTIONS).split(",")).contains("dynamodb:GetItem").doesNotContain("dynamodb:DeleteTable");
    }

    @Test
    void permissionsBoundaryCapsWhatTheRoleCanDo() {
        ManagedPolicy boundary = new ManagedPolicy("arn:aws:iam::" + ACCOUNT + ":policy/boundary", "boundary", "B", "/", "v1", 0, 1,
                List.of(new PolicyVersion("v1", true, policy("{'Effect':'Allow','Action':'s3:*','Resource':'*'}"), null)));
        IamRole role = IamRole.builder(roleArn("app"), "app").trustPolicy(trusts("ec2.amazonaws.com"))
                .inlinePolicy("p", policy("{'Effect':'Allow','Action':['s3:GetObject','iam:PassRole'],'Resource':'*'}"))
                .permissionsBoundaryArn(boundary.arn()).build();
        AccessGraph g = build(account().role(role).managedPolicy(boundary).build(), new PrincipalCapabilities());

        assertThat(edge(g, EdgeType.CAN_PERFORM, roleArn("app"), NodeIds.capability("s3", "*")).status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(edge(g, EdgeType.CAN_PERFORM, roleArn("app"), NodeIds.capability("iam", "*")).status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(g.requireNode(roleArn("app")).flag(Node.ADMIN_EQUIVALENT)).isFalse();
    }

    /**
     * An SCP that denies outside some regions depends on aws:RequestedRegion, which a snapshot cannot know; where the
     * boundary does not allow an action either, the request is refused whatever the region (an explicit deny or an
     * implicit one), so the capability is DENIED, not CONDITIONAL. Where the boundary allows, it is CONDITIONAL.
     */
    @Test
    void regionConditionalDenyDoesNotMakeWhatTheBoundaryRefusesConditional() {
        ManagedPolicy boundary = new ManagedPolicy("arn:aws:iam::" + ACCOUNT + ":policy/boundary", "boundary", "B", "/", "v1", 0, 1,
                List.of(new PolicyVersion("v1", true, policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"), null)));
        IamRole role = IamRole.builder(roleArn("app"), "app").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy("{'Effect':'Allow','Action':['s3:GetObject','dynamodb:GetItem'],'Resource':'*'}"))
                .permissionsBoundaryArn(boundary.arn()).build();
        OrgLevel root = new OrgLevel("r-1", "Root", "ROOT", List.of(
                new OrgPolicy("p-full", "arn:aws:organizations::1:policy/p-full", "FullAWSAccess", true,
                        policy("{'Effect':'Allow','Action':'*','Resource':'*'}")),
                new OrgPolicy("p-regions", "arn:aws:organizations::1:policy/p-regions", "RestrictRegions", false,
                        policy("{'Effect':'Deny','NotAction':'iam:*','Resource':'*',"
                                + "'Condition':{'StringNotEquals':{'aws:RequestedRegion':['eu-west-1']}}}"))));
        AccountSnapshot s = account().role(role).managedPolicy(boundary)
                .organization(new Organization("o-1", "999999999999", List.of(root), List.of())).build();
        AccessGraph g = build(s, new PrincipalCapabilities());

        AccessEdge dynamodb = edge(g, EdgeType.CAN_PERFORM, roleArn("app"), NodeIds.capability("dynamodb", "*"));
        assertThat(dynamodb.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(Check.reasonClause(dynamodb.evidence().requests().get(0), List.of()))
                .startsWith("denied: explicitly").contains("aws:RequestedRegion");
        assertThat(edge(g, EdgeType.CAN_PERFORM, roleArn("app"), NodeIds.capability("s3", "*")).status())
                .isEqualTo(EdgeStatus.CONDITIONAL);
    }

    /** Hundreds of services wanted, a boundary of three: three capabilities and one DENIED "*" for the rest. */
    @Test
    void servicesABoundaryRefusesFoldIntoOneDeniedCapability() {
        ManagedPolicy boundary = new ManagedPolicy("arn:aws:iam::" + ACCOUNT + ":policy/boundary", "boundary", "B", "/", "v1", 0, 1,
                List.of(new PolicyVersion("v1", true, policy("{'Effect':'Allow','Action':['s3:*','sqs:*','logs:*'],'Resource':'*'}"), null)));
        IamRole role = IamRole.builder(roleArn("app"), "app").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}"))
                .permissionsBoundaryArn(boundary.arn()).build();
        AccessGraph g = build(account().role(role).managedPolicy(boundary).build(), new PrincipalCapabilities());

        assertThat(edgesOfType(g, EdgeType.CAN_PERFORM)).extracting(AccessEdge::targetId).containsExactlyInAnyOrder(
                NodeIds.capability("*", "*"), NodeIds.capability("logs", "*"), NodeIds.capability("s3", "*"),
                NodeIds.capability("sqs", "*"));
        AccessEdge refused = edge(g, EdgeType.CAN_PERFORM, roleArn("app"), NodeIds.capability("*", "*"));
        assertThat(refused.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(refused.attribute(AccessEdge.ACTIONS)).matches("\\d{4,} actions"); // too many to name
        assertThat(g.requireNode(NodeIds.capability("*", "*")).label()).isEqualTo("many services on *");
        assertThat(edge(g, EdgeType.CAN_PERFORM, roleArn("app"), NodeIds.capability("s3", "*")).status())
                .isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void serviceControlPolicyDeniesAcrossTheAccountButNotInTheManagementAccount() {
        OrgLevel root = new OrgLevel("r-1", "Root", "ROOT", List.of(
                new OrgPolicy("p-full", "arn:aws:organizations::1:policy/p-full", "FullAWSAccess", true,
                        policy("{'Effect':'Allow','Action':'*','Resource':'*'}")),
                new OrgPolicy("p-noiam", "arn:aws:organizations::1:policy/p-noiam", "NoIam", false,
                        policy("{'Effect':'Deny','Action':'iam:*','Resource':'*'}"))));
        AccountSnapshot member = account().role(caller("admin", "{'Effect':'Allow','Action':'iam:*','Resource':'*'}"))
                .organization(new Organization("o-1", "999999999999", List.of(root), List.of())).build();
        AccountSnapshot management = member.toBuilder()
                .organization(new Organization("o-1", ACCOUNT, List.of(root), List.of())).build();

        assertThat(edgesOfType(build(member, new PrincipalCapabilities()), EdgeType.CAN_PERFORM))
                .extracting(AccessEdge::status).containsExactly(EdgeStatus.DENIED);
        assertThat(edgesOfType(build(management, new PrincipalCapabilities()), EdgeType.CAN_PERFORM))
                .extracting(AccessEdge::status).containsExactly(EdgeStatus.ALLOWED);
    }

    @Test
    void unreadableOrganizationIsSaidInTheEvidence() {
        AccountSnapshot s = account().role(caller("app", "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"))
                .gap(new dev.iamatlas.model.snapshot.ScanGap("organizations", "global", "ListPoliciesForTarget", null,
                        "AccessDeniedException", "not the management account")).build();
        AccessGraph g = build(s);

        AccessEdge e = edge(g, EdgeType.CAN_PERFORM, roleArn("app"), NodeIds.capability("s3", "*"));

        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(e.evidence().notes()).anyMatch(n -> n.startsWith("Organizations could not be read"));
        assertThat(g.notes()).anyMatch(n -> n.startsWith("Organizations could not be read"));
    }

    @Test
    void conditionOnMfaMakesTheCapabilityConditional() {
        AccessGraph g = build(account().role(caller("app", "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
                + "'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}")).build(), new PrincipalCapabilities());

        assertThat(edge(g, EdgeType.CAN_PERFORM, roleArn("app"), NodeIds.capability("s3", "*")).status())
                .isEqualTo(EdgeStatus.CONDITIONAL);
    }

    @Test
    void notActionExpandsToEveryOtherActionAndFoldsIntoOneCapability() {
        AccessGraph g = build(account().role(caller("power", "{'Effect':'Allow','NotAction':['iam:*','organizations:*'],"
                + "'Resource':'*'}")).build(), new PrincipalCapabilities());

        AccessEdge e = edge(g, EdgeType.CAN_PERFORM, roleArn("power"), NodeIds.capability("*", "*"));
        assertThat(e.label()).endsWith("actions");
        assertThat(g.requireNode(roleArn("power")).flag(Node.ADMIN_EQUIVALENT)).isTrue();
    }
}
