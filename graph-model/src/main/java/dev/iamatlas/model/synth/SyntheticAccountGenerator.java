package dev.iamatlas.model.synth;

import static dev.iamatlas.model.synth.AwsPolicies.allow;
import static dev.iamatlas.model.synth.AwsPolicies.deny;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.AuthorizerV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.InlinePolicy;
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
import dev.iamatlas.model.synth.AwsPolicies.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a large synthetic account that looks like a real serverless one, for benchmarks and tests. The same
 * {@link SynthConfig} gives the same snapshot (and so the same JSON, byte for byte): every choice comes from one
 * {@link SplittableRandom} seeded with {@link SynthConfig#seed()}, and nothing depends on the clock or on hash
 * order.
 *
 * <p>What it contains, in realistic proportions:
 * <ul>
 *   <li>functions spread over three regions, with published versions, aliases ({@code live}, {@code canary},
 *       some weighted), a few function URLs (auth type NONE or AWS_IAM), and resource policies per qualifier as
 *       {@code add-permission} writes them: mostly exact {@code AWS:SourceArn}s, some {@code API_ID/*}{@code /*}
 *       or stage-wildcard ones, a few account-wide, a few with no source, some missing, some left over from APIs
 *       that no longer exist, a few cross-account, and S3/SNS/EventBridge triggers;</li>
 *   <li>REST APIs with {@code prod} and {@code dev} stages whose {@code alias} variable picks the Lambda alias,
 *       resource trees with several methods each, AWS_PROXY integrations mostly (also AWS with credentials roles,
 *       HTTP, HTTP_PROXY, MOCK), NONE / AWS_IAM / CUSTOM (Lambda TOKEN and REQUEST authorizers) /
 *       COGNITO_USER_POOLS authorization, API keys, EDGE / REGIONAL / PRIVATE endpoints, private APIs with a
 *       VPC-endpoint resource policy and some public ones restricted by source IP;</li>
 *   <li>HTTP APIs ({@code $default} stage, JWT and Lambda authorizers, a {@code $default} route on some) and
 *       WebSocket APIs ({@code $connect}, {@code $disconnect}, {@code $default} and custom routes);</li>
 *   <li>execution roles trusting {@code lambda.amazonaws.com} with inline and managed policies over DynamoDB, S3,
 *       SQS, SNS, KMS, Secrets Manager and CloudWatch Logs, a few admin-like ones, permission boundaries on some;
 *       API Gateway credentials roles (a few broken); service-linked roles; cross-account roles with and without
 *       {@code sts:ExternalId}; IAM Identity Center and GitHub OIDC roles; service roles of other services;</li>
 *   <li>users and groups, customer-managed policies with several versions (not always the newest as default), and
 *       an organization with SCPs at the root, two OUs and the account.</li>
 * </ul>
 *
 * <p>Running time and memory are linear in the sizes; the benchmark account takes a second or two.
 */
public final class SyntheticAccountGenerator {

    private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2"};
    private static final double[] REGION_WEIGHTS = {0.55, 0.30, 0.15};
    private static final String[] PARTNER_ACCOUNTS = {"210987654321", "345678901234", "456789012345",
        "567890123456"};
    private static final String[] DOMAINS = {"orders", "payments", "catalog", "inventory", "shipping", "users",
        "auth", "search", "reviews", "cart", "checkout", "notifications", "billing", "invoices", "reports",
        "analytics", "media", "recommendations", "loyalty", "returns", "pricing", "promotions", "accounts",
        "profiles", "sessions", "ledger", "fraud", "tax", "webhooks", "feeds", "exports", "imports", "audit",
        "subscriptions", "wishlist", "warehouse", "suppliers", "quotes", "support", "content"};
    private static final String[] SUFFIXES = {"handler", "api", "processor", "worker", "sync", "resolver",
        "consumer", "scheduler", "generator", "service", "listener", "publisher"};
    private static final String[] SUBRESOURCES = {"items", "status", "history", "notes", "attachments", "events",
        "lines", "summary"};
    private static final String[] RUNTIMES = {"python3.12", "nodejs20.x", "java17", "python3.11", "nodejs18.x",
        "provided.al2023", "java21", "python3.9"};
    private static final String[] FIRST_NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"};
    private static final String[] LAST_NAMES = {"nguyen", "martin", "garcia", "smith", "kowalski", "rossi",
        "muller", "tanaka", "okafor", "silva", "johansson", "dubois"};
    private static final String[] GROUPS = {"admins", "developers", "readonly", "data-engineers", "support",
        "billing", "security-auditors", "operations", "qa", "contractors", "release-managers", "analysts"};
    private static final String[] OTHER_SERVICES = {"ecs-tasks.amazonaws.com", "states.amazonaws.com",
        "events.amazonaws.com", "codebuild.amazonaws.com", "glue.amazonaws.com", "ec2.amazonaws.com",
        "scheduler.amazonaws.com", "firehose.amazonaws.com", "pipes.amazonaws.com", "appsync.amazonaws.com"};
    private static final String[] SERVICE_LINKED = {"ops.apigateway.amazonaws.com/AWSServiceRoleForAPIGateway",
        "support.amazonaws.com/AWSServiceRoleForSupport",
        "trustedadvisor.amazonaws.com/AWSServiceRoleForTrustedAdvisor",
        "organizations.amazonaws.com/AWSServiceRoleForOrganizations",
        "sso.amazonaws.com/AWSServiceRoleForSSO",
        "replicator.lambda.amazonaws.com/AWSServiceRoleForLambdaReplicator"};
    /** More routes than this on one qualifier are granted with API-wide wildcards. */
    private static final int MAX_EXACT_STATEMENTS = 24;
    private static final String[] METHODS_COLLECTION = {"GET", "POST"};
    private static final String[] METHODS_ITEM = {"GET", "PUT", "DELETE", "PATCH"};
    private static final String[] METHODS_SUB = {"GET", "POST"};

    private final SynthConfig config;
    private final SplittableRandom rnd;
    private final String account;
    private final String orgId;

    private final List<FnDraft> functions = new ArrayList<>();
    private final Map<String, List<FnDraft>> functionsByRegion = new TreeMap<>();
    private final List<RoleDraft> roles = new ArrayList<>();
    private final List<RoleDraft> execRoles = new ArrayList<>();
    private final List<RoleDraft> invokerRoles = new ArrayList<>();
    private final Set<String> usedIds = new HashSet<>();
    private final Set<String> apiIds = new HashSet<>();
    private final Set<String> roleNames = new HashSet<>();
    private final List<RestApi> restApis = new ArrayList<>();
    private final List<ApiV2> apisV2 = new ArrayList<>();
    private final Set<String> regionsUsed = new TreeSet<>();
    private final Map<String, ManagedPolicyDraft> managedDrafts = new LinkedHashMap<>();
    private int policiesSoFar;

    private SyntheticAccountGenerator(SynthConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.rnd = new SplittableRandom(config.seed());
        this.account = config.accountId();
        this.orgId = "o-" + AwsIds.lower("org#" + config.seed(), 10);
    }

    /**
     * Generates the account described by {@code config}.
     *
     * @return a snapshot with source {@code synth}, complete, in the regions it used
     */
    public static AccountSnapshot generate(SynthConfig config) {
        return new SyntheticAccountGenerator(config).run();
    }

    private AccountSnapshot run() {
        planFunctions();
        planExecutionRoles();
        planInvokerRoles();
        planApis();
        List<LambdaFunction> builtFunctions = writeFunctionPolicies();
        planOtherRoles();
        List<UserDraft> users = planUsers();
        List<GroupDraft> groups = planGroups(users);
        List<ManagedPolicy> managed = planPoliciesToTarget(users, groups);

        AccountSnapshot.Builder b = AccountSnapshot.builder(new ScanMetadata(account, "synth-" + config.seed(),
                "aws", List.copyOf(regionsUsed.isEmpty() ? Set.of(REGIONS[0]) : regionsUsed), "synth", null, null,
                null, null, true, Map.of()));
        groups.forEach(g -> b.group(g.build()));
        users.forEach(u -> b.user(u.build()));
        roles.forEach(r -> b.role(r.build()));
        managed.forEach(b::managedPolicy);
        b.organization(organization());
        builtFunctions.forEach(b::function);
        restApis.forEach(b::restApi);
        apisV2.forEach(b::apiV2);
        return b.build();
    }

    // ----------------------------------------------------------------------------------------------- functions

    private void planFunctions() {
        for (int i = 0; i < config.functions(); i++) {
            String domain = pick(DOMAINS);
            boolean authorizer = rnd.nextDouble() < 0.03;
            String suffix = authorizer ? "authorizer" : pick(SUFFIXES);
            String name = domain + "-" + suffix + "-" + String.format("%04d", i);
            String region = weightedRegion();
            FnDraft fn = new FnDraft(domain, name, region, Arns.function(region, account, name), authorizer);
            fn.runtime = pick(RUNTIMES);
            fn.handler = handlerFor(fn.runtime, domain);
            fn.description = capitalise(domain) + " " + suffix + (rnd.nextDouble() < 0.2 ? " (legacy)" : "");
            fn.lastModified = day(2023, 1100) + "T" + two(rnd.nextInt(24)) + ":" + two(rnd.nextInt(60)) + ":"
                    + two(rnd.nextInt(60)) + ".000+0000";
            int versions = rnd.nextDouble() < 0.25 ? 0 : 1 + rnd.nextInt(6);
            int first = 1 + rnd.nextInt(40);
            for (int v = 0; v < versions; v++) {
                fn.versions.add(Integer.toString(first + v));
            }
            if (versions > 0) {
                String latest = fn.versions.get(versions - 1);
                String previous = versions > 1 ? fn.versions.get(versions - 2) : latest;
                boolean canary = rnd.nextDouble() < 0.45;
                fn.aliases.put("live", canary ? previous : latest);
                if (canary) {
                    fn.aliases.put("canary", latest);
                } else if (versions > 1 && rnd.nextDouble() < 0.1) {
                    fn.weights.put("live", Map.of(latest, 0.1));
                    fn.aliases.put("live", previous);
                }
                if (rnd.nextDouble() < 0.1) {
                    fn.aliases.put("dev", latest);
                }
            }
            if (rnd.nextDouble() < 0.03) {
                boolean publicUrl = rnd.nextDouble() < 0.6;
                String qualifier = fn.aliases.containsKey("live") && rnd.nextBoolean() ? "live" : null;
                String target = qualifier == null ? fn.arn : Arns.qualified(fn.arn, qualifier);
                fn.url = new FunctionUrlConfig("https://" + AwsIds.lower("url#" + name, 32) + ".lambda-url."
                        + region + ".on.aws/", target, qualifier, publicUrl ? "NONE" : "AWS_IAM",
                        rnd.nextDouble() < 0.9 ? "BUFFERED" : "RESPONSE_STREAM");
            }
            functions.add(fn);
            functionsByRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(fn);
            regionsUsed.add(region);
        }
    }

    private static String handlerFor(String runtime, String domain) {
        if (runtime.startsWith("java")) {
            return "com.example." + domain.replace("-", "") + ".Handler::handleRequest";
        }
        if (runtime.startsWith("provided")) {
            return "bootstrap";
        }
        return runtime.startsWith("python") ? "app.handler" : "index.handler";
    }

    // ------------------------------------------------------------------------------------------------- roles

    private void planExecutionRoles() {
        if (functions.isEmpty()) {
            return;
        }
        int count = Math.min(config.roles(), Math.max(1, (int) Math.round(functions.size() * 0.92)));
        for (int i = 0; i < functions.size(); i++) {
            FnDraft fn = functions.get(i);
            RoleDraft role;
            if (i < count) {
                String path = rnd.nextBoolean() ? "/service-role/" : "/";
                role = newRole(fn.name + "-role", path, AwsPolicies.serviceTrust("lambda.amazonaws.com"));
                role.exec = true;
                role.domain = fn.domain;
                role.region = fn.region;
                execRoles.add(role);
                executionRolePolicies(role, fn);
            } else {
                role = execRoles.get(rnd.nextInt(execRoles.size()));
            }
            fn.roleArn = role.arn;
        }
    }

    private void executionRolePolicies(RoleDraft role, FnDraft fn) {
        double basic = rnd.nextDouble();
        role.attached.add(basic < 0.85 ? AwsManagedPolicies.LAMBDA_BASIC_EXECUTION
                : basic < 0.95 ? AwsManagedPolicies.LAMBDA_VPC_ACCESS_EXECUTION
                : AwsManagedPolicies.LAMBDA_SQS_QUEUE_EXECUTION);
        if (rnd.nextDouble() < 0.2) {
            role.attached.add(AwsManagedPolicies.XRAY_DAEMON_WRITE);
        }
        double risky = rnd.nextDouble();
        if (risky < 0.005) {
            role.attached.add(AwsManagedPolicies.ADMINISTRATOR_ACCESS);
        } else if (risky < 0.008) {
            role.attached.add(AwsManagedPolicies.IAM_FULL_ACCESS);
        } else if (risky < 0.018) {
            role.attached.add(AwsManagedPolicies.POWER_USER_ACCESS);
        } else if (risky < 0.023) {
            role.inline.put("deployment-helper", AwsPolicies.document(
                    allow().action("iam:PassRole").resource("*"),
                    allow().action("lambda:CreateFunction", "lambda:UpdateFunctionConfiguration",
                            "lambda:UpdateFunctionCode").resource("*")));
        } else if (risky < 0.04) {
            role.attached.add(rnd.nextBoolean() ? AwsManagedPolicies.S3_FULL_ACCESS
                    : AwsManagedPolicies.DYNAMODB_FULL_ACCESS);
        }
        role.inline.put(fn.domain + "-access", dataAccessPolicy(fn.domain, fn.region, 1 + rnd.nextInt(3)));
        if (rnd.nextDouble() < 0.15) {
            role.wantsBoundary = true;
        }
        role.tags.put("app", fn.domain);
        if (rnd.nextDouble() < 0.5) {
            role.tags.put("team", fn.domain + "-team");
        }
    }

    /** An identity policy over the data services a function of {@code domain} typically uses. */
    private PolicyText dataAccessPolicy(String domain, String region, int statements) {
        List<Statement> list = new ArrayList<>();
        Set<Integer> kinds = new TreeSet<>();
        while (kinds.size() < statements) {
            kinds.add(rnd.nextInt(6));
        }
        for (int kind : kinds) {
            list.add(switch (kind) {
                case 0 -> allow().action(rnd.nextBoolean()
                                ? new String[] {"dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"}
                                : new String[] {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                                    "dynamodb:DeleteItem", "dynamodb:Query"})
                        .resource("arn:aws:dynamodb:" + region + ":" + account + ":table/" + domain,
                                "arn:aws:dynamodb:" + region + ":" + account + ":table/" + domain + "/index/*");
                case 1 -> allow().action("s3:GetObject", "s3:PutObject")
                        .resource("arn:aws:s3:::acme-" + domain + "-" + account + "/*");
                case 2 -> allow().action("sqs:SendMessage", "sqs:GetQueueUrl")
                        .resource("arn:aws:sqs:" + region + ":" + account + ":" + domain + "-events");
                case 3 -> allow().action("sns:Publish")
                        .resource("arn:aws:sns:" + region + ":" + account + ":" + domain + "-notifications");
                case 4 -> allow().action("kms:Decrypt", "kms:GenerateDataKey")
                        .resource("arn:aws:kms:" + region + ":" + account + ":key/" + uuid());
                default -> allow().action("secretsmanager:GetSecretValue")
                        .resource("arn:aws:secretsmanager:" + region + ":" + account + ":secret:prod/" + domain
                                + "/*");
            });
        }
        return AwsPolicies.document(list);
    }

    private void planInvokerRoles() {
        int available = config.roles() - roles.size();
        if (functions.isEmpty() || config.apis() == 0 || available <= 0) {
            return;
        }
        int count = Math.min(available, Math.max(1, (int) Math.ceil(config.apis() / 25.0)));
        for (int i = 0; i < count; i++) {
            boolean broken = rnd.nextDouble() < 0.1;
            RoleDraft role = newRole("apigw-invoke-" + pick(DOMAINS) + "-" + i, "/",
                    AwsPolicies.serviceTrust(broken ? "lambda.amazonaws.com" : LambdaPermissions.APIGATEWAY));
            role.invoker = true;
            invokerRoles.add(role);
        }
    }

    private void planOtherRoles() {
        // Invoker roles get their policy now that the integrations that use them are known.
        for (RoleDraft invoker : invokerRoles) {
            List<String> targets = new ArrayList<>(invoker.invokes);
            if (targets.size() > 1 && rnd.nextDouble() < 0.1) {
                targets.remove(targets.size() - 1); // forgot one: a broken credentials role
            }
            if (targets.isEmpty()) {
                targets.add(Arns.function(REGIONS[0], account, "retired-function"));
            }
            invoker.inline.put("invoke-functions", AwsPolicies.document(
                    allow().action("lambda:InvokeFunction").resource(targets.toArray(String[]::new))));
        }
        int remaining = config.roles() - roles.size();
        int slr = 0;
        for (int i = 0; i < remaining; i++) {
            if (slr < SERVICE_LINKED.length && i % 97 == 0) {
                String[] parts = SERVICE_LINKED[slr++].split("/");
                RoleDraft role = newRole(parts[1], "/aws-service-role/" + parts[0] + "/",
                        AwsPolicies.serviceTrust(parts[0]));
                if (parts[0].startsWith("ops.apigateway")) {
                    role.attached.add(AwsManagedPolicies.APIGATEWAY_SERVICE_ROLE_POLICY);
                }
                continue;
            }
            if (i == 1) {
                RoleDraft role = newRole("api-gateway-cloudwatch-logs", "/",
                        AwsPolicies.serviceTrust(LambdaPermissions.APIGATEWAY));
                role.attached.add(AwsManagedPolicies.APIGATEWAY_PUSH_TO_CLOUDWATCH_LOGS);
                continue;
            }
            double kind = rnd.nextDouble();
            String domain = pick(DOMAINS);
            if (kind < 0.03) {
                crossAccountRole(domain, i);
            } else if (kind < 0.045) {
                ssoRole(i);
            } else if (kind < 0.055) {
                RoleDraft role = newRole("github-deploy-" + domain + "-" + i, "/", AwsPolicies.document(
                        allow().federated("arn:aws:iam::" + account + ":oidc-provider/token.actions.githubusercontent.com")
                                .action("sts:AssumeRoleWithWebIdentity")
                                .condition("StringEquals", "token.actions.githubusercontent.com:aud",
                                        "sts.amazonaws.com")
                                .condition("StringLike", "token.actions.githubusercontent.com:sub",
                                        "repo:acme/" + domain + ":ref:refs/heads/main")));
                role.inline.put("deploy", AwsPolicies.document(
                        allow().action("lambda:UpdateFunctionCode", "lambda:PublishVersion", "lambda:UpdateAlias")
                                .resource("arn:aws:lambda:*:" + account + ":function:" + domain + "-*"),
                        allow().action("iam:PassRole").resource("arn:aws:iam::" + account + ":role/" + domain + "-*")
                                .condition("StringEquals", "iam:PassedToService", "lambda.amazonaws.com")));
            } else if (kind < 0.06) {
                RoleDraft role = newRole("org-" + domain + "-reader-" + i, "/", AwsPolicies.document(
                        allow().aws("*").action("sts:AssumeRole")
                                .condition("StringEquals", "aws:PrincipalOrgID", orgId)));
                role.attached.add(AwsManagedPolicies.READ_ONLY_ACCESS);
            } else {
                String service = pick(OTHER_SERVICES);
                String short0 = service.substring(0, service.indexOf('.'));
                RoleDraft role = newRole(domain + "-" + short0 + "-role-" + i,
                        rnd.nextDouble() < 0.3 ? "/service-role/" : "/", AwsPolicies.serviceTrust(service));
                role.domain = domain;
                role.region = weightedRegion();
                if (rnd.nextDouble() < 0.2) {
                    role.wantsBoundary = true;
                }
                if (rnd.nextDouble() < 0.02) {
                    role.attached.add(AwsManagedPolicies.POWER_USER_ACCESS);
                }
            }
        }
    }

    private void crossAccountRole(String domain, int i) {
        String partner = pick(PARTNER_ACCOUNTS);
        double how = rnd.nextDouble();
        Statement trust;
        if (how < 0.5) {
            trust = allow().aws(Arns.accountRoot(partner)).action("sts:AssumeRole")
                    .condition("StringEquals", "sts:ExternalId", AwsIds.lower("ext#" + i, 20));
        } else if (how < 0.75) {
            trust = allow().aws(Arns.accountRoot(partner)).action("sts:AssumeRole");
        } else {
            trust = allow().aws(Arns.role(partner, "/", "integration-" + domain)).action("sts:AssumeRole");
        }
        RoleDraft role = newRole("partner-" + domain + "-access-" + i, "/", AwsPolicies.document(trust));
        role.tags.put("partner-account", partner);
        role.domain = domain;
        role.region = weightedRegion();
    }

    private void ssoRole(int i) {
        String[] sets = {"AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "Billing"};
        String set = sets[rnd.nextInt(sets.length)];
        RoleDraft role = newRole("AWSReservedSSO_" + set + "_" + AwsIds.lower("sso#" + i, 16),
                "/aws-reserved/sso.amazonaws.com/", AwsPolicies.document(allow()
                        .federated("arn:aws:iam::" + account + ":saml-provider/AWSSSO_" + AwsIds.lower("idp", 16)
                                + "_DO_NOT_DELETE")
                        .action("sts:AssumeRoleWithSAML", "sts:TagSession")
                        .condition("StringEquals", "SAML:aud", "https://signin.aws.amazon.com/saml")));
        role.attached.add(switch (set) {
            case "AdministratorAccess" -> AwsManagedPolicies.ADMINISTRATOR_ACCESS;
            case "PowerUserAccess" -> AwsManagedPolicies.POWER_USER_ACCESS;
            default -> AwsManagedPolicies.READ_ONLY_ACCESS;
        });
    }

    private RoleDraft newRole(String name, String path, PolicyText trust) {
        String unique = name;
        for (int n = 2; !roleNames.add(unique); n++) {
            unique = name + "-" + n;
        }
        RoleDraft role = new RoleDraft(unique, path, Arns.role(account, path, unique), trust);
        roles.add(role);
        return role;
    }

    // -------------------------------------------------------------------------------------------------- APIs

    private void planApis() {
        int apis = config.apis();
        if (apis == 0) {
            return;
        }
        double[] weights = new double[apis];
        double total = 0;
        for (int i = 0; i < apis; i++) {
            weights[i] = 0.25 + rnd.nextDouble() * 1.5;
            total += weights[i];
        }
        int extra = config.routes() - apis;
        int[] counts = new int[apis];
        int assigned = 0;
        for (int i = 0; i < apis; i++) {
            counts[i] = 1 + (int) Math.floor(extra * weights[i] / total);
            assigned += counts[i];
        }
        for (int i = 0; assigned < config.routes(); i = (i + 1) % apis) {
            counts[i]++;
            assigned++;
        }
        for (int i = 0; i < apis; i++) {
            double kind = rnd.nextDouble();
            if (kind < 0.70) {
                restApi(i, counts[i]);
            } else if (kind < 0.95) {
                httpApi(i, counts[i]);
            } else {
                webSocketApi(i, counts[i]);
            }
        }
    }

    private String apiRegion() {
        String region = weightedRegion();
        if (!functionsByRegion.containsKey(region) && !functions.isEmpty()) {
            region = functions.get(rnd.nextInt(functions.size())).region;
        }
        regionsUsed.add(region);
        return region;
    }

    private String newApiId(String seed) {
        String id = AwsIds.lower(config.seed() + "#" + seed, 10);
        for (int n = 1; !usedIds.add(id); n++) {
            id = AwsIds.lower(config.seed() + "#" + seed + "#" + n, 10);
        }
        apiIds.add(id);
        return id;
    }

    private String newId(String seed, int length) {
        String id = AwsIds.lower(config.seed() + "#" + seed, length);
        for (int n = 1; !usedIds.add(id); n++) {
            id = AwsIds.lower(config.seed() + "#" + seed + "#" + n, length);
        }
        return id;
    }

    /** The functions one API integrates with: a handful of microservices from its region. */
    private List<FnDraft> backendPool(String region) {
        List<FnDraft> local = functionsByRegion.getOrDefault(region, List.of());
        List<FnDraft> pool = new ArrayList<>();
        if (local.isEmpty()) {
            return pool;
        }
        int size = Math.min(local.size(), 1 + rnd.nextInt(8));
        Set<Integer> chosen = new TreeSet<>();
        for (int tries = 0; chosen.size() < size && tries < size * 4; tries++) {
            chosen.add(rnd.nextInt(local.size()));
        }
        chosen.forEach(i -> pool.add(local.get(i)));
        return pool;
    }

    private FnDraft authorizerFunction(String region) {
        List<FnDraft> local = functionsByRegion.getOrDefault(region, List.of());
        List<FnDraft> authorizers = local.stream().filter(f -> f.authorizer).toList();
        List<FnDraft> from = authorizers.isEmpty() ? local : authorizers;
        return from.isEmpty() ? null : from.get(rnd.nextInt(from.size()));
    }

    private void restApi(int index, int routeBudget) {
        String region = apiRegion();
        String id = newApiId("rest#" + index);
        List<FnDraft> pool = backendPool(region);
        String name = (pool.isEmpty() ? pick(DOMAINS) : pool.get(0).domain) + "-api" + (rnd.nextDouble() < 0.2
                ? "-v2" : "") + "-" + index;
        RestApi.Builder api = RestApi.builder(id, name, region);
        double endpoint = rnd.nextDouble();
        String type = endpoint < 0.08 ? "PRIVATE" : endpoint < 0.30 ? "EDGE" : "REGIONAL";
        api.endpointType(type);
        String prefix = Arns.executeApiPrefix(region, account);
        String wholeApi = prefix + id + "/*";
        if ("PRIVATE".equals(type)) {
            String vpce = "vpce-" + AwsIds.lower("vpce#" + index, 17);
            api.vpcEndpointId(vpce);
            api.policy(AwsPolicies.document(
                    deny().anyone().action("execute-api:Invoke").resource(wholeApi)
                            .condition("StringNotEquals", "aws:SourceVpce", vpce),
                    allow().anyone().action("execute-api:Invoke").resource(wholeApi)));
        } else {
            double policy = rnd.nextDouble();
            if (policy < 0.12) {
                api.policy(AwsPolicies.document(
                        allow().anyone().action("execute-api:Invoke").resource(wholeApi),
                        deny().anyone().action("execute-api:Invoke").resource(wholeApi)
                                .condition("NotIpAddress", "aws:SourceIp", "203.0.113.0/24",
                                        "198.51.100." + rnd.nextInt(256) + "/32")));
            } else if (policy < 0.15) {
                api.policy(AwsPolicies.document(allow().aws(Arns.accountRoot(pick(PARTNER_ACCOUNTS)))
                        .action("execute-api:Invoke").resource(prefix + id + "/prod/*")));
            }
        }
        if (rnd.nextDouble() < 0.15) {
            api.apiKeySource("HEADER");
        }
        boolean dev = rnd.nextDouble() < 0.75;
        List<RestStage> stages = new ArrayList<>();
        stages.add(new RestStage("prod", AwsIds.lower(id + "#prod", 6), Map.of("alias", "live", "env", "prod"),
                rnd.nextDouble() < 0.2 ? "arn:aws:wafv2:" + region + ":" + account + ":regional/webacl/" + name
                        + "-waf/" + uuid() : null));
        if (dev) {
            stages.add(new RestStage("dev", AwsIds.lower(id + "#dev", 6), Map.of("alias", "canary", "env", "dev"),
                    null));
        }
        stages.forEach(api::stage);

        RestAuthorizer lambdaAuth = null;
        RestAuthorizer cognito = null;
        if (!pool.isEmpty() && rnd.nextDouble() < 0.35) {
            FnDraft af = authorizerFunction(region);
            String qualifier = af.aliases.containsKey("live") ? "live" : null;
            String target = qualifier == null ? af.arn : Arns.qualified(af.arn, qualifier);
            String authId = newId(id + "#auth", 6);
            boolean token = rnd.nextBoolean();
            lambdaAuth = new RestAuthorizer(authId, af.domain + "-authorizer", token ? "TOKEN" : "REQUEST",
                    Arns.lambdaInvocationUri(region, target), null, List.of(),
                    token ? "method.request.header.Authorization"
                            : "method.request.header.Authorization,context.sourceIp");
            af.need(qualifier, id, Arns.executeApiAuthorizer(region, account, id, authId));
            api.authorizer(lambdaAuth);
        }
        if (rnd.nextDouble() < 0.2) {
            cognito = new RestAuthorizer(newId(id + "#cognito", 6), "cognito-users", "COGNITO_USER_POOLS", null,
                    null, List.of("arn:aws:cognito-idp:" + region + ":" + account + ":userpool/" + region + "_"
                            + AwsIds.upper("pool#" + id, 9)), "method.request.header.Authorization");
            api.authorizer(cognito);
        }

        ApiContext ctx = new ApiContext(id, region, stages, lambdaAuth, cognito);
        String rootId = newId(id + "#root", 10);
        Map<String, String> resourceIds = new LinkedHashMap<>();
        Map<String, List<RestMethod>> methods = new LinkedHashMap<>();
        resourceIds.put("/", rootId);
        methods.put("/", new ArrayList<>());
        int used = 0;
        int group = 0;
        int start = rnd.nextInt(DOMAINS.length);
        while (used < routeBudget) {
            String top = DOMAINS[(start + group) % DOMAINS.length]
                    + (group >= DOMAINS.length ? "-" + (group / DOMAINS.length + 1) : "");
            FnDraft fn = pool.isEmpty() ? null : pool.get(group % pool.size());
            String param = "{" + singular(top) + "Id}";
            List<String[]> plan = new ArrayList<>();
            plan.add(new String[] {"/" + top, "c"});
            plan.add(new String[] {"/" + top + "/" + param, "i"});
            for (String sub : SUBRESOURCES) {
                plan.add(new String[] {"/" + top + "/" + param + "/" + sub, "s"});
            }
            if (rnd.nextDouble() < 0.15) {
                plan.add(1, new String[] {"/" + top + "/{proxy+}", "p"});
            }
            for (String[] step : plan) {
                if (used >= routeBudget) {
                    break;
                }
                String path = step[0];
                String[] verbs = switch (step[1]) {
                    case "c" -> METHODS_COLLECTION;
                    case "i" -> METHODS_ITEM;
                    case "p" -> new String[] {"ANY"};
                    default -> METHODS_SUB;
                };
                List<RestMethod> onPath = new ArrayList<>();
                int wanted = step[1].equals("p") ? 1 : 1 + rnd.nextInt(verbs.length);
                for (int v = 0; v < wanted && used < routeBudget; v++) {
                    onPath.add(restMethod(ctx, verbs[v], path, fn));
                    used++;
                }
                if (used < routeBudget && rnd.nextDouble() < 0.2) {
                    onPath.add(new RestMethod("OPTIONS", "NONE", null, false, List.of(),
                            new RestIntegration("MOCK", null, null, null)));
                    used++;
                }
                addResource(resourceIds, methods, id, path, onPath);
            }
            group++;
        }
        for (Map.Entry<String, String> e : resourceIds.entrySet()) {
            String path = e.getKey();
            String parent = "/".equals(path) ? null : resourceIds.get(parentPath(path));
            api.resource(new RestResource(e.getValue(), parent, path, methods.get(path)));
        }
        restApis.add(api.build());
    }

    private void addResource(Map<String, String> ids, Map<String, List<RestMethod>> methods, String apiId,
            String path, List<RestMethod> onPath) {
        String parent = parentPath(path);
        if (!ids.containsKey(parent)) {
            addResource(ids, methods, apiId, parent, List.of());
        }
        ids.computeIfAbsent(path, p -> newId(apiId + "#" + p, 6));
        methods.computeIfAbsent(path, p -> new ArrayList<>()).addAll(onPath);
    }

    private static String parentPath(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private RestMethod restMethod(ApiContext ctx, String verb, String path, FnDraft fn) {
        String auth;
        String authorizerId = null;
        List<String> scopes = List.of();
        double a = rnd.nextDouble();
        if (ctx.lambdaAuth != null && a < 0.55) {
            auth = "CUSTOM";
            authorizerId = ctx.lambdaAuth.id();
        } else if (ctx.cognito != null && a < 0.8) {
            auth = "COGNITO_USER_POOLS";
            authorizerId = ctx.cognito.id();
            if (rnd.nextBoolean()) {
                scopes = List.of("shop/" + ("GET".equals(verb) ? "read" : "write"));
            }
        } else {
            auth = rnd.nextDouble() < 0.2 ? "AWS_IAM" : "NONE";
        }
        boolean apiKey = rnd.nextDouble() < 0.08;
        double t = rnd.nextDouble();
        RestIntegration integration;
        if (fn == null || t >= 0.90) {
            integration = t >= 0.98 || fn == null && t < 0.3
                    ? new RestIntegration("MOCK", null, null, null)
                    : new RestIntegration(t < 0.96 || fn == null ? "HTTP_PROXY" : "HTTP",
                            "https://" + path.split("/")[1] + ".internal.example.com" + path.replaceAll("\\{[^}]+}",
                                    "{id}"), "ANY".equals(verb) ? "ANY" : verb, null);
        } else {
            String type = t < 0.84 ? "AWS_PROXY" : "AWS";
            String qualifierExpr = lambdaQualifier(fn, ctx.stages);
            String target = qualifierExpr == null ? fn.arn : Arns.qualified(fn.arn, qualifierExpr);
            String credentials = null;
            if (!invokerRoles.isEmpty() && rnd.nextDouble() < 0.05) {
                RoleDraft invoker = invokerRoles.get(rnd.nextInt(invokerRoles.size()));
                credentials = invoker.arn;
                invoker.invokes.add(fn.arn);
                invoker.invokes.add(fn.arn + ":*");
            } else {
                for (RestStage stage : ctx.stages) {
                    String q = resolve(qualifierExpr, stage.variables());
                    fn.need(q, ctx.apiId, Arns.executeApi(ctx.region, account, ctx.apiId, stage.name(), verb, path));
                }
            }
            integration = new RestIntegration(type, Arns.lambdaInvocationUri(ctx.region, target), "POST",
                    credentials);
        }
        return new RestMethod(verb, auth, authorizerId, apiKey, scopes, integration);
    }

    /**
     * How an integration names the function: {@code ${stageVariables.alias}} when the function has the alias of
     * every stage, else {@code live}, a version, or nothing (unqualified).
     */
    private String lambdaQualifier(FnDraft fn, List<RestStage> stages) {
        boolean stageVariablesWork = stages.stream().allMatch(s -> fn.aliases.containsKey(s.variables().get("alias")));
        double q = rnd.nextDouble();
        if (stageVariablesWork && q < 0.6) {
            return "${stageVariables.alias}";
        }
        if (fn.aliases.containsKey("live") && q < 0.85) {
            return "live";
        }
        if (!fn.versions.isEmpty() && q < 0.9) {
            return fn.versions.get(fn.versions.size() - 1);
        }
        return null;
    }

    private static String resolve(String qualifierExpr, Map<String, String> variables) {
        if (qualifierExpr == null || !qualifierExpr.startsWith("${stageVariables.")) {
            return qualifierExpr;
        }
        String name = qualifierExpr.substring("${stageVariables.".length(), qualifierExpr.length() - 1);
        return variables.get(name);
    }

    private void httpApi(int index, int routeBudget) {
        String region = apiRegion();
        String id = newApiId("http#" + index);
        List<FnDraft> pool = backendPool(region);
        String domain = pool.isEmpty() ? pick(DOMAINS) : pool.get(0).domain;
        ApiV2.Builder api = ApiV2.builder(id, domain + "-http-api-" + index, region, "HTTP")
                .apiEndpoint("https://" + id + ".execute-api." + region + ".amazonaws.com");
        api.stage(new StageV2("$default", null, true, Map.of()));
        AuthorizerV2 jwt = null;
        AuthorizerV2 lambda = null;
        if (rnd.nextDouble() < 0.45) {
            String pool0 = region + "_" + AwsIds.upper("jwt#" + id, 9);
            jwt = new AuthorizerV2(newId(id + "#jwt", 6), "cognito-jwt", "JWT", null, null,
                    List.of("$request.header.Authorization"), "https://cognito-idp." + region + ".amazonaws.com/"
                            + pool0, List.of(AwsIds.lower("client#" + id, 26)));
            api.authorizer(jwt);
        }
        if (!pool.isEmpty() && rnd.nextDouble() < 0.15) {
            FnDraft af = authorizerFunction(region);
            String qualifier = af.aliases.containsKey("live") ? "live" : null;
            String target = qualifier == null ? af.arn : Arns.qualified(af.arn, qualifier);
            String authId = newId(id + "#lambda-auth", 6);
            lambda = new AuthorizerV2(authId, af.domain + "-authorizer", "REQUEST",
                    Arns.lambdaInvocationUri(region, target), null, List.of("$request.header.Authorization"), null,
                    List.of());
            af.need(qualifier, id, Arns.executeApiAuthorizer(region, account, id, authId));
            api.authorizer(lambda);
        }
        Map<FnDraft, IntegrationV2> integrations = new LinkedHashMap<>();
        Map<FnDraft, String> qualifiers = new LinkedHashMap<>();
        for (FnDraft fn : pool) {
            String qualifier = fn.aliases.containsKey("live") && rnd.nextDouble() < 0.6 ? "live" : null;
            qualifiers.put(fn, qualifier);
            IntegrationV2 integration = new IntegrationV2(newId(id + "#int#" + fn.name, 7), "AWS_PROXY",
                    qualifier == null ? fn.arn : Arns.qualified(fn.arn, qualifier), null, "2.0");
            integrations.put(fn, integration);
            api.integration(integration);
        }
        IntegrationV2 http = new IntegrationV2(newId(id + "#int#http", 7), "HTTP_PROXY",
                "https://legacy-" + domain + ".internal.example.com/{proxy}", null, "1.0");
        api.integration(http);

        int used = 0;
        if (rnd.nextDouble() < 0.3) {
            FnDraft fn = pool.isEmpty() ? null : pool.get(0);
            api.route(v2Route(id, region, "$default", null, null, fn, fn == null ? http : integrations.get(fn),
                    fn == null ? null : qualifiers.get(fn), jwt, lambda));
            used++;
        }
        int group = 0;
        int start = rnd.nextInt(DOMAINS.length);
        while (used < routeBudget) {
            String top = DOMAINS[(start + group) % DOMAINS.length]
                    + (group >= DOMAINS.length ? "-" + (group / DOMAINS.length + 1) : "");
            FnDraft fn = pool.isEmpty() ? null : pool.get(group % pool.size());
            String param = "{" + singular(top) + "Id}";
            String[][] plan = {{"GET", "/" + top}, {"POST", "/" + top}, {"GET", "/" + top + "/" + param},
                {"PUT", "/" + top + "/" + param}, {"DELETE", "/" + top + "/" + param},
                {"ANY", "/" + top + "/{proxy+}"}, {"GET", "/" + top + "/" + param + "/status"},
                {"POST", "/" + top + "/" + param + "/events"}};
            for (String[] step : plan) {
                if (used >= routeBudget) {
                    break;
                }
                if (rnd.nextDouble() < 0.25) {
                    continue;
                }
                boolean toHttp = fn == null || rnd.nextDouble() < 0.1;
                api.route(v2Route(id, region, step[0] + " " + step[1], step[0], step[1], toHttp ? null : fn,
                        toHttp ? http : integrations.get(fn), toHttp ? null : qualifiers.get(fn), jwt, lambda));
                used++;
            }
            group++;
        }
        apisV2.add(api.build());
    }

    private RouteV2 v2Route(String apiId, String region, String routeKey, String method, String path, FnDraft fn,
            IntegrationV2 integration, String qualifier, AuthorizerV2 jwt, AuthorizerV2 lambda) {
        String auth = "NONE";
        String authorizerId = null;
        List<String> scopes = List.of();
        double a = rnd.nextDouble();
        if (jwt != null && a < 0.55) {
            auth = "JWT";
            authorizerId = jwt.authorizerId();
            if (rnd.nextBoolean()) {
                scopes = List.of("api/" + ("GET".equals(method) ? "read" : "write"));
            }
        } else if (lambda != null && a < 0.8) {
            auth = "CUSTOM";
            authorizerId = lambda.authorizerId();
        } else if (a < 0.9 && rnd.nextDouble() < 0.15) {
            auth = "AWS_IAM";
        }
        if (fn != null) {
            String source = method == null ? Arns.executeApiRoute(region, account, apiId, "$default", routeKey)
                    : Arns.executeApi(region, account, apiId, "$default", method, path);
            fn.need(qualifier, apiId, source);
        }
        return new RouteV2(newId(apiId + "#route#" + routeKey, 7), routeKey, auth, authorizerId, false, scopes,
                "integrations/" + integration.integrationId());
    }

    private void webSocketApi(int index, int routeBudget) {
        String region = apiRegion();
        String id = newApiId("ws#" + index);
        List<FnDraft> pool = backendPool(region);
        String domain = pool.isEmpty() ? pick(DOMAINS) : pool.get(0).domain;
        ApiV2.Builder api = ApiV2.builder(id, domain + "-realtime-" + index, region, "WEBSOCKET")
                .apiEndpoint("wss://" + id + ".execute-api." + region + ".amazonaws.com");
        api.stage(new StageV2("production", AwsIds.lower(id + "#dep", 6), false, Map.of()));
        AuthorizerV2 lambda = null;
        if (!pool.isEmpty() && rnd.nextDouble() < 0.4) {
            FnDraft af = authorizerFunction(region);
            String qualifier = af.aliases.containsKey("live") ? "live" : null;
            String target = qualifier == null ? af.arn : Arns.qualified(af.arn, qualifier);
            String authId = newId(id + "#ws-auth", 6);
            lambda = new AuthorizerV2(authId, "connect-authorizer", "REQUEST", Arns.lambdaInvocationUri(region,
                    target), null, List.of("route.request.header.Authorization"), null, List.of());
            af.need(qualifier, id, Arns.executeApiAuthorizer(region, account, id, authId));
            api.authorizer(lambda);
        }
        List<IntegrationV2> integrations = new ArrayList<>();
        for (FnDraft fn : pool) {
            IntegrationV2 integration = new IntegrationV2(newId(id + "#int#" + fn.name, 7), "AWS_PROXY",
                    Arns.lambdaInvocationUri(region, fn.arn), null, null);
            integrations.add(integration);
            api.integration(integration);
        }
        IntegrationV2 mock = new IntegrationV2(newId(id + "#int#mock", 7), "MOCK", null, null, null);
        api.integration(mock);
        String[] fixed = {"$connect", "$disconnect", "$default"};
        String[] actions = {"sendMessage", "joinRoom", "leaveRoom", "subscribe", "unsubscribe", "ping", "typing",
            "ack"};
        for (int r = 0; r < routeBudget; r++) {
            String key = r < fixed.length ? fixed[r]
                    : actions[(r - fixed.length) % actions.length]
                            + (r - fixed.length >= actions.length ? Integer.toString((r - fixed.length) / actions.length) : "");
            FnDraft fn = pool.isEmpty() ? null : pool.get(r % pool.size());
            IntegrationV2 integration = fn == null ? mock : integrations.get(r % pool.size());
            boolean connect = "$connect".equals(key);
            if (fn != null) {
                fn.need(null, id, Arns.executeApiRoute(region, account, id, "production", key));
            }
            api.route(new RouteV2(newId(id + "#route#" + key, 7), key,
                    connect && lambda != null ? "CUSTOM" : connect && rnd.nextBoolean() ? "AWS_IAM" : "NONE",
                    connect && lambda != null ? lambda.authorizerId() : null, connect && rnd.nextDouble() < 0.1,
                    List.of(), "integrations/" + integration.integrationId()));
        }
        apisV2.add(api.build());
    }

    // ----------------------------------------------------------------------------------- function policies

    private List<LambdaFunction> writeFunctionPolicies() {
        List<LambdaFunction> built = new ArrayList<>(functions.size());
        for (FnDraft fn : functions) {
            Map<String, List<Statement>> statements = new LinkedHashMap<>();
            for (Map.Entry<String, LinkedHashMap<String, String>> e : fn.sources.entrySet()) {
                String qualifier = e.getKey();
                String resource = qualifier.isEmpty() ? fn.arn : Arns.qualified(fn.arn, qualifier);
                List<Statement> list = statements.computeIfAbsent(qualifier, q -> new ArrayList<>());
                permissionsFor(fn, resource, e.getValue(), list);
            }
            String defaultQualifier = fn.aliases.containsKey("live") && rnd.nextBoolean() ? "live" : "";
            String defaultResource = defaultQualifier.isEmpty() ? fn.arn : Arns.qualified(fn.arn, defaultQualifier);
            double extra = rnd.nextDouble();
            if (extra < 0.03) {
                String ghost = AwsIds.lower("deleted#" + fn.name, 10);
                if (!apiIds.contains(ghost)) {
                    statements.computeIfAbsent(defaultQualifier, q -> new ArrayList<>()).add(
                            LambdaPermissions.apiGateway(sid(), defaultResource, Arns.executeApi(fn.region, account,
                                    ghost, "*", "GET", "/" + fn.domain)));
                }
            } else if (extra < 0.04) {
                statements.computeIfAbsent(defaultQualifier, q -> new ArrayList<>()).add(LambdaPermissions.account(
                        "partner-invoke", defaultResource, pick(PARTNER_ACCOUNTS)));
            } else if (extra < 0.16) {
                statements.computeIfAbsent(defaultQualifier, q -> new ArrayList<>()).add(eventSource(fn,
                        defaultResource));
            }
            if (fn.url != null) {
                String q = fn.url.qualifier() == null ? "" : fn.url.qualifier();
                if ("NONE".equals(fn.url.authType())) {
                    statements.computeIfAbsent(q, x -> new ArrayList<>()).addAll(
                            LambdaPermissions.publicFunctionUrl(fn.url.functionArn()));
                } else if (rnd.nextDouble() < 0.4) {
                    statements.computeIfAbsent(q, x -> new ArrayList<>()).add(LambdaPermissions.functionUrlIam(
                            "partner-url", fn.url.functionArn(), Arns.accountRoot(pick(PARTNER_ACCOUNTS))));
                }
            }
            built.add(fn.build(statements));
        }
        return built;
    }

    /**
     * The statements for one qualifier, in one of the styles seen in real accounts. A function behind many routes
     * gets wildcards instead of one statement per route, as people do to stay under Lambda's 20 KB policy limit.
     */
    private void permissionsFor(FnDraft fn, String resource, Map<String, String> sources, List<Statement> out) {
        double style = rnd.nextDouble();
        if (style < 0.78 && sources.size() > MAX_EXACT_STATEMENTS) {
            style = 0.8;
        }
        if (style < 0.78) {
            sources.forEach((arn, api) -> out.add(LambdaPermissions.apiGateway(sid(), resource, arn)));
        } else if (style < 0.86) {
            new LinkedHashSet<>(sources.values()).forEach(api -> out.add(LambdaPermissions.apiGateway(sid(), resource,
                    Arns.executeApiPrefix(fn.region, account) + api + "/*/*")));
        } else if (style < 0.92) {
            Set<String> wildcards = new LinkedHashSet<>();
            sources.keySet().forEach(arn -> wildcards.add(stageWildcard(arn)));
            wildcards.forEach(arn -> out.add(LambdaPermissions.apiGateway(sid(), resource, arn)));
        } else if (style < 0.95) {
            return; // missing: the integrations on this qualifier fail
        } else if (style < 0.97) {
            out.add(LambdaPermissions.serviceWithoutSource(sid(), resource, LambdaPermissions.APIGATEWAY));
        } else if (style < 0.98) {
            out.add(LambdaPermissions.apiGateway(sid(), resource, Arns.executeApiPrefix(fn.region, account) + "*"));
        } else {
            out.add(LambdaPermissions.serviceFromAccount(sid(), resource, LambdaPermissions.APIGATEWAY, account));
        }
    }

    /** {@code ...:API/STAGE/rest} becomes {@code ...:API/*}{@code /rest}; authorizer sources are kept. */
    private static String stageWildcard(String arn) {
        int colon = arn.lastIndexOf(':');
        String[] parts = arn.substring(colon + 1).split("/", 3);
        if (parts.length < 3 || "authorizers".equals(parts[1])) {
            return arn;
        }
        return arn.substring(0, colon + 1) + parts[0] + "/*/" + parts[2];
    }

    private Statement eventSource(FnDraft fn, String resource) {
        return switch (rnd.nextInt(3)) {
            case 0 -> AwsPolicies.allow().sid("s3-invoke").service("s3.amazonaws.com").action("lambda:InvokeFunction")
                    .resource(resource).condition("StringEquals", "AWS:SourceAccount", account)
                    .condition("ArnLike", "AWS:SourceArn", "arn:aws:s3:::acme-" + fn.domain + "-uploads-" + account);
            case 1 -> AwsPolicies.allow().sid("sns-invoke").service("sns.amazonaws.com")
                    .action("lambda:InvokeFunction").resource(resource).condition("ArnLike", "AWS:SourceArn",
                            "arn:aws:sns:" + fn.region + ":" + account + ":" + fn.domain + "-notifications");
            default -> AwsPolicies.allow().sid("events-invoke").service("events.amazonaws.com")
                    .action("lambda:InvokeFunction").resource(resource).condition("ArnLike", "AWS:SourceArn",
                            "arn:aws:events:" + fn.region + ":" + account + ":rule/" + fn.domain + "-schedule");
        };
    }

    // ------------------------------------------------------------------------------------ users and groups

    private List<UserDraft> planUsers() {
        int count = config.roles() == 0 ? 0 : Math.max(1, config.roles() / 50);
        List<UserDraft> users = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            boolean service = rnd.nextDouble() < 0.2;
            String name = service ? "svc-" + pick(DOMAINS) + "-" + i
                    : pick(FIRST_NAMES) + "." + pick(LAST_NAMES) + (i < FIRST_NAMES.length ? "" : Integer.toString(i));
            if (!names.add(name)) {
                // Two random picks can give the same name; IAM user names are unique in an account.
                name = name + i;
                names.add(name);
            }
            UserDraft user = new UserDraft(name, service ? "/service/" : "/");
            if (!service) {
                user.groups.add(GROUPS[rnd.nextInt(groupCount())]);
                if (rnd.nextDouble() < 0.3) {
                    String second = GROUPS[rnd.nextInt(groupCount())];
                    if (!user.groups.contains(second)) {
                        user.groups.add(second);
                    }
                }
                user.tags.put("team", pick(DOMAINS));
            } else if (rnd.nextDouble() < 0.5) {
                user.attached.add(AwsManagedPolicies.S3_READ_ONLY_ACCESS);
            }
            user.wantsBoundary = rnd.nextDouble() < 0.2;
            users.add(user);
        }
        return users;
    }

    private int groupCount() {
        return config.roles() == 0 ? 0 : Math.min(GROUPS.length, Math.max(2, config.roles() / 1000 + 3));
    }

    private List<GroupDraft> planGroups(List<UserDraft> users) {
        List<GroupDraft> groups = new ArrayList<>();
        for (int i = 0; i < groupCount(); i++) {
            GroupDraft group = new GroupDraft(GROUPS[i]);
            switch (GROUPS[i]) {
                case "admins" -> group.attached.add(AwsManagedPolicies.ADMINISTRATOR_ACCESS);
                case "developers", "release-managers" -> group.attached.add(AwsManagedPolicies.POWER_USER_ACCESS);
                case "security-auditors" -> group.attached.add(AwsManagedPolicies.IAM_FULL_ACCESS);
                default -> group.attached.add(AwsManagedPolicies.READ_ONLY_ACCESS);
            }
            groups.add(group);
        }
        return groups;
    }

    // ------------------------------------------------------------------------------------------ policies

    /**
     * Adds customer-managed policies and further inline policies until the account has
     * {@link SynthConfig#policies()} policy documents, and returns the managed policies (AWS-managed ones that are
     * attached, and the customer-managed ones).
     */
    private List<ManagedPolicy> planPoliciesToTarget(List<UserDraft> users, List<GroupDraft> groups) {
        Set<String> awsManagedUsed = new TreeSet<>();
        roles.forEach(r -> awsManagedUsed.addAll(r.attached));
        users.forEach(u -> awsManagedUsed.addAll(u.attached));
        groups.forEach(g -> awsManagedUsed.addAll(g.attached));

        int fixed = awsManagedUsed.size() + policiesSoFar
                + (int) restApis.stream().filter(api -> api.policy() != null).count();
        for (RoleDraft r : roles) {
            fixed += r.inline.size();
        }
        int budget = Math.max(0, config.policies() - fixed);
        int customer = budget == 0 ? 0 : Math.max(1, budget / 5);
        int inlineExtras = budget - customer;

        List<ManagedPolicy> managed = new ArrayList<>();
        List<Attachable> principals = new ArrayList<>();
        roles.stream().filter(r -> !r.exec && !r.invoker && !r.arn.contains("/aws-service-role/"))
                .forEach(principals::add);
        principals.addAll(users);
        principals.addAll(groups);
        List<Attachable> everyone = new ArrayList<>(roles.stream().filter(r -> !r.arn.contains("/aws-service-role/"))
                .toList());
        everyone.addAll(users);
        everyone.addAll(groups);
        if (principals.isEmpty()) {
            principals.addAll(everyone);
        }

        String boundaryArn = null;
        List<String> customerArns = new ArrayList<>();
        for (int i = 0; i < customer; i++) {
            String domain = pick(DOMAINS);
            boolean boundary = i == 0;
            String name = boundary ? "workload-permissions-boundary" : domain + "-" + pick(new String[] {"access",
                "read", "write", "ops", "deploy"}) + "-policy-" + i;
            String path = boundary ? "/boundaries/" : rnd.nextDouble() < 0.3 ? "/app/" : "/";
            String arn = Arns.policy(account, path, name);
            List<PolicyVersion> versions = new ArrayList<>();
            int count = boundary ? 2 : 1 + rnd.nextInt(5);
            int first = 1 + rnd.nextInt(3);
            LocalDate created = LocalDate.of(2022, 1, 1).plusDays(rnd.nextInt(900));
            int defaultIndex = rnd.nextDouble() < 0.05 && count > 1 ? count - 2 : count - 1;
            for (int v = 0; v < count; v++) {
                PolicyText doc = boundary ? boundaryDocument()
                        : v == 0 && count > 2 ? AwsPolicies.document(allow().action(domain.equals("audit")
                                ? "cloudtrail:*" : "dynamodb:*").resource("*"))
                        : dataAccessPolicy(domain, weightedRegion(), 1 + rnd.nextInt(3));
                versions.add(new PolicyVersion("v" + (first + v), v == defaultIndex, doc,
                        created.plusDays(v * 30L).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            ManagedPolicyDraft draft = new ManagedPolicyDraft(arn, name, path, versions);
            if (boundary) {
                boundaryArn = arn;
            } else {
                customerArns.add(arn);
            }
            managedDrafts.put(arn, draft);
        }
        for (String arn : customerArns) {
            int attachments = rnd.nextDouble() < 0.1 ? 0 : 1 + rnd.nextInt(3);
            for (int a = 0; a < attachments && !everyone.isEmpty(); a++) {
                Attachable target = everyone.get(rnd.nextInt(everyone.size()));
                if (!target.attached().contains(arn)) {
                    target.attached().add(arn);
                }
            }
        }
        if (boundaryArn != null) {
            for (RoleDraft r : roles) {
                if (r.wantsBoundary) {
                    r.boundary = boundaryArn;
                }
            }
            for (UserDraft u : users) {
                if (u.wantsBoundary) {
                    u.boundary = boundaryArn;
                }
            }
        }
        for (int i = 0; i < inlineExtras; i++) {
            Attachable target = principals.get(rnd.nextInt(principals.size()));
            String domain = target.domain() != null ? target.domain() : pick(DOMAINS);
            String region = target.region() != null ? target.region() : weightedRegion();
            String name = domain + "-inline-" + i;
            target.inline().put(name, dataAccessPolicy(domain, region, 1 + rnd.nextInt(2)));
        }

        Map<String, int[]> counts = new TreeMap<>();
        for (Attachable a : everyone) {
            for (String arn : a.attached()) {
                counts.computeIfAbsent(arn, k -> new int[2])[0]++;
            }
            if (a.boundary() != null) {
                counts.computeIfAbsent(a.boundary(), k -> new int[2])[1]++;
            }
        }
        for (RoleDraft r : roles) {
            if (r.arn.contains("/aws-service-role/")) {
                for (String arn : r.attached) {
                    counts.computeIfAbsent(arn, k -> new int[2])[0]++;
                }
            }
        }
        for (String arn : awsManagedUsed) {
            int[] c = counts.getOrDefault(arn, new int[2]);
            managed.add(AwsManagedPolicies.policy(arn, c[0], c[1]));
        }
        for (ManagedPolicyDraft d : managedDrafts.values()) {
            int[] c = counts.getOrDefault(d.arn, new int[2]);
            String defaultId = d.versions.stream().filter(PolicyVersion::defaultVersion).findFirst()
                    .map(PolicyVersion::versionId).orElseThrow();
            managed.add(new ManagedPolicy(d.arn, d.name, AwsIds.policyId(d.arn), d.path, defaultId, c[0], c[1],
                    d.versions));
        }
        return managed;
    }

    private PolicyText boundaryDocument() {
        return AwsPolicies.document(
                allow().sid("AllowWorkloadServices").action("dynamodb:*", "s3:*", "sqs:*", "sns:*", "kms:Decrypt",
                        "kms:GenerateDataKey", "secretsmanager:GetSecretValue", "logs:*", "xray:*", "lambda:*",
                        "events:*", "states:*").resource("*"),
                deny().sid("DenyIamChanges").action("iam:*", "organizations:*", "account:*").resource("*"));
    }

    // ---------------------------------------------------------------------------------------- organization

    private Organization organization() {
        String mgmt = "100000000001";
        String root = "r-" + AwsIds.lower("root#" + config.seed(), 4);
        OrgPolicy full = new OrgPolicy("p-FullAWSAccess",
                "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "FullAWSAccess", true,
                AwsPolicies.document(allow().action("*").resource("*")));
        String ouWorkloads = "ou-" + root.substring(2) + "-" + AwsIds.lower("ou1#" + config.seed(), 8);
        String ouProd = "ou-" + root.substring(2) + "-" + AwsIds.lower("ou2#" + config.seed(), 8);
        OrgPolicy denyLeave = new OrgPolicy("p-" + AwsIds.lower("leave" + config.seed(), 8),
                "arn:aws:organizations::" + mgmt + ":policy/" + orgId + "/service_control_policy/p-leave",
                "DenyLeaveOrganization", false, AwsPolicies.document(deny().action("organizations:LeaveOrganization")
                        .resource("*")));
        List<String> regions = new ArrayList<>(List.of(REGIONS));
        OrgPolicy regionLock = new OrgPolicy("p-" + AwsIds.lower("regions" + config.seed(), 8),
                "arn:aws:organizations::" + mgmt + ":policy/" + orgId + "/service_control_policy/p-regions",
                "RestrictRegions", false, AwsPolicies.document(deny().sid("DenyOutsideApprovedRegions")
                        .notAction("iam:*", "organizations:*", "sts:*", "support:*", "cloudfront:*", "route53:*",
                                "budgets:*", "waf:*")
                        .resource("*").condition("StringNotEquals", "aws:RequestedRegion",
                                regions.toArray(String[]::new))));
        return new Organization(orgId, mgmt, List.of(
                new OrgLevel(root, "Root", "ROOT", List.of(full)),
                new OrgLevel(ouWorkloads, "Workloads", "ORGANIZATIONAL_UNIT", List.of(full, denyLeave)),
                new OrgLevel(ouProd, "Production", "ORGANIZATIONAL_UNIT", List.of(full, regionLock)),
                new OrgLevel(account, "synthetic-account", "ACCOUNT", List.of(full))), List.of());
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private String weightedRegion() {
        double r = rnd.nextDouble();
        double sum = 0;
        for (int i = 0; i < REGIONS.length; i++) {
            sum += REGION_WEIGHTS[i];
            if (r < sum) {
                return REGIONS[i];
            }
        }
        return REGIONS[REGIONS.length - 1];
    }

    private String pick(String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    /** A statement id as the console writes them (a UUID) or as a person would ({@code apigw-...}). */
    private String sid() {
        return rnd.nextDouble() < 0.5 ? uuid() : "apigateway-" + AwsIds.lower(Long.toString(rnd.nextLong()), 8);
    }

    private String uuid() {
        return String.format("%08x-%04x-%04x-%04x-%012x", rnd.nextInt() & 0xffffffffL, rnd.nextInt(0x10000),
                0x4000 | rnd.nextInt(0x1000), 0x8000 | rnd.nextInt(0x4000), rnd.nextLong() & 0xffffffffffffL);
    }

    private String day(int fromYear, int spanDays) {
        return LocalDate.of(fromYear, 1, 1).plusDays(rnd.nextInt(spanDays)).toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String singular(String word) {
        String base = word.replaceAll("-\\d+$", "");
        if (base.endsWith("ies")) {
            return base.substring(0, base.length() - 3) + "y";
        }
        return base.endsWith("s") ? base.substring(0, base.length() - 1) : base;
    }

    // ------------------------------------------------------------------------------------------------ drafts

    private record ApiContext(String apiId, String region, List<RestStage> stages, RestAuthorizer lambdaAuth,
            RestAuthorizer cognito) {
    }

    /** Users, groups and roles: what managed and inline policies can be given to. */
    private interface Attachable {
        List<String> attached();

        Map<String, PolicyText> inline();

        String boundary();

        String domain();

        String region();
    }

    private final class FnDraft {
        final String domain;
        final String name;
        final String region;
        final String arn;
        final boolean authorizer;
        String runtime;
        String handler;
        String description;
        String lastModified;
        String roleArn;
        FunctionUrlConfig url;
        final List<String> versions = new ArrayList<>();
        final Map<String, String> aliases = new LinkedHashMap<>();
        final Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        /** Qualifier ("" for none) → source ARN → API id, in the order the integrations were made. */
        final Map<String, LinkedHashMap<String, String>> sources = new LinkedHashMap<>();

        FnDraft(String domain, String name, String region, String arn, boolean authorizer) {
            this.domain = domain;
            this.name = name;
            this.region = region;
            this.arn = arn;
            this.authorizer = authorizer;
        }

        void need(String qualifier, String apiId, String sourceArn) {
            sources.computeIfAbsent(qualifier == null ? "" : qualifier, q -> new LinkedHashMap<>())
                    .put(sourceArn, apiId);
        }

        LambdaFunction build(Map<String, List<Statement>> statements) {
            LambdaFunction.Builder b = LambdaFunction.builder(arn, name, region).runtime(runtime).handler(handler)
                    .description(description).roleArn(roleArn).lastModified(lastModified)
                    .resourcePolicy(policy(statements.get("")));
            for (String v : versions) {
                b.version(new FunctionVersion(v, Arns.qualified(arn, v), roleArn, policy(statements.get(v))));
            }
            for (Map.Entry<String, String> alias : aliases.entrySet()) {
                b.alias(new FunctionAlias(alias.getKey(), Arns.qualified(arn, alias.getKey()), alias.getValue(),
                        weights.get(alias.getKey()), policy(statements.get(alias.getKey()))));
            }
            if (url != null) {
                b.urlConfig(url);
            }
            return b.build();
        }

        private PolicyText policy(List<Statement> statements) {
            if (statements == null || statements.isEmpty()) {
                return null;
            }
            policiesSoFar++;
            return AwsPolicies.lambdaPolicy(statements);
        }
    }

    private final class RoleDraft implements Attachable {
        final String name;
        final String path;
        final String arn;
        final PolicyText trust;
        final Map<String, PolicyText> inline = new LinkedHashMap<>();
        final List<String> attached = new ArrayList<>();
        final Map<String, String> tags = new TreeMap<>();
        final Set<String> invokes = new LinkedHashSet<>();
        String boundary;
        boolean wantsBoundary;
        boolean exec;
        boolean invoker;
        String domain;
        String region;

        RoleDraft(String name, String path, String arn, PolicyText trust) {
            this.name = name;
            this.path = path;
            this.arn = arn;
            this.trust = trust;
        }

        IamRole build() {
            IamRole.Builder b = IamRole.builder(arn, name).roleId(AwsIds.roleId(arn)).path(path).trustPolicy(trust)
                    .permissionsBoundaryArn(boundary).maxSessionDuration(3600);
            inline.forEach(b::inlinePolicy);
            attached.forEach(b::attachedPolicy);
            tags.forEach(b::tag);
            return b.build();
        }

        @Override
        public List<String> attached() {
            return attached;
        }

        @Override
        public Map<String, PolicyText> inline() {
            return inline;
        }

        @Override
        public String boundary() {
            return boundary;
        }

        @Override
        public String domain() {
            return domain;
        }

        @Override
        public String region() {
            return region;
        }
    }

    private final class UserDraft implements Attachable {
        final String name;
        final String path;
        final List<String> groups = new ArrayList<>();
        final Map<String, PolicyText> inline = new LinkedHashMap<>();
        final List<String> attached = new ArrayList<>();
        final Map<String, String> tags = new TreeMap<>();
        String boundary;
        boolean wantsBoundary;

        UserDraft(String name, String path) {
            this.name = name;
            this.path = path;
        }

        IamUser build() {
            String arn = Arns.user(account, path, name);
            IamUser.Builder b = IamUser.builder(arn, name).userId(AwsIds.userId(arn)).path(path)
                    .permissionsBoundaryArn(boundary);
            groups.forEach(b::group);
            inline.forEach(b::inlinePolicy);
            attached.forEach(b::attachedPolicy);
            tags.forEach(b::tag);
            return b.build();
        }

        @Override
        public List<String> attached() {
            return attached;
        }

        @Override
        public Map<String, PolicyText> inline() {
            return inline;
        }

        @Override
        public String boundary() {
            return boundary;
        }

        @Override
        public String domain() {
            return null;
        }

        @Override
        public String region() {
            return null;
        }
    }

    private final class GroupDraft implements Attachable {
        final String name;
        final Map<String, PolicyText> inline = new LinkedHashMap<>();
        final List<String> attached = new ArrayList<>();

        GroupDraft(String name) {
            this.name = name;
        }

        IamGroup build() {
            String arn = Arns.group(account, "/", name);
            List<InlinePolicy> policies = new ArrayList<>();
            inline.forEach((n, d) -> policies.add(new InlinePolicy(n, d)));
            return new IamGroup(arn, name, AwsIds.groupId(arn), "/", policies, attached);
        }

        @Override
        public List<String> attached() {
            return attached;
        }

        @Override
        public Map<String, PolicyText> inline() {
            return inline;
        }

        @Override
        public String boundary() {
            return null;
        }

        @Override
        public String domain() {
            return null;
        }

        @Override
        public String region() {
            return null;
        }
    }

    private record ManagedPolicyDraft(String arn, String name, String path, List<PolicyVersion> versions) {
    }
}
