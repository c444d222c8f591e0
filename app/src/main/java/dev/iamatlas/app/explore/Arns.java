package dev.iamatlas.app.explore;

import dev.iamatlas.model.graph.NodeIds;

/**
 * The ids of diagram groups, which the access graph does not have as nodes. Everything else in a diagram is keyed
 * by its access-graph id ({@link NodeIds}): ARNs, execute-api ARNs for routes, synthetic ids for callers.
 */
public final class Arns {
    private static final String ACCOUNT_ROLES = "account:";
    private static final String CAPABILITIES = "capabilities:";

    private Arns() {
    }

    /** The group the routes, authorizers and authorized callers of a REST API fold into: the API's own ARN. */
    public static String restApiGroup(String partition, String region, String apiId) {
        return NodeIds.restApi(partition, region, apiId);
    }

    /** The group the routes of an HTTP or WebSocket API fold into: the API's own ARN. */
    public static String apiV2Group(String partition, String region, String apiId) {
        return NodeIds.apiV2(partition, region, apiId);
    }

    /** The group that the roles of an account fold into. */
    public static String accountRolesGroup(String accountId) {
        return ACCOUNT_ROLES + accountId;
    }

    /** Whether {@code id} is an {@link #accountRolesGroup} id. */
    public static boolean isAccountRolesGroup(String id) {
        return id.startsWith(ACCOUNT_ROLES);
    }

    /** The group that the capabilities of one service fold into. */
    public static String capabilityGroup(String service) {
        return CAPABILITIES + service;
    }

    /** Whether {@code id} is a {@link #capabilityGroup} id. */
    public static boolean isCapabilityGroup(String id) {
        return id.startsWith(CAPABILITIES);
    }
}
