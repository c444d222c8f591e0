package dev.iamatlas.model.synth;

import java.util.Objects;

/**
 * ARNs and URIs in the exact forms AWS writes them
 * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">ARN formats</a>). Partition
 * {@code aws} throughout.
 */
public final class Arns {
    private Arns() {
    }

    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}, the unqualified function ARN. */
    public static String function(String region, String account, String name) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }

    /** {@code FUNCTION_ARN:QUALIFIER}, the ARN of an alias or version. */
    public static String qualified(String functionArn, String qualifier) {
        Objects.requireNonNull(qualifier, "qualifier");
        return functionArn + ":" + qualifier;
    }

    /**
     * The URI API Gateway keeps for a Lambda integration or authorizer:
     * {@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations}
     * (<a href="https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html">Integration.uri</a>).
     */
    public static String lambdaInvocationUri(String region, String functionArn) {
        return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }

    /**
     * The {@code execute-api} ARN of a route as a Lambda permission's {@code AWS:SourceArn} names it:
     * {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH}. Path parameters ({@code {id}},
     * {@code {proxy+}}) become {@code *}, {@code ANY} becomes {@code *}, and the leading slash is dropped (the root
     * path gives a trailing slash after the method, as the console writes it).
     *
     * @param stage a stage name or {@code *}
     * @param method an HTTP method, {@code ANY} or {@code *}
     * @param resourcePath such as {@code /orders/{id}}
     */
    public static String executeApi(String region, String account, String apiId, String stage, String method,
            String resourcePath) {
        return executeApiPrefix(region, account) + apiId + "/" + stage + "/" + arnMethod(method) + "/"
                + arnPath(resourcePath);
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/ROUTE_KEY} for a v2 route without a method ({@code $default}, {@code $connect}). */
    public static String executeApiRoute(String region, String account, String apiId, String stage, String routeKey) {
        return executeApiPrefix(region, account) + apiId + "/" + stage + "/" + routeKey;
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/authorizers/AUTHORIZER_ID}, the source of an authorizer call. */
    public static String executeApiAuthorizer(String region, String account, String apiId, String authorizerId) {
        return executeApiPrefix(region, account) + apiId + "/authorizers/" + authorizerId;
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:}, to which {@code API_ID/...} is appended. */
    public static String executeApiPrefix(String region, String account) {
        return "arn:aws:execute-api:" + region + ":" + account + ":";
    }

    /** {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}; {@code path} is {@code /} or {@code /a/b/}. */
    public static String role(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":role" + normalisePath(path) + name;
    }

    /** {@code arn:aws:iam::ACCOUNT:user/PATH/NAME}. */
    public static String user(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":user" + normalisePath(path) + name;
    }

    /** {@code arn:aws:iam::ACCOUNT:group/PATH/NAME}. */
    public static String group(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":group" + normalisePath(path) + name;
    }

    /** {@code arn:aws:iam::ACCOUNT:policy/PATH/NAME}; use account {@code aws} for AWS-managed policies. */
    public static String policy(String account, String path, String name) {
        return "arn:aws:iam::" + account + ":policy" + normalisePath(path) + name;
    }

    /** {@code arn:aws:iam::ACCOUNT:root}, how IAM writes an account given as principal. */
    public static String accountRoot(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    /** The path of a resource as it appears in an execute-api ARN: no leading slash, parameters as {@code *}. */
    static String arnPath(String resourcePath) {
        String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        return path.replaceAll("\\{[^}/]+}", "*");
    }

    private static String arnMethod(String method) {
        return "ANY".equals(method) ? "*" : method;
    }

    private static String normalisePath(String path) {
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return "/";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p : p + "/";
    }
}
