package dev.iamatlas.model.edit;

import static dev.iamatlas.model.testing.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.rules.LambdaArns;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.testing.ShopAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Incremental re-analysis gives exactly the graph and findings a full analysis of the edited snapshot gives: after
 * every edit of a seeded random sequence (permissions added and removed, trust policies, attached and inline
 * policies, managed policy versions, route authorization, API policies, undo), the session's nodes, edges (with
 * their explanations) and findings are compared with a fresh analysis.
 */
class IncrementalAnalysisPropertyTest {
    private static final String EXEC = "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":";
    private static final List<String> SOURCES = List.of(EXEC + API_ID + "/prod/GET/orders", EXEC + API_ID + "/*/POST/pay",
            EXEC + API_ID + "/test/*/*", EXEC + API_ID + "/authorizers/au1", EXEC + "h1/*/$default", EXEC + "nope1/*/GET/x",
            "arn:aws:execute-api:us-east-1:*:*/*/*/*", EXEC + "priv01/prod/GET/stock");
    private static final List<String> PRINCIPALS = List.of("apigateway.amazonaws.com", "s3.amazonaws.com", OTHER_ACCOUNT, "*",
            ACCOUNT, roleArn("deployer"));
    private static final List<PolicyText> TRUSTS = List.of(trusts("lambda.amazonaws.com"), trusts("apigateway.amazonaws.com"),
            policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCOUNT + ":root'},'Action':'sts:AssumeRole'}"),
            policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT + ":root'},'Action':'sts:AssumeRole'}"),
            policy("{'Effect':'Allow','Principal':'*','Action':'sts:AssumeRole'}"),
            policy("{'Effect':'Allow','Principal':{'AWS':'" + userArn("alice") + "'},'Action':'sts:AssumeRole'}"));
    private static final List<PolicyText> DOCUMENTS = List.of(
            policy("{'Effect':'Allow','Action':'*','Resource':'*'}"),
            policy("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}"),
            policy("{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':'" + ShopAccount.ORDERS + "*'}"),
            policy("{'Effect':'Allow','Action':['s3:GetObject','dynamodb:Query'],'Resource':'*'}"),
            policy("{'Effect':'Deny','Action':'iam:*','Resource':'*'}", "{'Effect':'Allow','Action':'iam:PassRole','Resource':'*'}"),
            policy("{'Effect':'Allow','Action':'execute-api:Invoke','Resource':'" + EXEC + API_ID + "/*'}"));
    private static final List<PolicyText> API_POLICIES = List.of(
            policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*'}"),
            policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*','Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}"),
            policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*'}",
                    "{'Effect':'Deny','Principal':'*','Action':'execute-api:Invoke','Resource':'" + EXEC + API_ID + "/*/POST/pay'}"));
    private static final List<String[]> ROUTES = List.of(new String[] {"/orders", "GET"}, new String[] {"/orders", "POST"},
            new String[] {"/pay", "POST"}, new String[] {"/admin", "GET"}, new String[] {"/{proxy+}", "ANY"});
    private static final List<String> AUTHS = List.of("NONE", "AWS_IAM", "CUSTOM");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void incrementalReAnalysisEqualsAFullRebuildAfterEveryRandomEdit(long seed) {
        Random random = new Random(seed);
        try (AnalysisSession session = AnalysisSession.open(ShopAccount.snapshot(), 2)) {
            for (int step = 0; step < 40; step++) {
                if (session.canUndo() && random.nextInt(8) == 0) {
                    session.undo();
                } else {
                    applyRandomEdit(session, random, step);
                }
                assertSameAsFullAnalysis(session, "seed " + seed + " step " + step + " " + session.changeList());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void aFreshScanThatDropsAndBringsBackResourcesEqualsAFullRebuild(long seed) {
        Random random = new Random(seed);
        AccountSnapshot original = ShopAccount.snapshot();
        try (AnalysisSession session = AnalysisSession.open(original, 2)) {
            for (int step = 0; step < 12; step++) {
                AccountSnapshot.Builder b = original.toBuilder();
                dropSome(random, b.functions());
                dropSome(random, b.roles());
                dropSome(random, b.users());
                dropSome(random, b.groups());
                dropSome(random, b.restApis());
                dropSome(random, b.apisV2());
                session.update(b.build());
                assertSameAsFullAnalysis(session, "seed " + seed + " step " + step);
            }
            session.update(original);
            assertSameAsFullAnalysis(session, "seed " + seed + " back to the original");
        }
    }

    /** Removes each element with probability 1/4 (what a later scan of a changing account sees). */
    private static void dropSome(Random random, List<?> list) {
        list.removeIf(x -> random.nextInt(4) == 0);
    }

    private static void applyRandomEdit(AnalysisSession session, Random random, int step) {
        AccountSnapshot s = session.snapshot();
        for (int attempt = 0; attempt < 20; attempt++) {
            SnapshotEdit edit = randomEdit(s, random, step);
            try {
                edit.execute(s);
            } catch (IllegalArgumentException impossible) {
                continue;
            }
            session.apply(edit);
            return;
        }
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static SnapshotEdit randomEdit(AccountSnapshot s, Random random, int step) {
        List<Supplier<SnapshotEdit>> kinds = List.of(
                () -> new AddLambdaPermission(pick(random, targets(s)), "sid" + step, pick(random, PRINCIPALS),
                        random.nextBoolean() ? "lambda:InvokeFunction" : "lambda:*",
                        random.nextInt(4) == 0 ? null : pick(random, SOURCES), random.nextBoolean() ? ACCOUNT : null, null),
                () -> {
                    String target = pick(random, targets(s));
                    return new RemoveLambdaPermission(target, pick(random, sids(s, target)));
                },
                () -> new SetRoleTrustPolicy(pick(random, s.iam().roles()).arn(), pick(random, TRUSTS)),
                () -> new AttachManagedPolicy(pick(random, principals(s)), pick(random, List.of(ShopAccount.READ_S3,
                        ShopAccount.INVOKE_ORDERS))),
                () -> new DetachManagedPolicy(pick(random, principals(s)), pick(random, List.of(ShopAccount.READ_S3,
                        ShopAccount.INVOKE_ORDERS))),
                () -> new SetInlinePolicy(pick(random, principals(s)), "p" + random.nextInt(3),
                        random.nextInt(5) == 0 ? null : pick(random, DOCUMENTS)),
                () -> new SetManagedPolicyDocument(pick(random, List.of(ShopAccount.READ_S3, ShopAccount.INVOKE_ORDERS)),
                        pick(random, DOCUMENTS)),
                () -> {
                    String[] r = pick(random, ROUTES);
                    String auth = pick(random, AUTHS);
                    return SetRouteAuthorization.rest(API_ID, r[0], r[1], auth, auth.equals("CUSTOM") ? "au1" : null);
                },
                () -> SetRouteAuthorization.http("h1", pick(random, List.of("$default", "GET /me")), pick(random,
                        List.of("NONE", "AWS_IAM")), null),
                () -> new SetApiResourcePolicy(API_ID, random.nextInt(4) == 0 ? null : pick(random, API_POLICIES)),
                () -> new SetFunctionPolicy(pick(random, targets(s)), null));
        return pick(random, kinds).get();
    }

    private static List<String> targets(AccountSnapshot s) {
        List<String> out = new ArrayList<>();
        for (LambdaFunction f : s.functions()) {
            out.add(f.arn());
            f.aliases().forEach(a -> out.add(a.arn()));
            f.versions().forEach(v -> out.add(v.arn()));
        }
        return out;
    }

    private static List<String> sids(AccountSnapshot s, String target) {
        LambdaArns.FunctionArn arn = LambdaArns.parse(target);
        LambdaFunction f = s.functions().stream().filter(x -> x.arn().equals(arn.unqualified())).findFirst().orElseThrow();
        PolicyText p = f.resourcePolicy();
        for (FunctionAlias a : f.aliases()) {
            if (a.name().equals(arn.qualifier())) {
                p = a.resourcePolicy();
            }
        }
        for (FunctionVersion v : f.versions()) {
            if (v.version().equals(arn.qualifier())) {
                p = v.resourcePolicy();
            }
        }
        List<String> out = new ArrayList<>(List.of("missing"));
        if (p != null) {
            p.tree().path("Statement").forEach(st -> out.add(st.path("Sid").asText("none")));
        }
        return out;
    }

    private static List<String> principals(AccountSnapshot s) {
        List<String> out = new ArrayList<>();
        s.iam().roles().stream().map(IamRole::arn).forEach(out::add);
        s.iam().users().forEach(u -> out.add(u.arn()));
        s.iam().groups().forEach(g -> out.add(g.arn()));
        return out;
    }

    static void assertSameAsFullAnalysis(AnalysisSession session, String where) {
        try (AnalysisSession full = AnalysisSession.open(session.snapshot(), 1)) {
            AccessGraph a = session.graph();
            AccessGraph b = full.graph();
            Map<String, Node> nodesA = new TreeMap<>();
            a.nodes().forEach(n -> nodesA.put(n.id(), n));
            Map<String, Node> nodesB = new TreeMap<>();
            b.nodes().forEach(n -> nodesB.put(n.id(), n));
            assertThat(nodesA.keySet()).as(where + ": node ids").isEqualTo(nodesB.keySet());
            for (Node n : nodesA.values()) {
                assertThat(n.sameDefinition(nodesB.get(n.id()))).as(where + ": node " + n.id() + " " + n.attributes()
                        + " vs " + nodesB.get(n.id()).attributes()).isTrue();
            }
            Map<String, AccessEdge> edgesA = new TreeMap<>();
            a.edges().forEach(e -> edgesA.put(e.id(), e));
            Map<String, AccessEdge> edgesB = new TreeMap<>();
            b.edges().forEach(e -> edgesB.put(e.id(), e));
            assertThat(edgesA.keySet()).as(where + ": edge ids").isEqualTo(edgesB.keySet());
            for (AccessEdge e : edgesA.values()) {
                AccessEdge other = edgesB.get(e.id());
                assertThat(e.sameAs(other)).as(where + ": edge " + e + " vs " + other).isTrue();
                assertThat(e.explanation()).as(where + ": explanation of " + e.id()).isEqualTo(other.explanation());
            }
            List<Finding> fa = session.findings();
            List<Finding> fb = full.findings();
            assertThat(fa).extracting(Finding::id).as(where + ": finding ids").isEqualTo(fb.stream().map(Finding::id).toList());
            for (int i = 0; i < fa.size(); i++) {
                assertThat(fa.get(i).sameAs(fb.get(i))).as(where + ": finding " + fa.get(i).id()).isTrue();
            }
        }
    }
}
