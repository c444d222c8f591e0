package dev.iamatlas.model.evaluation.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of random but meaningful {@code simulate --batch} requests for differential
 * testing of the product's evaluator against {@link ReferenceEvaluator}.
 *
 * <p>Actions, resources, principals and context values come from small vocabularies so that
 * statements match often: random principals (users, roles and role sessions of the resource's
 * account and of another account, service principals, a service-linked role, anonymous), Allow and
 * Deny statements with wildcards, NotAction, NotResource, Principal and NotPrincipal, conditions of
 * every operator family (with set operators, IfExists and policy variables) whose values sometimes
 * match the context, permissions boundaries, session policies, SCP and RCP levels, and now and then
 * a policy given as JSON text, URL-encoded or JSON-escaped, or an invalid one.
 *
 * <p>The same seed always gives the same lines. Lines carry an {@code id} and no {@code expected}:
 * compute it with {@link ReferenceEvaluator#decide(String)}.
 */
public final class RandomCaseGenerator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static final String A = "111122223333";
    static final String B = "444455556666";
    static final String FN = "arn:aws:lambda:us-east-1:" + A + ":function:f";
    static final String API = "arn:aws:execute-api:us-east-1:" + A + ":abc123";

    private static final String[] PRINCIPALS = {
        "arn:aws:iam::" + A + ":user/alice",
        "arn:aws:iam::" + A + ":user/carol",
        "arn:aws:iam::" + A + ":role/app",
        "arn:aws:sts::" + A + ":assumed-role/app/s1",
        "arn:aws:sts::" + A + ":assumed-role/app/s2",
        "arn:aws:iam::" + B + ":user/bob",
        "arn:aws:sts::" + B + ":assumed-role/partner/p1",
        "arn:aws:iam::" + A + ":role/aws-service-role/ops.apigateway.amazonaws.com/AWSServiceRoleForAPIGateway",
        "apigateway.amazonaws.com",
        "lambda.amazonaws.com",
        "anonymous",
    };

    private static final String[] ACTIONS = {
        "lambda:InvokeFunction", "lambda:GetFunction", "lambda:InvokeFunctionUrl", "execute-api:Invoke",
        "s3:GetObject", "s3:PutObject", "sqs:SendMessage",
    };

    private static final String[] RESOURCES = {
        FN, FN + ":prod", FN + ":7", FN + ":$LATEST", "arn:aws:lambda:us-east-1:" + A + ":function:g",
        API + "/prod/GET/orders", API + "/dev/POST/orders", "arn:aws:execute-api:us-east-1:" + A + ":xyz789/prod/GET/orders",
        "arn:aws:s3:::bucket/a.txt", "arn:aws:s3:::bucket/logs/x", "arn:aws:s3:::other/y",
        "arn:aws:sqs:us-east-1:" + A + ":orders", "arn:aws:sqs:us-east-1:" + B + ":partner-queue",
    };

    private static final String[] ACTION_PATTERNS = {
        "*", "lambda:*", "lambda:Invoke*", "lambda:invokefunction", "lambda:InvokeFunction", "lambda:Get*",
        "execute-api:Invoke", "execute-api:*", "s3:Get*", "s3:*", "s3:PutObject", "sqs:SendMessage", "sqs:*",
        "lambda:InvokeFunction?rl", "iam:*",
    };

    private static final String[] RESOURCE_PATTERNS = {
        "*", FN, FN + ":*", FN + "*", "arn:aws:lambda:us-east-1:" + A + ":function:*", "arn:aws:lambda:*:" + A + ":*",
        API + "/*", API + "/*/GET/orders", API + "/prod/*", "arn:aws:execute-api:us-east-1:" + A + ":*/prod/GET/orders",
        "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/logs/*", "arn:aws:s3:::*", "arn:aws:s3:::bucket/${aws:username}*",
        "arn:aws:sqs:us-east-1:*:orders", "arn:aws:sqs:*:" + B + ":*",
    };

    private static final String[] PRINCIPAL_ENTRIES = {
        A, B, "arn:aws:iam::" + A + ":root", "arn:aws:iam::" + B + ":root",
        "arn:aws:iam::" + A + ":user/alice", "arn:aws:iam::" + B + ":user/bob",
        "arn:aws:iam::" + A + ":role/app", "arn:aws:iam::" + B + ":role/partner",
        "arn:aws:sts::" + A + ":assumed-role/app/s1", "arn:aws:sts::" + B + ":assumed-role/partner/p1",
    };

    private static final String[] SERVICES = {"apigateway.amazonaws.com", "lambda.amazonaws.com"};

    private static final String[] ROUTES = {
        API + "/prod/GET/orders", API + "/dev/POST/orders", "arn:aws:execute-api:us-east-1:" + B + ":abc123/prod/GET/orders",
        API + "/authorizers/a1",
    };

    private RandomCaseGenerator() {
    }

    /**
     * {@code count} requests as JSON lines, ids {@code random-<seed>-<n>}. Deterministic per seed.
     */
    public static List<String> cases(long seed, int count) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode request = randomCase(random, "random-" + seed + "-" + i);
            try {
                lines.add(MAPPER.writeValueAsString(request));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /** One random request drawn from {@code random}. */
    public static ObjectNode randomCase(Random random, String id) {
        Gen g = new Gen(random);
        ObjectNode request = F.objectNode();
        request.put("id", id);
        String principal = g.pick(PRINCIPALS);
        String action = g.pick(ACTIONS);
        String resource = g.chance(0.8) ? resourceFor(g, action) : g.pick(RESOURCES);
        request.put("principal", principal);
        request.put("action", action);
        request.put("resource", resource);
        request.set("context", g.context(principal));
        boolean iam = principal.startsWith("arn:");
        ArrayNode identity = request.putArray("identityPolicies");
        if (iam) {
            int n = g.random.nextInt(3);
            for (int i = 0; i < n; i++) {
                identity.add(g.encode(g.policy(false, action, resource, 1 + g.random.nextInt(3))));
            }
        }
        request.set("resourcePolicy", g.chance(0.6) ? g.encode(g.policy(true, action, resource, 1 + g.random.nextInt(3))) : F.nullNode());
        request.set("permissionBoundary", iam && g.chance(0.25) ? g.policy(false, action, resource, 1 + g.random.nextInt(2)) : F.nullNode());
        request.set("sessionPolicy", principal.contains(":assumed-role/") && g.chance(0.3)
                ? g.encode(g.policy(false, action, resource, 1 + g.random.nextInt(2))) : F.nullNode());
        request.set("scps", g.chance(0.3) ? g.orgLevels(false, action, resource) : F.arrayNode());
        request.set("rcps", g.chance(0.2) ? g.orgLevels(true, action, resource) : F.arrayNode());
        String[] parts = resource.split(":", 6);
        request.put("resourceAccount", parts[4].isEmpty() ? (g.chance(0.8) ? A : B) : parts[4]);
        return request;
    }

    private static String resourceFor(Gen g, String action) {
        String service = action.substring(0, action.indexOf(':'));
        List<String> matching = new ArrayList<>();
        for (String r : RESOURCES) {
            if (r.startsWith("arn:aws:" + service + ":")) {
                matching.add(r);
            }
        }
        return matching.get(g.random.nextInt(matching.size()));
    }

    /** The random choices, kept together so one {@link Random} drives everything. */
    private static final class Gen {
        final Random random;

        Gen(Random random) {
            this.random = random;
        }

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        String pick(String... values) {
            return values[random.nextInt(values.length)];
        }

        ObjectNode context(String principal) {
            ObjectNode ctx = F.objectNode();
            if (chance(0.5)) {
                ctx.put("aws:SourceArn", pick(ROUTES));
            }
            if (chance(0.4)) {
                ctx.put("aws:SourceAccount", pick(A, B));
            }
            if (chance(0.6)) {
                ctx.put("aws:SourceIp", pick("203.0.113.5", "198.51.100.7", "192.0.2.44", "2001:db8::1"));
            }
            if (chance(0.6)) {
                ctx.put("aws:SecureTransport", pick("true", "false"));
            }
            if (chance(0.5)) {
                ctx.put("aws:CurrentTime", pick("2020-05-15T10:00:00Z", "2026-01-01T00:00:00Z", "2021-01-01T00:00:00Z"));
            }
            if (chance(0.3)) {
                ctx.put("aws:MultiFactorAuthAge", pick("300", "3600", "7200"));
            }
            if (chance(0.5)) {
                ArrayNode keys = ctx.putArray("aws:TagKeys");
                for (String k : new String[] {"env", "team", "secret"}) {
                    if (chance(0.5)) {
                        keys.add(k);
                    }
                }
            }
            if (chance(0.5)) {
                ctx.put("aws:PrincipalTag/team", pick("red", "blue", "Red"));
            }
            if (chance(0.5)) {
                ctx.put("aws:username", pick("alice", "bob", "a*"));
            }
            if (chance(0.3)) {
                ctx.put("aws:SourceVpce", pick("vpce-1a2b3c4d", "vpce-99999999"));
            }
            if (chance(0.3)) {
                ctx.put("lambda:FunctionUrlAuthType", pick("NONE", "AWS_IAM"));
            }
            if (chance(0.3)) {
                ctx.put("aws:PrincipalOrgID", pick("o-myorg", "o-other"));
            }
            if (chance(0.2)) {
                ctx.put("ex:Binary", pick("QmluYXJ5VmFsdWVJbkJhc2U2NA==", "T3RoZXJWYWx1ZQ=="));
            }
            if (chance(0.3) && principal.startsWith("arn:")) {
                ctx.put("aws:PrincipalArn", principal);
            }
            return ctx;
        }

        /** A policy of {@code n} statements; {@code resourceBased} adds Principal or NotPrincipal. */
        ObjectNode policy(boolean resourceBased, String action, String resource, int n) {
            ObjectNode policy = F.objectNode();
            double v = random.nextDouble();
            if (v < 0.9) {
                policy.put("Version", "2012-10-17");
            } else if (v < 0.95) {
                policy.put("Version", "2008-10-17");
            }
            ArrayNode statements = F.arrayNode();
            for (int i = 0; i < n; i++) {
                statements.add(statement(resourceBased, action, resource));
            }
            if (n == 1 && chance(0.3)) {
                policy.set("Statement", statements.get(0));
            } else {
                policy.set("Statement", statements);
            }
            return policy;
        }

        ObjectNode statement(boolean resourceBased, String action, String resource) {
            ObjectNode s = F.objectNode();
            if (chance(0.2)) {
                s.put("Sid", "s" + random.nextInt(100));
            }
            s.put("Effect", chance(0.75) ? "Allow" : "Deny");
            if (chance(0.003)) {
                s.remove("Effect"); // an invalid statement now and then
            }
            if (resourceBased) {
                if (chance(0.1)) {
                    s.set("NotPrincipal", principalElement(false));
                } else {
                    s.set("Principal", principalElement(true));
                }
            }
            s.set(chance(0.85) ? "Action" : "NotAction", stringOrArray(chance(0.6) ? action : pick(ACTION_PATTERNS), ACTION_PATTERNS));
            s.set(chance(0.9) ? "Resource" : "NotResource", stringOrArray(chance(0.5) ? resource : pick(RESOURCE_PATTERNS), RESOURCE_PATTERNS));
            if (chance(0.45)) {
                ObjectNode condition = s.putObject("Condition");
                int operators = 1 + random.nextInt(2);
                for (int i = 0; i < operators; i++) {
                    addCondition(condition);
                }
            }
            return s;
        }

        JsonNode principalElement(boolean allowStar) {
            double p = random.nextDouble();
            if (allowStar && p < 0.2) {
                return F.textNode("*");
            }
            ObjectNode element = F.objectNode();
            if (allowStar && p < 0.3) {
                element.put("AWS", "*");
            } else if (p < 0.75) {
                ArrayNode aws = element.putArray("AWS");
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    aws.add(pick(PRINCIPAL_ENTRIES));
                }
            } else {
                element.put("Service", pick(SERVICES));
            }
            return element;
        }

        JsonNode stringOrArray(String first, String[] others) {
            if (chance(0.6)) {
                return F.textNode(first);
            }
            ArrayNode array = F.arrayNode();
            array.add(first);
            if (chance(0.5)) {
                array.add(pick(others));
            }
            return array;
        }

        void addCondition(ObjectNode condition) {
            String ifExists = chance(0.15) ? "IfExists" : "";
            switch (random.nextInt(10)) {
                case 0 -> put(condition, pick("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
                        "StringLike", "StringNotLike") + ifExists, "aws:PrincipalTag/team",
                        pick("red", "blue", "r*", "?ed", "${aws:username}", "${aws:PrincipalTag/team, 'red'}"), pick("red", "green"));
                case 1 -> put(condition, pick("StringEquals", "StringNotEquals", "StringLike") + ifExists,
                        pick("aws:username", "aws:SourceVpce", "lambda:FunctionUrlAuthType", "aws:PrincipalOrgID"),
                        pick("alice", "vpce-1a2b3c4d", "NONE", "o-myorg", "a${*}", "*"), null);
                case 2 -> put(condition, pick("NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericEquals",
                        "NumericNotEquals") + ifExists, "aws:MultiFactorAuthAge", pick("300", "3600", "7200"), null);
                case 3 -> put(condition, pick("DateLessThan", "DateGreaterThan", "DateEquals", "DateNotEquals", "DateGreaterThanEquals") + ifExists,
                        "aws:CurrentTime", pick("2021-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "1609459200"), null);
                case 4 -> put(condition, "Bool" + ifExists, pick("aws:SecureTransport", "aws:MultiFactorAuthPresent"), pick("true", "false"), null);
                case 5 -> put(condition, pick("IpAddress", "NotIpAddress") + ifExists, "aws:SourceIp",
                        pick("203.0.113.0/24", "192.0.2.0/24", "2001:db8::/32", "198.51.100.7"), chance(0.3) ? "10.0.0.0/8" : null);
                case 6 -> put(condition, pick("ArnLike", "ArnEquals", "ArnNotLike", "ArnNotEquals") + ifExists, pick("aws:SourceArn", "AWS:SourceArn"),
                        pick(API + "/*", API + "/*/GET/orders", "arn:aws:execute-api:us-east-1:*:*", "arn:aws:execute-api:us-east-1:${aws:SourceAccount}:*",
                                "arn:aws:execute-api:us-east-1:" + A + ":abc123/authorizers/*"), null);
                case 7 -> put(condition, "Null", pick("aws:SourceArn", "aws:SourceVpce", "aws:TagKeys", "aws:username"), pick("true", "false"), null);
                case 8 -> {
                    ObjectNode block = operator(condition, pick("ForAllValues:", "ForAnyValue:")
                            + pick("StringEquals", "StringNotEquals", "StringLike", "StringNotLike") + ifExists);
                    ArrayNode values = block.putArray("aws:TagKeys");
                    values.add(pick("env", "team", "secret", "t*"));
                    if (chance(0.5)) {
                        values.add(pick("env", "team"));
                    }
                }
                default -> put(condition, "BinaryEquals" + ifExists, "ex:Binary", "QmluYXJ5VmFsdWVJbkJhc2U2NA==", null);
            }
            if (chance(0.004)) {
                condition.putObject("StringEqualz").put("aws:username", "alice"); // an invalid operator now and then
            }
        }

        ObjectNode operator(ObjectNode condition, String name) {
            JsonNode existing = condition.get(name);
            return existing != null && existing.isObject() ? (ObjectNode) existing : condition.putObject(name);
        }

        void put(ObjectNode condition, String operator, String key, String value, String second) {
            ObjectNode block = operator(condition, operator);
            if (second == null) {
                block.put(key, value);
            } else {
                block.putArray(key).add(value).add(second);
            }
        }

        ArrayNode orgLevels(boolean rcp, String action, String resource) {
            ArrayNode levels = F.arrayNode();
            int n = 1 + random.nextInt(3);
            for (int level = 0; level < n; level++) {
                ArrayNode policies = levels.addArray();
                ObjectNode full = F.objectNode().put("Version", "2012-10-17");
                ObjectNode allowAll = full.putArray("Statement").addObject().put("Effect", "Allow");
                if (rcp) {
                    allowAll.put("Principal", "*");
                }
                if (chance(0.85)) {
                    allowAll.put("Action", "*");
                } else {
                    allowAll.put("Action", pick("s3:*", "lambda:*", "sqs:*"));
                }
                allowAll.put("Resource", "*");
                policies.add(full);
                if (chance(0.4)) {
                    ObjectNode deny = F.objectNode().put("Version", "2012-10-17");
                    ObjectNode s = deny.putArray("Statement").addObject().put("Effect", "Deny");
                    if (rcp) {
                        s.put("Principal", "*");
                    }
                    s.set("Action", stringOrArray(chance(0.5) ? action : pick(ACTION_PATTERNS), ACTION_PATTERNS));
                    s.put("Resource", chance(0.7) ? "*" : resource);
                    if (chance(0.6)) {
                        addCondition(s.putObject("Condition"));
                    }
                    policies.add(deny);
                }
            }
            return levels;
        }

        /** Usually the object itself; sometimes JSON text, URL-encoded text or JSON-escaped text. */
        JsonNode encode(ObjectNode policy) {
            double p = random.nextDouble();
            String json = policy.toString();
            if (p < 0.8) {
                return policy;
            }
            if (p < 0.9) {
                return F.textNode(json);
            }
            if (p < 0.95) {
                return F.textNode(URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20"));
            }
            String escaped = F.textNode(json).toString();
            return F.textNode(escaped.substring(1, escaped.length() - 1).replace("/", "\\/"));
        }
    }
}
