package dev.iamatlas.model.edit;

import static dev.iamatlas.model.edit.IncrementalAnalysisPropertyTest.assertSameAsFullAnalysis;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.synth.SynthConfig;
import dev.iamatlas.model.synth.SyntheticAccountGenerator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Incremental re-analysis of a synthetic account (the {@code synth} generator's, small) gives exactly the graph and
 * findings of a full analysis, after every edit of a seeded random sequence. Unlike the hand-built shop account, it
 * has AWS managed policies attached to most roles, permissions boundaries, SCPs, users in groups and many routes, so
 * the edits that re-run many units at once (a new version of a popular managed policy, a group's policy) and the
 * shared capability results are exercised; the documents mix statements about the actions the roles already have
 * with statements about others, denies, NotAction, conditions and wildcards.
 */
class SyntheticAccountIncrementalTest {
    private static final String ACCOUNT = SynthConfig.DEFAULT_ACCOUNT;
    private static final List<PolicyText> DOCUMENTS = List.of(
            policy("{'Effect':'Allow','Action':['logs:CreateLogStream','logs:PutLogEvents'],'Resource':'*'}"),
            policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"),
            policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::bucket-1/*'}"),
            policy("{'Effect':'Allow','Action':'*','Resource':'*'}"),
            policy("{'Effect':'Allow','NotAction':['iam:*','organizations:*'],'Resource':'*'}"),
            policy("{'Effect':'Deny','Action':['logs:*','kms:Decrypt'],'Resource':'*'}",
                    "{'Effect':'Allow','Action':'dynamodb:*','Resource':'*'}"),
            policy("{'Effect':'Allow','Action':'kms:Decrypt','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}"),
            policy("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'arn:aws:iam::" + ACCOUNT + ":role/*'}"),
            policy("{'Effect':'Allow','Action':['iam:PassRole','lambda:InvokeFunction'],'Resource':'*'}"),
            policy("{'Effect':'Allow','Action':'sqs:*','Resource':'arn:aws:sqs:*:" + ACCOUNT + ":*'}"),
            policy("{'Effect':'Allow','Action':'newservice:DoThing','Resource':'*'}"),
            policy("{'Effect':'Allow','Action':'secretsmanager:GetSecretValue','Resource':'arn:aws:secretsmanager:*:"
                    + ACCOUNT + ":secret:${aws:PrincipalTag/team}/*'}"));
    private static final List<PolicyText> TRUSTS = List.of(
            trust("{'Service':'lambda.amazonaws.com'}"),
            trust("{'AWS':'arn:aws:iam::" + ACCOUNT + ":root'}"),
            trust("{'AWS':'arn:aws:iam::210987654321:root'}"),
            trust("'*'"));
    private static final List<String> AUTHS = List.of("NONE", "AWS_IAM");

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void incrementalReAnalysisOfASyntheticAccountEqualsAFullRebuildAfterEveryRandomEdit(long seed) {
        AccountSnapshot account = SyntheticAccountGenerator.generate(new SynthConfig(24, 40, 4, 40, 80, seed, ACCOUNT));
        Random random = new Random(seed);
        try (AnalysisSession session = AnalysisSession.open(account, 2)) {
            for (int step = 0; step < 30; step++) {
                if (session.canUndo() && random.nextInt(6) == 0) {
                    session.undo();
                } else {
                    applyRandomEdit(session, random, step);
                }
                assertSameAsFullAnalysis(session, "seed " + seed + " step " + step + " " + session.changeList());
            }
        }
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

    private static SnapshotEdit randomEdit(AccountSnapshot s, Random random, int step) {
        List<Supplier<SnapshotEdit>> kinds = List.of(
                // a new version of a managed policy, most often one of the most attached
                () -> new SetManagedPolicyDocument(popularPolicy(s, random), pick(random, DOCUMENTS)),
                () -> new SetManagedPolicyDocument(pick(random, s.iam().managedPolicies()).arn(), pick(random, DOCUMENTS)),
                () -> new SetInlinePolicy(pick(random, principals(s)), "p" + random.nextInt(2),
                        random.nextInt(4) == 0 ? null : pick(random, DOCUMENTS)),
                () -> new AttachManagedPolicy(pick(random, principals(s)), popularPolicy(s, random)),
                () -> {
                    IamRole role = pick(random, s.iam().roles());
                    return role.attachedPolicyArns().isEmpty() ? new AttachManagedPolicy(role.arn(), popularPolicy(s, random))
                            : new DetachManagedPolicy(role.arn(), pick(random, role.attachedPolicyArns()));
                },
                () -> new SetRoleTrustPolicy(pick(random, s.iam().roles()).arn(), pick(random, TRUSTS)),
                () -> AddLambdaPermission.forApiGateway(pick(random, s.functions()).arn(), "sid" + step,
                        "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":" + apiId(s, random) + "/*/*/*", ACCOUNT),
                () -> new AddLambdaPermission(pick(random, s.functions()).arn(), "pub" + step, "*",
                        "lambda:InvokeFunction", null, null, null),
                () -> new SetFunctionPolicy(pick(random, s.functions()).arn(), null),
                () -> routeAuthorization(s, random));
        return pick(random, kinds).get();
    }

    /** A managed policy, weighted towards the most attached ones. */
    private static String popularPolicy(AccountSnapshot s, Random random) {
        Map<String, Integer> attached = new HashMap<>();
        s.iam().roles().forEach(r -> r.attachedPolicyArns().forEach(p -> attached.merge(p, 1, Integer::sum)));
        s.iam().users().forEach(u -> u.attachedPolicyArns().forEach(p -> attached.merge(p, 1, Integer::sum)));
        s.iam().groups().forEach(g -> g.attachedPolicyArns().forEach(p -> attached.merge(p, 1, Integer::sum)));
        List<String> byPopularity = new ArrayList<>(attached.keySet());
        byPopularity.sort(Comparator.comparing((String p) -> -attached.get(p)).thenComparing(p -> p));
        if (byPopularity.isEmpty()) {
            return pick(random, s.iam().managedPolicies()).arn();
        }
        return byPopularity.get(random.nextInt(Math.min(3, byPopularity.size())));
    }

    private static String apiId(AccountSnapshot s, Random random) {
        List<String> ids = new ArrayList<>();
        s.restApis().forEach(a -> ids.add(a.id()));
        s.apisV2().forEach(a -> ids.add(a.apiId()));
        return ids.isEmpty() ? "none" : pick(random, ids);
    }

    private static SnapshotEdit routeAuthorization(AccountSnapshot s, Random random) {
        List<SnapshotEdit> choices = new ArrayList<>();
        for (RestApi api : s.restApis()) {
            for (RestResource r : api.resources()) {
                for (RestMethod m : r.methods()) {
                    choices.add(SetRouteAuthorization.rest(api.id(), r.path(), m.httpMethod(), pick(random, AUTHS), null));
                }
            }
        }
        for (ApiV2 api : s.apisV2()) {
            for (RouteV2 route : api.routes()) {
                choices.add(SetRouteAuthorization.http(api.apiId(), route.routeKey(), pick(random, AUTHS), null));
            }
        }
        return choices.isEmpty() ? new SetFunctionPolicy(pick(random, s.functions()).arn(), null) : pick(random, choices);
    }

    private static List<String> principals(AccountSnapshot s) {
        List<String> out = new ArrayList<>();
        s.iam().roles().stream().map(IamRole::arn).forEach(out::add);
        s.iam().users().stream().map(IamUser::arn).forEach(out::add);
        s.iam().groups().stream().map(IamGroup::arn).forEach(out::add);
        return out;
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static PolicyText policy(String... statements) {
        return PolicyText.of(("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}")
                .replace('\'', '"'));
    }

    private static PolicyText trust(String principal) {
        return policy("{'Effect':'Allow','Principal':" + principal + ",'Action':'sts:AssumeRole'}");
    }
}
