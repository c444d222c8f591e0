package dev.iamatlas.model.bench;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.IntegrationV2;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.OrgLevel;
import dev.iamatlas.model.snapshot.OrgPolicy;
import dev.iamatlas.model.snapshot.Organization;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.PolicyVersion;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestIntegration;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RestStage;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.snapshot.ScanMetadata;
import dev.iamatlas.model.snapshot.StageV2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The stress account of the access-graph benchmark: shaped like a real account but harsher than the {@code synth}
 * generator's ({@link dev.iamatlas.model.synth.SyntheticAccountGenerator}). At scale 1: 10,000 roles (5,000 Lambda
 * execution roles, roles trusting the account, a partner account, services), 5,000 functions (aliases, versions,
 * function URLs), 1,000 APIs (700 REST, 300 HTTP) with 20,000 routes (20 per API, deployed to one or two stages), and
 * 20,000 policies: 10,000 inline role policies drawn from a mix of statements (a few admin, service-wide and NotAction
 * ones, denies, many on specific resources), 5,000 function policies (a third of the routes lack their permission),
 * 4,000 managed policies attached Zipf-like (the most popular to about 1,200 roles, and to groups), 1,000 user and
 * group policies; an organization with two SCP levels. Seeded: the same seed and scale give the same account.
 *
 * <p>Kept next to the {@code synth} generator so that the figures measured on it before stay comparable.
 */
public final class StressAccount {
    static final String ACCOUNT = "123456789012";
    static final String PARTNER = "210987654321";
    static final String REGION = "us-east-1";

    private final Random random;
    private final double scale;

    private StressAccount(long seed, double scale) {
        this.random = new Random(seed);
        this.scale = scale;
    }

    /**
     * The account at {@code scale} (1.0 = 10,000 roles, 5,000 functions, 1,000 APIs).
     *
     * @throws IllegalArgumentException when the scale is not positive
     */
    public static AccountSnapshot generate(double scale, long seed) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        return new StressAccount(seed, scale).build();
    }

    private int n(int base) {
        return Math.max(1, (int) Math.round(base * scale));
    }

    private static PolicyText policy(String... statements) {
        return PolicyText.of(("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}").replace('\'', '"'));
    }

    private static String fn(int i) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:fn-" + i;
    }

    private static String role(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    private String exec(String rest) {
        return "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":" + rest;
    }

    private static final String[] SERVICES = {"dynamodb", "s3", "sqs", "sns", "kms", "secretsmanager", "events", "logs"};
    private static final String[] ACTIONS = {"dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "s3:GetObject",
        "s3:PutObject", "sqs:SendMessage", "sqs:ReceiveMessage", "sns:Publish", "kms:Decrypt", "secretsmanager:GetSecretValue",
        "events:PutEvents", "logs:PutLogEvents"};

    private String statement() {
        int kind = random.nextInt(100);
        if (kind < 2) {
            return "{'Effect':'Allow','Action':'*','Resource':'*'}";
        }
        if (kind < 5) {
            return "{'Effect':'Allow','Action':'" + SERVICES[random.nextInt(SERVICES.length)] + ":*','Resource':'*'}";
        }
        if (kind < 6) {
            return "{'Effect':'Allow','NotAction':['iam:*','organizations:*'],'Resource':'*'}";
        }
        if (kind < 10) {
            return "{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':'" + fn(random.nextInt(n(5000))) + "*'}";
        }
        if (kind < 14) {
            return "{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'" + role("svc-" + random.nextInt(n(1000))) + "'}";
        }
        if (kind < 16) {
            return "{'Effect':'Deny','Action':['iam:*','organizations:*'],'Resource':'*'}";
        }
        StringBuilder actions = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            actions.append(i == 0 ? "" : ",").append("'").append(ACTIONS[random.nextInt(ACTIONS.length)]).append("'");
        }
        String service = SERVICES[random.nextInt(SERVICES.length)];
        return "{'Effect':'Allow','Action':[" + actions + "],'Resource':'arn:aws:" + service + ":" + REGION + ":" + ACCOUNT
                + ":res-" + random.nextInt(2000) + "'}";
    }

    private AccountSnapshot build() {
        AccountSnapshot.Builder b = AccountSnapshot.builder(new ScanMetadata(ACCOUNT, "synthetic", "aws", List.of(REGION),
                "synth", "bench", null, null, null, true, Map.of()));
        // Managed policies: 4,000, attached Zipf-like (a few very popular ones).
        int managedCount = n(4000);
        List<String> managed = new ArrayList<>();
        for (int i = 0; i < managedCount; i++) {
            String arn = "arn:aws:iam::" + ACCOUNT + ":policy/managed-" + i;
            managed.add(arn);
            String doc = i == 0
                    ? "{'Effect':'Allow','Action':['s3:Get*','s3:List*','dynamodb:Describe*','dynamodb:Get*','ec2:Describe*',"
                            + "'lambda:Get*','lambda:List*','iam:Get*','iam:List*','logs:Get*','cloudwatch:Describe*'],'Resource':'*'}"
                    : statement();
            b.managedPolicy(new ManagedPolicy(arn, "managed-" + i, "P" + i, "/", "v1", 1, 0,
                    List.of(new PolicyVersion("v1", true, policy(doc, statement()), null))));
        }
        // Roles: 10,000.
        int roles = n(10000);
        int executionRoles = n(5000);
        int trustAccount = n(1000);
        int partnerRoles = n(500);
        for (int i = 0; i < roles; i++) {
            String name;
            PolicyText trust;
            if (i < executionRoles) {
                name = "exec-" + i;
                trust = policy("{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},'Action':'sts:AssumeRole'}");
            } else if (i < executionRoles + trustAccount) {
                name = "svc-" + (i - executionRoles);
                trust = policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCOUNT + ":root'},'Action':'sts:AssumeRole'}");
            } else if (i < executionRoles + trustAccount + partnerRoles) {
                name = "partner-" + i;
                trust = policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + PARTNER + ":root'},'Action':'sts:AssumeRole'"
                        + (random.nextBoolean() ? ",'Condition':{'StringEquals':{'sts:ExternalId':'x" + i + "'}}" : "") + "}");
            } else {
                name = "app-" + i;
                String service = random.nextBoolean() ? "ec2.amazonaws.com" : "ecs-tasks.amazonaws.com";
                trust = policy("{'Effect':'Allow','Principal':{'Service':'" + service + "'},'Action':'sts:AssumeRole'}");
            }
            IamRole.Builder r = IamRole.builder(role(name), name).roleId("AROA" + i).trustPolicy(trust)
                    .inlinePolicy("inline", policy(statement(), statement()));
            int attach = 1 + random.nextInt(3);
            for (int a = 0; a < attach; a++) {
                int idx = (int) Math.floor(Math.pow(random.nextDouble(), 3) * managedCount);
                String arn = managed.get(idx);
                if (!r.build().attachedPolicyArns().contains(arn)) {
                    r.attachedPolicy(arn);
                }
            }
            b.role(r.build());
        }
        // Users and groups: 1,000 policies between them.
        int groups = n(50);
        for (int g = 0; g < groups; g++) {
            b.group(new IamGroup("arn:aws:iam::" + ACCOUNT + ":group/g" + g, "g" + g, "G" + g, "/",
                    List.of(new dev.iamatlas.model.snapshot.InlinePolicy("g", policy(statement()))),
                    List.of(managed.get(random.nextInt(Math.min(50, managedCount))))));
        }
        int users = n(950);
        for (int u = 0; u < users; u++) {
            b.user(IamUser.builder("arn:aws:iam::" + ACCOUNT + ":user/u" + u, "u" + u).group("g" + random.nextInt(groups))
                    .inlinePolicy("u", policy(statement())).build());
        }
        // APIs first, so functions can carry permissions for the routes that use them.
        int apis = n(1000);
        int functions = n(5000);
        List<List<String>> routesOfFunction = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            routesOfFunction.add(new ArrayList<>());
        }
        for (int a = 0; a < apis; a++) {
            boolean rest = a < apis * 7 / 10;
            String id = (rest ? "r" : "h") + String.format("%08d", a);
            int base = random.nextInt(functions);
            List<String> stages = a % 2 == 0 ? List.of("prod", "test") : List.of("prod");
            if (rest) {
                RestApi.Builder api = RestApi.builder(id, "api-" + a, REGION);
                boolean priv = random.nextInt(10) == 0;
                if (priv) {
                    api.endpointType("PRIVATE").vpcEndpointId("vpce-" + a).policy(policy("{'Effect':'Allow','Principal':'*',"
                            + "'Action':'execute-api:Invoke','Resource':'*','Condition':{'StringEquals':{'aws:SourceVpce':'vpce-" + a + "'}}}"));
                } else {
                    api.endpointType("REGIONAL");
                    if (random.nextInt(5) == 0) {
                        api.policy(policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'"
                                + exec(id + "/*") + "','Condition':{'IpAddress':{'aws:SourceIp':'198.51.100.0/24'}}}"));
                    }
                }
                for (String s : stages) {
                    api.stage(new RestStage(s, "d", Map.of("alias", "live"), null));
                }
                boolean authorizer = random.nextInt(5) == 0;
                int authFn = (base + 7) % functions;
                if (authorizer) {
                    api.authorizer(new RestAuthorizer("au", "auth", "TOKEN", invocation(fn(authFn)), null, List.of(), null));
                    routesOfFunction.get(authFn).add(exec(id + "/authorizers/au"));
                }
                for (int m = 0; m < 20; m++) {
                    int f = (base + random.nextInt(5)) % functions;
                    int auth = random.nextInt(10);
                    String type = auth < 6 ? "NONE" : auth < 8 ? "AWS_IAM" : authorizer ? "CUSTOM" : "NONE";
                    String method = m % 10 == 9 ? "ANY" : m % 2 == 0 ? "GET" : "POST";
                    String path = "/res" + (m / 2);
                    api.resource(new RestResource("res" + m, null, path + (m % 2 == 0 ? "" : "/item"), List.of(new RestMethod(method,
                            type, type.equals("CUSTOM") ? "au" : null, false, List.of(),
                            new RestIntegration("AWS_PROXY", invocation(fn(f)), "POST", null)))));
                    routesOfFunction.get(f).add(exec(id + "/*/" + (method.equals("ANY") ? "*" : method) + path
                            + (m % 2 == 0 ? "" : "/item")));
                }
                b.restApi(api.build());
            } else {
                ApiV2.Builder api = ApiV2.builder(id, "http-" + a, REGION, "HTTP");
                for (String s : stages) {
                    api.stage(new StageV2(s, null, true, Map.of()));
                }
                for (int r = 0; r < 20; r++) {
                    int f = (base + random.nextInt(5)) % functions;
                    api.integration(new IntegrationV2("i" + r, "AWS_PROXY", fn(f), null, "2.0"));
                    String key = r == 0 ? "$default" : (r % 2 == 0 ? "GET" : "POST") + " /items" + r;
                    api.route(new RouteV2("rt" + r, key, random.nextInt(4) == 0 ? "AWS_IAM" : "NONE", null, false, List.of(),
                            "integrations/i" + r));
                    routesOfFunction.get(f).add(exec(id + "/*/" + (r == 0 ? "$default" : key.replace(" /", "/"))));
                }
                b.apiV2(api.build());
            }
        }
        // Functions: 5,000, each with its own execution role; aliases, versions, URLs, resource policies.
        for (int i = 0; i < functions; i++) {
            String arn = fn(i);
            String exec = role("exec-" + (i % executionRoles));
            LambdaFunction.Builder f = LambdaFunction.builder(arn, "fn-" + i, REGION).runtime("nodejs20.x").roleArn(exec);
            List<String> statements = new ArrayList<>();
            List<String> sources = routesOfFunction.get(i);
            int shape = random.nextInt(10);
            for (int s = 0; s < sources.size() && s < 6; s++) {
                if (shape == 0) {
                    break; // permission missing: a broken link
                }
                String source = shape == 1 ? sources.get(s).substring(0, sources.get(s).indexOf('/') + 1) + "*/*/*" : sources.get(s);
                statements.add("{'Sid':'apigw" + s + "','Effect':'Allow','Principal':{'Service':'apigateway.amazonaws.com'},"
                        + "'Action':'lambda:InvokeFunction','Resource':'" + arn + "','Condition':{'ArnLike':{'AWS:SourceArn':'"
                        + source + "'}}}");
            }
            if (shape == 2) {
                statements.add("{'Sid':'events','Effect':'Allow','Principal':{'Service':'events.amazonaws.com'},"
                        + "'Action':'lambda:InvokeFunction','Resource':'" + arn + "'}");
            }
            if (random.nextInt(50) == 0) {
                statements.add("{'Sid':'partner','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + PARTNER + ":root'},"
                        + "'Action':'lambda:InvokeFunction','Resource':'" + arn + "'}");
            }
            if (random.nextInt(20) == 0) {
                statements.add("{'Sid':'FunctionURLAllowPublicAccess','Effect':'Allow','Principal':'*','Action':"
                        + "'lambda:InvokeFunctionUrl','Resource':'" + arn + "','Condition':{'StringEquals':"
                        + "{'lambda:FunctionUrlAuthType':'NONE'}}}");
                f.urlConfig(new FunctionUrlConfig("https://fn" + i + ".lambda-url." + REGION + ".on.aws/", arn, null, "NONE", null));
            }
            if (statements.isEmpty()) {
                statements.add("{'Sid':'s3','Effect':'Allow','Principal':{'Service':'s3.amazonaws.com'},"
                        + "'Action':'lambda:InvokeFunction','Resource':'" + arn + "','Condition':{'StringEquals':"
                        + "{'AWS:SourceAccount':'" + ACCOUNT + "'}}}");
            }
            f.resourcePolicy(policy(statements.toArray(new String[0])));
            if (random.nextInt(10) < 3) {
                f.version(new FunctionVersion("1", arn + ":1", exec, null));
                f.alias(new FunctionAlias("live", arn + ":live", "1", Map.of(), null));
            }
            b.function(f.build());
        }
        OrgLevel root = new OrgLevel("r-root", "Root", "ROOT", List.of(new OrgPolicy("p-FullAWSAccess",
                "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "FullAWSAccess", true,
                policy("{'Effect':'Allow','Action':'*','Resource':'*'}"))));
        OrgLevel ou = new OrgLevel("ou-prod", "Prod", "ORGANIZATIONAL_UNIT", List.of(new OrgPolicy("p-full2", "arn:p2",
                "FullAWSAccess", true, policy("{'Effect':'Allow','Action':'*','Resource':'*'}")), new OrgPolicy("p-guard",
                "arn:p3", "guardrails", false, policy("{'Effect':'Deny','Action':['organizations:LeaveOrganization',"
                        + "'account:CloseAccount'],'Resource':'*'}"))));
        b.organization(new Organization("o-synthetic", "999999999999", List.of(root, ou), List.of()));
        return b.build();
    }

    private static String invocation(String functionArn) {
        return "arn:aws:apigateway:" + REGION + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }
}
