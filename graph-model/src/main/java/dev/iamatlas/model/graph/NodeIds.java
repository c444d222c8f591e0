package dev.iamatlas.model.graph;

import java.util.Objects;

/**
 * The stable ids of access-graph vertices. AWS resources are keyed by their ARN; callers and capabilities by the
 * synthetic ids below, which never look like an ARN of something else.
 *
 * <table>
 *   <caption>Ids</caption>
 *   <tr><th>vertex</th><th>id</th></tr>
 *   <tr><td>the Internet</td><td>{@code internet}</td></tr>
 *   <tr><td>any authenticated AWS principal</td><td>{@code aws:any-principal}</td></tr>
 *   <tr><td>a whole account</td><td>{@code arn:aws:iam::ACCOUNT:root}</td></tr>
 *   <tr><td>a service principal</td><td>its name, {@code apigateway.amazonaws.com}</td></tr>
 *   <tr><td>callers accepted by an authorizer</td><td>{@code authorized:} + the authorizer's id</td></tr>
 *   <tr><td>a VPC endpoint</td><td>{@code vpce-0123...}; any endpoint: {@code vpce:*}</td></tr>
 *   <tr><td>a REST method in a stage</td><td>{@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH}</td></tr>
 *   <tr><td>an HTTP/WebSocket route in a stage</td><td>{@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/ROUTE_KEY}</td></tr>
 *   <tr><td>an authorizer</td><td>{@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/authorizers/ID}</td></tr>
 *   <tr><td>an API</td><td>{@code arn:aws:apigateway:REGION::/restapis/ID} or {@code .../apis/ID}</td></tr>
 *   <tr><td>a capability</td><td>{@code capability:SERVICE|RESOURCE_PATTERN}</td></tr>
 * </table>
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html">API Gateway ARN reference</a>
 */
public final class NodeIds {
    /** The Internet: anyone, unauthenticated. */
    public static final String INTERNET = "internet";
    /** Any authenticated principal of any AWS account. */
    public static final String ANY_AWS_PRINCIPAL = "aws:any-principal";
    /** Any VPC endpoint, of any account (a private API whose policy does not name endpoints). */
    public static final String ANY_VPC_ENDPOINT = "vpce:*";

    private static final String AUTHORIZED = "authorized:";
    private static final String CAPABILITY = "capability:";

    private NodeIds() {
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:root}: a whole account. */
    public static String accountRoot(String partition, String account) {
        return "arn:" + partition + ":iam::" + Objects.requireNonNull(account, "account") + ":root";
    }

    /** The callers an authorizer accepts. */
    public static String authorizedCallers(String authorizerId) {
        return AUTHORIZED + authorizerId;
    }

    /** Whether {@code id} is an {@link #authorizedCallers} id. */
    public static boolean isAuthorizedCallers(String id) {
        return id.startsWith(AUTHORIZED);
    }

    /** A capability: what a principal can do with one service on one resource pattern. */
    public static String capability(String service, String resourcePattern) {
        return CAPABILITY + service + "|" + resourcePattern;
    }

    /**
     * The {@code execute-api} ARN of a REST API method in one stage, as API Gateway sends it as {@code aws:SourceArn}
     * when it invokes a Lambda function: {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH},
     * where PATH is the resource path without its leading slash (the root resource gives a trailing slash).
     */
    public static String restRoute(String partition, String region, String account, String apiId, String stage,
            String method, String resourcePath) {
        String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        return executeApiPrefix(partition, region, account) + apiId + "/" + stage + "/" + method + "/" + path;
    }

    /**
     * The {@code execute-api} ARN of an HTTP or WebSocket API route in one stage:
     * {@code .../API_ID/STAGE/METHOD/PATH} for {@code METHOD /PATH} route keys, {@code .../API_ID/STAGE/$default}
     * for the default route and {@code .../API_ID/STAGE/ROUTE_KEY} for WebSocket route keys.
     */
    public static String v2Route(String partition, String region, String account, String apiId, String stage,
            String routeKey) {
        return executeApiPrefix(partition, region, account) + apiId + "/" + stage + "/" + v2RouteResource(routeKey);
    }

    /** The part of a v2 route's ARN after the stage: {@code GET /a/b} gives {@code GET/a/b}. */
    public static String v2RouteResource(String routeKey) {
        int space = routeKey.indexOf(' ');
        if (space > 0 && routeKey.length() > space + 1 && routeKey.charAt(space + 1) == '/') {
            return routeKey.substring(0, space) + "/" + routeKey.substring(space + 2);
        }
        return routeKey;
    }

    /** {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/authorizers/ID}, the authorizer's source ARN. */
    public static String authorizer(String partition, String region, String account, String apiId, String authorizerId) {
        return executeApiPrefix(partition, region, account) + apiId + "/authorizers/" + authorizerId;
    }

    /** The ARN of a REST API: {@code arn:PARTITION:apigateway:REGION::/restapis/ID}. */
    public static String restApi(String partition, String region, String apiId) {
        return "arn:" + partition + ":apigateway:" + region + "::/restapis/" + apiId;
    }

    /** The ARN of an HTTP or WebSocket API: {@code arn:PARTITION:apigateway:REGION::/apis/ID}. */
    public static String apiV2(String partition, String region, String apiId) {
        return "arn:" + partition + ":apigateway:" + region + "::/apis/" + apiId;
    }

    private static String executeApiPrefix(String partition, String region, String account) {
        return "arn:" + partition + ":execute-api:" + region + ":" + account + ":";
    }
}
