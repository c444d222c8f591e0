package dev.iamatlas.app.explore;

import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;

/** How access-graph nodes read in the diagram, the inspector and the findings table: a label and a second line. */
final class NodeText {
    private NodeText() {
    }

    /** The main text: a name, a route as {@code GET /orders}, a qualified function as {@code orders:live}. */
    static String label(Node node) {
        if (node.kind() == NodeKind.API_ROUTE) {
            String key = node.attribute(Node.ROUTE_KEY);
            if (key != null) {
                return key;
            }
            String method = node.attribute(Node.METHOD);
            String path = node.attribute(Node.PATH);
            if (method != null && path != null) {
                return method + " " + path;
            }
        }
        return node.label();
    }

    /** A route's label with its stage, as findings name it: {@code GET /orders [prod]}. */
    static String labelWithStage(Node node) {
        String stage = node.attribute(Node.STAGE);
        return node.kind() == NodeKind.API_ROUTE && stage != null ? label(node) + " [" + stage + "]" : label(node);
    }

    /**
     * The second, smaller line.
     *
     * @param apiName the name of the API a route or authorizer belongs to, or null
     */
    static String secondary(Node node, String apiName) {
        if (node.isPlaceholder()) {
            String reason = node.attribute(Node.PLACEHOLDER_REASON);
            return reason == null ? "not in this snapshot" : reason;
        }
        boolean admin = node.flag(Node.ADMIN_EQUIVALENT);
        boolean manages = node.flag(Node.PERMISSIONS_MANAGEMENT);
        return switch (node.kind()) {
            case INTERNET -> "anyone, unauthenticated";
            case ANY_AWS_PRINCIPAL -> "any account, if its policies allow";
            case AWS_ACCOUNT -> "AWS account";
            case SERVICE_PRINCIPAL -> "AWS service";
            case FEDERATED_PRINCIPAL -> "federated identity";
            case AUTHORIZED_CALLER -> orEmpty(node.attribute(Node.AUTHORIZER_TYPE)) + " authorizer";
            case VPC_ENDPOINT -> "VPC endpoint";
            case IAM_USER -> admin ? "IAM user · admin-equivalent" : manages ? "IAM user · manages permissions" : "IAM user";
            case IAM_GROUP -> "IAM group";
            case API_ROUTE -> join(apiName, node.attribute(Node.STAGE));
            case API_AUTHORIZER -> join(node.attribute(Node.AUTHORIZER_TYPE) + " authorizer", apiName);
            case LAMBDA_FUNCTION -> join(node.attribute(Node.RUNTIME), node.region());
            case LAMBDA_ALIAS -> "alias";
            case LAMBDA_VERSION -> "version";
            case FUNCTION_URL -> "function URL · auth " + orEmpty(node.attribute(Node.URL_AUTH_TYPE));
            case IAM_ROLE -> admin ? "role · admin-equivalent" : manages ? "role · manages permissions"
                    : node.flag(Node.SERVICE_LINKED) ? "service-linked role"
                    : "role";
            case CAPABILITY -> null;
            case REST_API -> "REST API · " + orEmpty(node.attribute(Node.ENDPOINT_TYPE)) + " · " + node.region();
            case HTTP_API -> orEmpty(node.attribute(Node.PROTOCOL)) + " API · " + node.region();
        };
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b == null || b.isEmpty() ? a : a + " · " + b;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
