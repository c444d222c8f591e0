package dev.iamatlas.model.rules;

import static dev.iamatlas.model.testing.Accounts.ACCOUNT;
import static dev.iamatlas.model.testing.Accounts.account;
import static dev.iamatlas.model.testing.Accounts.policy;
import static dev.iamatlas.model.testing.Accounts.roleArn;
import static dev.iamatlas.model.testing.Accounts.trusts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.OrgLevel;
import dev.iamatlas.model.snapshot.OrgPolicy;
import dev.iamatlas.model.snapshot.Organization;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.PolicyVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases where two principals could share a cached capability result although AWS decides them differently, and other
 * edges of the capability analysis, each checked against asking the evaluator about the action on its own: SCPs and
 * RCPs that depend on the principal (aws:PrincipalArn, principal tags), an identity policy that cannot be parsed (its
 * uncertainty), an RCP that cannot be parsed next to a boundary, a service-linked role (SCPs and RCPs do not restrict
 * it), and an action the catalogue does not know next to known ones of the same service (one capability, not two
 * edges with one id).
 *
 * @see <a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html">SCPs: what they do not affect</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a>
 */
class CapabilityCacheKeysTest {

    private static EdgeStatus alone(Identity identity, AnalysisRun run, String action, String resource) {
        return identity.applyTo(Check.request("one")).action(action).resource(resource).rcps(run.rcpsFor(action))
                .absent(Callers.PRINCIPAL_ABSENT).evaluate().status();
    }

    private static EdgeStatus capability(AnalysisRun run, String principal, String service, String resource) {
        for (Capability c : run.services().capabilities().capabilities(run.identity(principal), run)) {
            if (c.service().equals(service) && c.resource().equals(resource)) {
                return c.status();
            }
        }
        return null;
    }

    private static List<String> mismatches(AnalysisRun run, String action, String service, String... principals) {
        List<String> out = new ArrayList<>();
        for (String p : principals) {
            EdgeStatus cap = capability(run, p, service, "*");
            EdgeStatus ev = alone(run.identity(p), run, action, "*");
            if (cap != ev) {
                out.add(p + " capability=" + cap + " evaluator=" + ev);
            }
        }
        return out;
    }

    /** An SCP that denies by principal tag: two roles with the same policies but different tags. */
    @Test
    void scpOnPrincipalTagIsKeyedByPrincipal() {
        String s3 = "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}";
        IamRole a = IamRole.builder(roleArn("a"), "a").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy(s3)).tag("team", "data").build();
        IamRole b = IamRole.builder(roleArn("b"), "b").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy(s3)).tag("team", "web").build();
        OrgLevel root = new OrgLevel("r-1", "Root", "ROOT", List.of(
                new OrgPolicy("p-full", "arn:aws:organizations::1:policy/p-full", "FullAWSAccess", true,
                        policy("{'Effect':'Allow','Action':'*','Resource':'*'}")),
                new OrgPolicy("p-tag", "arn:aws:organizations::1:policy/p-tag", "OnlyData", false,
                        policy("{'Effect':'Deny','Action':'s3:*','Resource':'*',"
                                + "'Condition':{'StringNotEquals':{'aws:PrincipalTag/team':'data'}}}"))));
        AccountSnapshot s = account().role(a).role(b)
                .organization(new Organization("o-1", "999999999999", List.of(root), List.of())).build();
        AnalysisRun run = new AnalysisRun(new SnapshotIndex(s), new AnalysisServices());
        assertThat(mismatches(run, "s3:GetObject", "s3", roleArn("a"), roleArn("b"))).isEmpty();
    }

    /** Same, with aws:PrincipalArn (the common "deny unless admin role" SCP). */
    @Test
    void scpOnPrincipalArnIsKeyedByPrincipal() {
        String s3 = "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}";
        IamRole a = IamRole.builder(roleArn("admin"), "admin").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy(s3)).build();
        IamRole b = IamRole.builder(roleArn("app"), "app").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy(s3)).build();
        OrgLevel root = new OrgLevel("r-1", "Root", "ROOT", List.of(
                new OrgPolicy("p-full", "arn:aws:organizations::1:policy/p-full", "FullAWSAccess", true,
                        policy("{'Effect':'Allow','Action':'*','Resource':'*'}")),
                new OrgPolicy("p-arn", "arn:aws:organizations::1:policy/p-arn", "OnlyAdmin", false,
                        policy("{'Effect':'Deny','Action':'s3:*','Resource':'*',"
                                + "'Condition':{'ArnNotLike':{'aws:PrincipalArn':'arn:aws:iam::*:role/admin'}}}"))));
        AccountSnapshot s = account().role(a).role(b)
                .organization(new Organization("o-1", "999999999999", List.of(root), List.of())).build();
        AnalysisRun run = new AnalysisRun(new SnapshotIndex(s), new AnalysisServices());
        assertThat(mismatches(run, "s3:GetObject", "s3", roleArn("admin"), roleArn("app"))).isEmpty();
    }

    /**
     * Two roles with the same valid policy and boundary; one also has an inline policy that does not parse (an
     * uncertainty: implicit denials become CONDITIONAL). Whichever is worked out first, neither gets the other's result.
     */
    @Test
    void invalidIdentityPolicyIsInThePerResourceKey() {
        for (boolean brokenFirst : new boolean[] {false, true}) {
            ManagedPolicy boundary = new ManagedPolicy("arn:aws:iam::" + ACCOUNT + ":policy/boundary", "boundary", "B",
                    "/", "v1", 0, 1, List.of(new PolicyVersion("v1", true,
                            policy("{'Effect':'Allow','Action':'sqs:*','Resource':'*'}"), null)));
            String s3 = "{'Effect':'Allow','Action':['s3:GetObject','sqs:SendMessage'],'Resource':'*'}";
            IamRole a = IamRole.builder(roleArn("a"), "a").trustPolicy(trusts("lambda.amazonaws.com"))
                    .inlinePolicy("p", policy(s3)).permissionsBoundaryArn(boundary.arn()).build();
            IamRole b = IamRole.builder(roleArn("b"), "b").trustPolicy(trusts("lambda.amazonaws.com"))
                    .inlinePolicy("p", policy(s3)).inlinePolicy("broken", PolicyText.of("{\"Statement\": 42}"))
                    .permissionsBoundaryArn(boundary.arn()).build();
            AccountSnapshot s = account().role(a).role(b).managedPolicy(boundary).build();
            AnalysisRun run = new AnalysisRun(new SnapshotIndex(s), new AnalysisServices());
            String[] order = brokenFirst ? new String[] {roleArn("b"), roleArn("a")} : new String[] {roleArn("a"), roleArn("b")};
            List<String> bad = new ArrayList<>(mismatches(run, "s3:GetObject", "s3", order));
            bad.addAll(mismatches(run, "sqs:SendMessage", "sqs", order));
            assertThat(bad).as(brokenFirst ? "broken one first" : "valid one first").isEmpty();
        }
    }

    /** An RCP that does not parse: the boundary gate says DENIED, the evaluator (with the uncertainty) CONDITIONAL. */
    @Test
    void invalidRcpAndTheBoundaryGate() {
        ManagedPolicy boundary = new ManagedPolicy("arn:aws:iam::" + ACCOUNT + ":policy/boundary", "boundary", "B", "/",
                "v1", 0, 1, List.of(new PolicyVersion("v1", true,
                        policy("{'Effect':'Allow','Action':'sqs:*','Resource':'*'}"), null)));
        IamRole a = IamRole.builder(roleArn("a"), "a").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"))
                .permissionsBoundaryArn(boundary.arn()).build();
        OrgLevel scpRoot = new OrgLevel("r-1", "Root", "ROOT", List.of(
                new OrgPolicy("p-full", "arn:aws:organizations::1:policy/p-full", "FullAWSAccess", true,
                        policy("{'Effect':'Allow','Action':'*','Resource':'*'}"))));
        OrgLevel rcpRoot = new OrgLevel("r-1", "Root", "ROOT", List.of(
                new OrgPolicy("p-rcp", "arn:aws:organizations::1:policy/p-rcp", "Broken", false,
                        PolicyText.of("{\"Statement\": 42}"))));
        AccountSnapshot s = account().role(a).managedPolicy(boundary)
                .organization(new Organization("o-1", "999999999999", List.of(scpRoot), List.of(rcpRoot))).build();
        AnalysisRun run = new AnalysisRun(new SnapshotIndex(s), new AnalysisServices());
        assertThat(mismatches(run, "s3:GetObject", "s3", roleArn("a"))).isEmpty();
    }

    /** A service-linked role (SCPs do not apply) and a normal role that share the deciding statements. */
    @Test
    void serviceLinkedRoleIsNotKeyedLikeANormalRole() {
        ManagedPolicy m = new ManagedPolicy("arn:aws:iam::aws:policy/aws-service-role/TestPolicy", "TestPolicy", "M",
                "/aws-service-role/", "v1", 0, 2, List.of(new PolicyVersion("v1", true,
                        policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"), null)));
        IamRole slr = IamRole.builder("arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/test.amazonaws.com/AWSServiceRoleForTest",
                "AWSServiceRoleForTest").path("/aws-service-role/test.amazonaws.com/")
                .trustPolicy(trusts("test.amazonaws.com")).attachedPolicy(m.arn()).build();
        IamRole normal = IamRole.builder(roleArn("normal"), "normal").trustPolicy(trusts("lambda.amazonaws.com"))
                .attachedPolicy(m.arn())
                .inlinePolicy("other", policy("{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':'arn:aws:lambda:us-east-1:111122223333:function:f'}"))
                .build();
        OrgLevel root = new OrgLevel("r-1", "Root", "ROOT", List.of(
                new OrgPolicy("p-full", "arn:aws:organizations::1:policy/p-full", "FullAWSAccess", true,
                        policy("{'Effect':'Allow','Action':'*','Resource':'*'}")),
                new OrgPolicy("p-s3", "arn:aws:organizations::1:policy/p-s3", "NoS3", false,
                        policy("{'Effect':'Deny','Action':'s3:*','Resource':'*'}"))));
        AccountSnapshot s = account().role(slr).role(normal).managedPolicy(m)
                .organization(new Organization("o-1", "999999999999", List.of(root), List.of())).build();
        AnalysisRun run = new AnalysisRun(new SnapshotIndex(s), new AnalysisServices());
        assertThat(mismatches(run, "s3:GetObject", "s3", slr.arn(), normal.arn())).isEmpty();
    }

    /** An RCP that depends on the principal's tag: RCPs are in no cache key. */
    @Test
    void rcpOnPrincipalTagIsKeyedByPrincipal() {
        String s3 = "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}";
        IamRole a = IamRole.builder(roleArn("a"), "a").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy(s3)).tag("team", "data").build();
        IamRole b = IamRole.builder(roleArn("b"), "b").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy(s3)).tag("team", "web").build();
        OrgLevel scpRoot = new OrgLevel("r-1", "Root", "ROOT", List.of(
                new OrgPolicy("p-full", "arn:aws:organizations::1:policy/p-full", "FullAWSAccess", true,
                        policy("{'Effect':'Allow','Action':'*','Resource':'*'}"))));
        OrgLevel rcpRoot = new OrgLevel("r-1", "Root", "ROOT", List.of(
                new OrgPolicy("p-rfull", "arn:aws:organizations::1:policy/p-rfull", "RCPFullAWSAccess", true,
                        policy("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}")),
                new OrgPolicy("p-rcp", "arn:aws:organizations::1:policy/p-rcp", "DataOnly", false,
                        policy("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*',"
                                + "'Condition':{'StringNotEquals':{'aws:PrincipalTag/team':'data'}}}"))));
        AccountSnapshot s = account().role(a).role(b)
                .organization(new Organization("o-1", "999999999999", List.of(scpRoot), List.of(rcpRoot))).build();
        AnalysisRun run = new AnalysisRun(new SnapshotIndex(s), new AnalysisServices());
        assertThat(mismatches(run, "s3:GetObject", "s3", roleArn("a"), roleArn("b"))).isEmpty();
    }

    /** An action the catalogue does not know (a typo, or newer than the catalogue), next to known ones of its service. */
    @Test
    void unknownActionOfAKnownServiceSharesTheServicesCapability() {
        IamRole a = IamRole.builder(roleArn("a"), "a").trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("p", policy("{'Effect':'Allow','Action':['s3:GetObject','s3:GetObjekt'],'Resource':'*'}"))
                .build();
        AccountSnapshot s = account().role(a).build();
        AnalysisRun run = new AnalysisRun(new SnapshotIndex(s), new AnalysisServices());
        List<String> ids = new ArrayList<>();
        for (Capability c : run.services().capabilities().capabilities(run.identity(roleArn("a")), run)) {
            ids.add(c.node().id());
        }
        dev.iamatlas.model.graph.AccessGraph g = dev.iamatlas.model.testing.TestGraphs.build(s, new PrincipalCapabilities());
        assertThat(ids).doesNotHaveDuplicates();
        dev.iamatlas.model.graph.AccessEdge s3 = g.edge(dev.iamatlas.model.graph.AccessEdge.defaultId(
                dev.iamatlas.model.graph.EdgeType.CAN_PERFORM, roleArn("a"), dev.iamatlas.model.graph.NodeIds.capability("s3", "*"),
                null)).orElseThrow();
        assertThat(s3.attribute(dev.iamatlas.model.graph.AccessEdge.ACTIONS)).isEqualTo("s3:GetObject,s3:GetObjekt");
    }
}
