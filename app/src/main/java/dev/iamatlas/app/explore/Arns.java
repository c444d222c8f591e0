package dev.iamatlas.app.explore;

/**
 * ARNs that AWS does not hand out but that name things in policies, used as diagram node ids so every front end
 * and every adapter agrees on them.
 */
public final class Arns {
    private Arns() {
    }

    /**
     * The execute-api ARN of one route in one stage,
     * {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/RESOURCE_PATH}, the resource path without
     * its leading slash (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html">ARN formats</a>).
     */
    public static String executeApi(String partition, String region, String account, String apiId, String stage,
            String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return "arn:" + partition + ":execute-api:" + region + ":" + account + ":" + apiId + "/" + stage + "/"
                + method + "/" + p;
    }

    /**
     * The execute-api ARN of an HTTP or WebSocket route: {@code GET /orders} as a REST route, and a route key
     * without a method ({@code $default}, {@code $connect}, {@code sendMessage}) as {@code API_ID/STAGE/KEY}.
     */
    public static String executeApiV2(String partition, String region, String account, String apiId, String stage,
            String routeKey) {
        int space = routeKey.indexOf(' ');
        if (space < 0) {
            return "arn:" + partition + ":execute-api:" + region + ":" + account + ":" + apiId + "/" + stage + "/"
                    + routeKey;
        }
        return executeApi(partition, region, account, apiId, stage, routeKey.substring(0, space),
                routeKey.substring(space + 1));
    }

    /** The group id that the routes of an API fold into. */
    public static String apiGroup(String apiId) {
        return "api:" + apiId;
    }

    /** The group id that the roles of an account fold into. */
    public static String accountRolesGroup(String accountId) {
        return "account:" + accountId;
    }
}
