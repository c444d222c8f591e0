package dev.iamatlas.model.evaluation;

import static dev.iamatlas.model.evaluation.Eval.A;
import static dev.iamatlas.model.evaluation.Eval.B;
import static dev.iamatlas.model.evaluation.Eval.EVALUATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Randomized properties of the evaluator, each over a few thousand seeded random requests. */
class EvaluatorPropertiesTest {
    private static final int RUNS = 3000;
    private static final String[] ACTIONS = {"s3:GetObject", "s3:PutObject", "lambda:InvokeFunction", "iam:PassRole"};
    private static final String[] ACTION_PATTERNS = {"s3:*", "s3:Get*", "lambda:InvokeFunction", "*", "iam:Pass?ole", "ec2:*"};
    private static final String[] RESOURCES = {"arn:aws:s3:::b/k", "arn:aws:lambda:us-east-1:" + A + ":function:f",
        "arn:aws:lambda:us-east-1:" + A + ":function:f:prod", "arn:aws:iam::" + A + ":role/r"};
    private static final String[] RESOURCE_PATTERNS = {"*", "arn:aws:s3:::b/*", "arn:aws:lambda:*:" + A + ":function:f",
        "arn:aws:lambda:*:*:function:f*", "arn:aws:iam::*:role/*"};
    private static final String[] CALLERS = {"arn:aws:iam::" + A + ":user/u", "arn:aws:iam::" + A + ":role/r",
        "arn:aws:sts::" + A + ":assumed-role/r/s", "arn:aws:sts::" + B + ":assumed-role/x/s", "apigateway.amazonaws.com", "anonymous"};
    private static final String[] PRINCIPALS = {"'*'", "{'AWS':'*'}", "{'AWS':'" + A + "'}", "{'AWS':'arn:aws:iam::" + A + ":role/r'}",
        "{'AWS':'arn:aws:sts::" + A + ":assumed-role/r/s'}", "{'AWS':'arn:aws:iam::" + A + ":user/u'}", "{'Service':'apigateway.amazonaws.com'}",
        "{'AWS':'arn:aws:iam::" + B + ":root'}"};
    private static final String[] CONDITIONS = {"{'StringEquals':{'k1':'a'}}", "{'StringNotEquals':{'k1':'a'}}", "{'StringLike':{'k2':'b*'}}",
        "{'IpAddress':{'k3':'10.0.0.0/8'}}", "{'NotIpAddress':{'k3':'10.0.0.0/8'}}", "{'ForAllValues:StringEquals':{'k4':['x','y']}}",
        "{'ForAnyValue:StringEquals':{'k4':'x'}}", "{'StringEqualsIfExists':{'k1':'b'}}", "{'Null':{'k2':'true'}}",
        "{'NumericLessThan':{'k5':'10'}}", "{'ArnLike':{'k6':'arn:aws:execute-api:*:*:api/*'}}"};

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String statement(Random r, boolean resourceSide, String effect) {
        StringBuilder s = new StringBuilder("{'Effect':'").append(effect).append("'");
        if (resourceSide) {
            s.append(",'Principal':").append(pick(r, PRINCIPALS));
        }
        s.append(r.nextInt(5) == 0 ? ",'NotAction':'" : ",'Action':'").append(pick(r, ACTION_PATTERNS)).append("'");
        s.append(r.nextInt(6) == 0 ? ",'NotResource':'" : ",'Resource':'").append(pick(r, RESOURCE_PATTERNS)).append("'");
        if (r.nextInt(3) == 0) {
            s.append(",'Condition':").append(pick(r, CONDITIONS));
        }
        return s.append("}").toString();
    }

    private static NamedPolicy randomPolicy(Random r, boolean resourceSide, String label) {
        int n = 1 + r.nextInt(3);
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statements.add(statement(r, resourceSide, r.nextInt(4) == 0 ? "Deny" : "Allow"));
        }
        return new NamedPolicy(label, PolicyParser.parse(Eval.q("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}")));
    }

    private static void randomContext(Random r, EvaluationRequest.Builder b) {
        if (r.nextBoolean()) {
            b.context("k1", r.nextBoolean() ? "a" : "b");
        }
        if (r.nextBoolean()) {
            b.context("k2", r.nextBoolean() ? "bc" : "c");
        }
        if (r.nextBoolean()) {
            b.context("k3", r.nextBoolean() ? "10.1.1.1" : "192.0.2.1");
        }
        if (r.nextBoolean()) {
            b.context("k4", r.nextBoolean() ? List.of("x") : List.of("x", "z"));
        }
        if (r.nextBoolean()) {
            b.context("k5", String.valueOf(r.nextInt(20)));
        }
        if (r.nextBoolean()) {
            b.context("k6", "arn:aws:execute-api:us-east-1:" + A + ":api/prod/GET/x");
        }
    }

    /** A random request builder; {@code extra} may add more before it is built. */
    private static EvaluationRequest.Builder randomRequest(Random r) {
        EvaluationRequest.Builder b = EvaluationRequest.builder().principal(pick(r, CALLERS)).action(pick(r, ACTIONS)).resource(pick(r, RESOURCES));
        int identity = r.nextInt(3);
        for (int i = 0; i < identity; i++) {
            b.identityPolicy(randomPolicy(r, false, "identity" + i));
        }
        if (r.nextBoolean()) {
            b.resourcePolicy(randomPolicy(r, true, "resource"));
        }
        if (r.nextInt(4) == 0) {
            b.permissionBoundary(randomPolicy(r, false, "boundary"));
        }
        if (r.nextInt(5) == 0) {
            b.sessionPolicy(randomPolicy(r, false, "session"));
        }
        if (r.nextInt(4) == 0) {
            b.scps(List.of(List.of(randomPolicy(r, false, "scp"))));
        }
        if (r.nextInt(5) == 0) {
            b.rcps(List.of(List.of(randomPolicy(r, true, "rcp"))));
        }
        randomContext(r, b);
        return b;
    }

    private static void forRandomRequests(long seed, Consumer<Random> check) {
        Random r = new Random(seed);
        for (int i = 0; i < RUNS; i++) {
            check.accept(r);
        }
    }

    @Test
    void anExplicitDenyForEveryoneAlwaysWins() {
        NamedPolicy denyAll = Eval.statements("{'Effect':'Deny','Principal':'*','Action':'*','Resource':'*'}");
        forRandomRequests(1, r -> {
            EvaluationRequest request = randomRequest(r).resourcePolicy(denyAll).build();
            assertThat(EVALUATOR.evaluate(request).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        });
    }

    @Test
    void anIdentityDenyAlwaysWinsForIamCallers() {
        NamedPolicy denyAll = Eval.statements("{'Effect':'Deny','Action':'*','Resource':'*'}");
        forRandomRequests(2, r -> {
            EvaluationRequest request = randomRequest(r).identityPolicy(denyAll).build();
            Outcome expected = request.principal().isIamPrincipal() ? Outcome.EXPLICIT_DENY : EVALUATOR.evaluate(request).outcome();
            assertThat(EVALUATOR.evaluate(request).outcome()).isEqualTo(expected);
        });
    }

    @Test
    void addingAnAllowNeverTurnsAnAllowIntoADeny() {
        forRandomRequests(3, r -> {
            long seed = r.nextLong();
            EvaluationRequest before = randomRequest(new Random(seed)).build();
            EvaluationRequest.Builder afterBuilder = randomRequest(new Random(seed));
            if (r.nextBoolean()) {
                afterBuilder.identityPolicy(new NamedPolicy("extra", PolicyParser.parse(Eval.q("{'Version':'2012-10-17','Statement':["
                        + statement(r, false, "Allow") + "]}"))));
            } else {
                afterBuilder.identityPolicy(randomPolicyWithOnlyAllows(r));
            }
            Outcome was = EVALUATOR.evaluate(before).outcome();
            Outcome now = EVALUATOR.evaluate(afterBuilder.build()).outcome();
            if (was == Outcome.ALLOW) {
                assertThat(now).isEqualTo(Outcome.ALLOW);
            }
            assertThat(now.ordinal()).isGreaterThanOrEqualTo(was.ordinal());
        });
    }

    private static NamedPolicy randomPolicyWithOnlyAllows(Random r) {
        return new NamedPolicy("extra", PolicyParser.parse(Eval.q("{'Version':'2012-10-17','Statement':[" + statement(r, false, "Allow") + ","
                + statement(r, false, "Allow") + "]}")));
    }

    @Test
    void withoutIdentityPoliciesASameAccountRequestIsDecidedByTheResourcePolicyAlone() {
        forRandomRequests(4, r -> {
            EvaluationRequest.Builder b = EvaluationRequest.builder().principal(pick(r, new String[] {CALLERS[0], CALLERS[1], CALLERS[2]}))
                    .action(pick(r, ACTIONS)).resource(pick(r, RESOURCES)).resourceAccount(A);
            NamedPolicy resource = randomPolicy(r, true, "resource");
            b.resourcePolicy(resource);
            randomContext(r, b);
            Decision d = EVALUATOR.explain(b.build());
            if (d.outcome() == Outcome.ALLOW) {
                assertThat(d.reason()).isEqualTo(DecisionReason.ALLOWED_BY_RESOURCE_POLICY);
                assertThat(d.decidingStatements()).isNotEmpty().allSatisfy(ref -> assertThat(ref.policyType()).isEqualTo(PolicyType.RESOURCE));
            }
            boolean someAllowApplies = d.evidence().stream().flatMap(p -> p.statements().stream())
                    .anyMatch(s -> s.effect() == dev.iamatlas.model.policy.Effect.ALLOW && s.matched() == TriState.TRUE
                            && s.principalMatch().ordinal() >= PrincipalMatch.ROLE.ordinal());
            boolean someDenyApplies = d.evidence().stream().flatMap(p -> p.statements().stream())
                    .anyMatch(s -> s.effect() == dev.iamatlas.model.policy.Effect.DENY && s.matched() == TriState.TRUE);
            Outcome expected = someDenyApplies ? Outcome.EXPLICIT_DENY : someAllowApplies ? Outcome.ALLOW : Outcome.IMPLICIT_DENY;
            assertThat(d.outcome()).isEqualTo(expected);
        });
    }

    @Test
    void theBoundsOfAConditionalDecisionContainEveryConcreteOutcome() {
        String[] keys = {"k1", "k2", "k3", "k4", "k5", "k6"};
        forRandomRequests(5, r -> {
            long seed = r.nextLong();
            String unknown = pick(r, keys);
            Decision bounds = EVALUATOR.evaluate(withoutKey(randomRequest(new Random(seed)), unknown).unknownKey(unknown).build());
            for (int i = 0; i < 6; i++) {
                EvaluationRequest.Builder concrete = withoutKey(randomRequest(new Random(seed)), unknown);
                Random values = new Random(seed * 31 + i);
                EvaluationRequest.Builder scratch = EvaluationRequest.builder();
                randomContext(values, scratch.principal("anonymous").action("a:b").resource("*"));
                List<String> chosen = scratch.build().context().values(unknown);
                if (chosen != null) {
                    concrete.context(unknown, chosen);
                }
                Outcome outcome = EVALUATOR.evaluate(concrete.build()).outcome();
                assertThat(outcome.ordinal()).isBetween(bounds.leastPermissive().ordinal(), bounds.mostPermissive().ordinal());
            }
        });
    }

    private static EvaluationRequest.Builder withoutKey(EvaluationRequest.Builder b, String key) {
        EvaluationRequest built = b.build();
        EvaluationRequest.Builder copy = EvaluationRequest.builder().principal(built.principal()).action(built.action()).resource(built.resource())
                .identityPolicies(built.identityPolicies()).resourcePolicy(built.resourcePolicy()).permissionBoundary(built.permissionBoundary())
                .sessionPolicy(built.sessionPolicy()).scps(built.scps()).rcps(built.rcps());
        built.context().asMap().forEach((k, v) -> {
            if (!k.equals(key)) {
                copy.context(k, v);
            }
        });
        return copy;
    }

    @Test
    void evaluateAndExplainAlwaysAgree() {
        forRandomRequests(6, r -> {
            EvaluationRequest.Builder b = randomRequest(r);
            if (r.nextBoolean()) {
                b.missingKeysUnknown(true);
            }
            EvaluationRequest request = b.build();
            Decision fast = EVALUATOR.evaluate(request);
            Decision explained = EVALUATOR.explain(request);
            assertThat(explained.outcome()).isEqualTo(fast.outcome());
            assertThat(explained.mostPermissive()).isEqualTo(fast.mostPermissive());
            assertThat(explained.reason()).isEqualTo(fast.reason());
        });
    }

    @Test
    void withoutUnknownKeysNoDecisionIsConditional() {
        forRandomRequests(7, r -> assertThat(EVALUATOR.evaluate(randomRequest(r).build()).isConditional()).isFalse());
    }
}
