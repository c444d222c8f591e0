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
import dev.iamatlas.model.snapshot.PolicyVersion;
import dev.iamatlas.model.synth.SynthConfig;
import dev.iamatlas.model.synth.SyntheticAccountGenerator;
import dev.iamatlas.model.testing.ShopAccount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The capability cache shares one principal's results with others whose deciding statements are the same (see
 * {@link CapabilityAnalyzer}); sharing must never change a result. Each principal's capabilities, worked out with a
 * cache that has seen every other principal first (in two different orders), equal those worked out alone.
 */
class CapabilityCacheTest {

    /**
     * Statements a role may hold besides the managed policy every role attaches: about the same actions and others,
     * allowing and denying, with wildcards, NotAction, NotResource, conditions, variables and unknown actions.
     */
    private static final List<String> STATEMENTS = List.of(
            "{'Effect':'Deny','Action':'s3:GetObject','Resource':'*'}",
            "{'Effect':'Deny','Action':'s3:*','Resource':'arn:aws:s3:::private/*'}",
            "{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::data/*'}",
            "{'Effect':'Allow','Action':'s3:PutObject','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'true'}}}",
            "{'Effect':'Deny','NotAction':'s3:*','Resource':'*'}",
            "{'Effect':'Allow','NotAction':['iam:*'],'Resource':'*'}",
            "{'Effect':'Deny','Action':'logs:*','NotResource':'arn:aws:logs:*:*:log-group:/aws/lambda/*'}",
            "{'Effect':'Allow','Action':'dynamodb:GetItem','Resource':'arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/t'}",
            "{'Effect':'Allow','Action':['s3:Get*','sqs:SendMessage'],'Resource':'*'}",
            "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringNotEquals':{'aws:RequestedRegion':'us-east-1'}}}",
            "{'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::${aws:PrincipalTag/team}'}",
            "{'Effect':'Allow','Action':'newservice:DoThing','Resource':'*'}",
            "{'Effect':'Deny','Action':'newservice:*','Resource':'*'}",
            "{'Effect':'Allow','Action':'iam:PassRole','Resource':'*'}");
    private static final String SHARED = "arn:aws:iam::" + ACCOUNT + ":policy/shared";
    private static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/boundary";
    private static final String NARROW_BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/narrow-boundary";

    static Stream<AccountSnapshot> accounts() {
        return Stream.of(ShopAccount.snapshot(), mixed(1), mixed(2),
                SyntheticAccountGenerator.generate(SynthConfig.of(40, 120, 6, 5)),
                SyntheticAccountGenerator.generate(SynthConfig.of(40, 120, 6, 6)));
    }

    /**
     * Roles that all attach one managed policy (about S3 and logs, on every resource): for each of
     * {@link #STATEMENTS}, one role with that statement alone and one with it next to an allow of an action the
     * catalogue does not know (and one role with neither, one with only that allow), then forty roles with a few
     * statements drawn at random, some with a permissions boundary and a tag. Each statement is a policy of its own,
     * so that roles share statements (a cache key names statements by policy and position).
     */
    private static AccountSnapshot mixed(long seed) {
        Random random = new Random(seed);
        AccountSnapshot.Builder b = account();
        b.managedPolicy(new ManagedPolicy(SHARED, "shared", "P1", "/", "v1", 40, 0, List.of(new PolicyVersion("v1", true,
                policy("{'Effect':'Allow','Action':['s3:GetObject','logs:PutLogEvents'],'Resource':'*'}"), null))));
        b.managedPolicy(new ManagedPolicy(BOUNDARY, "boundary", "P2", "/", "v1", 0, 10, List.of(new PolicyVersion("v1",
                true, policy("{'Effect':'Allow','Action':['s3:*','logs:*','newservice:*'],'Resource':'*'}"), null))));
        b.managedPolicy(new ManagedPolicy(NARROW_BOUNDARY, "narrow-boundary", "P3", "/", "v1", 0, 10, List.of(
                new PolicyVersion("v1", true, policy("{'Effect':'Allow','Action':'sqs:*','Resource':'*',"
                        + "'Condition':{'Bool':{'aws:SecureTransport':'true'}}}",
                        "{'Effect':'Allow','NotAction':['s3:*','sqs:*','iam:*'],'NotResource':'arn:aws:dynamodb:*:*:table/t'}",
                        "{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::data/*'}"), null))));
        String unknown = "{'Effect':'Allow','Action':'newservice:DoThing','Resource':'*'}";
        b.role(IamRole.builder(roleArn("base"), "base").trustPolicy(trusts("lambda.amazonaws.com")).attachedPolicy(SHARED)
                .build());
        b.role(IamRole.builder(roleArn("unknown"), "unknown").trustPolicy(trusts("lambda.amazonaws.com"))
                .attachedPolicy(SHARED).inlinePolicy("own", policy(unknown)).build());
        for (int i = 0; i < STATEMENTS.size(); i++) {
            b.role(IamRole.builder(roleArn("only-" + i), "only-" + i).trustPolicy(trusts("lambda.amazonaws.com"))
                    .attachedPolicy(SHARED).inlinePolicy("extra", policy(STATEMENTS.get(i))).build());
            b.role(IamRole.builder(roleArn("unknown-" + i), "unknown-" + i).trustPolicy(trusts("lambda.amazonaws.com"))
                    .attachedPolicy(SHARED).inlinePolicy("own", policy(unknown))
                    .inlinePolicy("extra", policy(STATEMENTS.get(i))).build());
        }
        for (int i = 0; i < 40; i++) {
            IamRole.Builder role = IamRole.builder(roleArn("r" + i), "r" + i).trustPolicy(trusts("lambda.amazonaws.com"))
                    .attachedPolicy(SHARED).tag("team", random.nextBoolean() ? "a" : "b");
            for (int k = random.nextInt(4); k > 0; k--) { // one statement per policy: roles share statements
                role.inlinePolicy("p" + k, policy(STATEMENTS.get(random.nextInt(STATEMENTS.size()))));
            }
            int boundary = random.nextInt(6);
            if (boundary < 2) {
                role.permissionsBoundaryArn(boundary == 0 ? BOUNDARY : NARROW_BOUNDARY);
            }
            b.role(role.build());
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("accounts")
    void sharedResultsEqualThoseWorkedOutAlone(AccountSnapshot account) {
        SnapshotIndex index = new SnapshotIndex(account);
        List<String> principals = new ArrayList<>(index.principals());
        List<List<Capability>> forward = capabilitiesInOrder(index, principals);
        List<String> reversed = new ArrayList<>(principals);
        Collections.reverse(reversed);
        List<List<Capability>> backward = capabilitiesInOrder(index, reversed);
        Collections.reverse(backward);
        for (int i = 0; i < principals.size(); i++) {
            AnalysisRun alone = new AnalysisRun(index, new AnalysisServices());
            List<Capability> expected = alone.services().capabilities().capabilities(alone.identity(principals.get(i)),
                    alone);
            assertThat(forward.get(i)).as(principals.get(i) + " after every other principal").isEqualTo(expected);
            assertThat(backward.get(i)).as(principals.get(i) + " after every other principal, in reverse")
                    .isEqualTo(expected);
        }
    }

    /**
     * A capability's status and its lists of actions agree with asking the evaluator about each listed action on
     * its own: the analysis decides one action per class of actions that the same statements match, and denies
     * without asking what no Allow statement of a permissions boundary matches.
     */
    @ParameterizedTest
    @MethodSource("accounts")
    void capabilitiesAgreeWithTheEvaluatorActionByAction(AccountSnapshot account) {
        SnapshotIndex index = new SnapshotIndex(account);
        AnalysisRun run = new AnalysisRun(index, new AnalysisServices());
        int checked = 0;
        for (String principal : index.principals()) {
            Identity identity = run.identity(principal);
            for (Capability c : run.services().capabilities().capabilities(identity, run)) {
                for (String action : c.actions().size() > 40 ? c.actions().subList(0, 40) : c.actions()) {
                    EdgeStatus alone = identity.applyTo(Check.request("one action")).action(action)
                            .resource(c.resource()).rcps(run.rcpsFor(action)).absent(Callers.PRINCIPAL_ABSENT)
                            .evaluate().status();
                    EdgeStatus expected = c.status() == EdgeStatus.DENIED ? EdgeStatus.DENIED
                            : c.conditionalActions().contains(action) ? EdgeStatus.CONDITIONAL : EdgeStatus.ALLOWED;
                    if (expected == EdgeStatus.ALLOWED && c.conditionalActions().size() >= Capability.MAX_LISTED) {
                        expected = alone == EdgeStatus.CONDITIONAL ? alone : expected; // the list is cut short
                    }
                    assertThat(alone).as(principal + " " + action + " on " + c.resource() + " in " + c)
                            .isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    private static List<List<Capability>> capabilitiesInOrder(SnapshotIndex index, List<String> principals) {
        AnalysisRun run = new AnalysisRun(index, new AnalysisServices());
        List<List<Capability>> out = new ArrayList<>();
        for (String p : principals) {
            out.add(run.services().capabilities().capabilities(run.identity(p), run));
        }
        return out;
    }
}
