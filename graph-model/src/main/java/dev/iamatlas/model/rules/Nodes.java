package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.RestApi;

/**
 * The one place nodes are made, so that every unit that emits a node emits the same definition for the same
 * input. Authority nodes come from an entity's own data; reference nodes from an id alone, standing in (marked
 * {@link Node#PLACEHOLDER}) when the snapshot has no authority for them.
 */
public final class Nodes {
    private Nodes() {
    }

    /** The Internet. */
    public static Node internet() {
        return Node.builder(NodeIds.INTERNET, NodeKind.INTERNET).label("Internet").build();
    }

    /** Any authenticated AWS principal. */
    public static Node anyPrincipal() {
        return Node.builder(NodeIds.ANY_AWS_PRINCIPAL, NodeKind.ANY_AWS_PRINCIPAL).label("Any AWS principal").build();
    }

    /** A whole account: "principals of this account" for the analysed one, "account N" for others. */
    public static Node account(String partition, String account, boolean own) {
        String id = NodeIds.accountRoot(partition, account);
        return Node.builder(id, NodeKind.AWS_ACCOUNT).arn(id).account(account)
                .label(own ? "principals of this account (" + account + ")" : "account " + account).build();
    }

    /** A service principal. */
    public static Node service(String name) {
        return Node.builder(name, NodeKind.SERVICE_PRINCIPAL).label(name).build();
    }

    /** A federated identity provider (an OIDC or SAML provider ARN, or a name such as cognito-identity.amazonaws.com). */
    public static Node federated(String id) {
        String label = id.contains(":oidc-provider/") ? id.substring(id.indexOf(":oidc-provider/") + 15)
                : id.contains(":saml-provider/") ? id.substring(id.indexOf(":saml-provider/") + 15) : id;
        Node.Builder b = Node.builder(id, NodeKind.FEDERATED_PRINCIPAL).label(label);
        if (id.startsWith("arn:")) {
            b.arn(id).account(id.split(":", 6)[4]);
        }
        return b.build();
    }

    /** A VPC endpoint, or {@link NodeIds#ANY_VPC_ENDPOINT}. */
    public static Node vpcEndpoint(String id) {
        return Node.builder(id, NodeKind.VPC_ENDPOINT).label(id.equals(NodeIds.ANY_VPC_ENDPOINT) ? "any VPC endpoint" : id)
                .build();
    }

    /** The callers an authorizer accepts. */
    public static Node authorizedCallers(ApiRoutes.Authorizer authorizer, String routeArn, boolean v2, String partition,
            String account, String region, String apiId) {
        String type = authorizer == null ? "unknown authorizer" : authorizer.type();
        String name = authorizer == null ? "?" : authorizer.name() != null ? authorizer.name() : authorizer.id();
        String id = NodeIds.authorizedCallers(authorizer == null ? routeArn : authorizer.arn());
        return Node.builder(id, NodeKind.AUTHORIZED_CALLER).label("callers accepted by " + name)
                .account(account).region(region).attribute(Node.AUTHORIZER_TYPE, type)
                .groupId(apiNodeId(v2, partition, region, apiId)).build();
    }

    /** A REST API. */
    public static Node restApi(RestApi api, String partition, String account) {
        return Node.builder(NodeIds.restApi(partition, api.region(), api.id()), NodeKind.REST_API)
                .arn(NodeIds.restApi(partition, api.region(), api.id()))
                .label(api.name() != null ? api.name() : api.id()).account(account).region(api.region())
                .attribute(Node.API_ID, api.id()).attribute(Node.PROTOCOL, "REST")
                .attribute(Node.ENDPOINT_TYPE, ApiRoutes.endpointType(api))
                .flag(Node.HAS_RESOURCE_POLICY, api.policy() != null)
                .flag(Node.DEFAULT_ENDPOINT_DISABLED, api.disableExecuteApiEndpoint()).build();
    }

    /** An HTTP or WebSocket API. */
    public static Node apiV2(ApiV2 api, String partition, String account) {
        return Node.builder(NodeIds.apiV2(partition, api.region(), api.apiId()), NodeKind.HTTP_API)
                .arn(NodeIds.apiV2(partition, api.region(), api.apiId()))
                .label(api.name() != null ? api.name() : api.apiId()).account(account).region(api.region())
                .attribute(Node.API_ID, api.apiId()).attribute(Node.PROTOCOL, api.protocolType())
                .attribute(Node.ENDPOINT_TYPE, "REGIONAL")
                .flag(Node.DEFAULT_ENDPOINT_DISABLED, api.disableExecuteApiEndpoint()).build();
    }

    /** The id of the API node a route or authorizer belongs to. */
    public static String apiNodeId(boolean v2, String partition, String region, String apiId) {
        return v2 ? NodeIds.apiV2(partition, region, apiId) : NodeIds.restApi(partition, region, apiId);
    }

    /** A route in a stage. */
    public static Node route(ApiRoutes.Route r, String partition, String account) {
        Node.Builder b = Node.builder(r.arn(), NodeKind.API_ROUTE).arn(r.arn())
                .label(r.displayName() + " [" + r.stage() + "]").account(account).region(r.region())
                .groupId(apiNodeId(r.v2(), partition, r.region(), r.apiId()))
                .attribute(Node.API_ID, r.apiId()).attribute(Node.PROTOCOL, r.protocol())
                .attribute(Node.STAGE, r.stage()).attribute(Node.AUTHORIZATION_TYPE, r.authorizationType())
                .attribute(Node.AUTHORIZER_ID, r.authorizerId()).attribute(Node.ENDPOINT_TYPE, r.endpointType())
                .flag(Node.API_KEY_REQUIRED, r.apiKeyRequired())
                .attribute(Node.METHOD, r.method()).attribute(Node.PATH, r.path()).attribute(Node.ROUTE_KEY, r.routeKey());
        if (r.integration() != null) {
            b.attribute(Node.INTEGRATION_TYPE, r.integration().type());
        }
        return b.build();
    }

    /** An authorizer. */
    public static Node authorizer(ApiRoutes.Authorizer a, boolean v2, String partition, String account, String region) {
        return Node.builder(a.arn(), NodeKind.API_AUTHORIZER).arn(a.arn())
                .label(a.name() != null ? a.name() : a.id()).account(account).region(region)
                .groupId(apiNodeId(v2, partition, region, a.apiId()))
                .attribute(Node.API_ID, a.apiId()).attribute(Node.AUTHORIZER_ID, a.id())
                .attribute(Node.AUTHORIZER_TYPE, a.type()).build();
    }

    /** A function (unqualified). */
    public static Node function(LambdaFunction f, String account) {
        return Node.builder(f.arn(), NodeKind.LAMBDA_FUNCTION).arn(f.arn()).label(f.name()).account(account)
                .region(f.region()).attribute(Node.RUNTIME, f.runtime()).build();
    }

    /** An alias. */
    public static Node alias(LambdaFunction f, FunctionAlias a, String account) {
        return Node.builder(a.arn(), NodeKind.LAMBDA_ALIAS).arn(a.arn()).label(f.name() + ":" + a.name())
                .account(account).region(f.region()).groupId(f.arn()).attribute(Node.QUALIFIER, a.name()).build();
    }

    /** A published version. */
    public static Node version(LambdaFunction f, FunctionVersion v, String account) {
        return Node.builder(v.arn(), NodeKind.LAMBDA_VERSION).arn(v.arn()).label(f.name() + ":" + v.version())
                .account(account).region(f.region()).groupId(f.arn()).attribute(Node.QUALIFIER, v.version()).build();
    }

    /** A function URL's node id: the URL, or one made from the function ARN when the URL is unknown. */
    public static String urlId(FunctionUrlConfig url) {
        return url.functionUrl() != null ? url.functionUrl() : "url:" + url.functionArn();
    }

    /** A function URL. */
    public static Node url(LambdaFunction f, FunctionUrlConfig url, String account) {
        return Node.builder(urlId(url), NodeKind.FUNCTION_URL)
                .label(f.name() + (url.qualifier() != null ? ":" + url.qualifier() : "") + " URL")
                .account(account).region(f.region()).groupId(f.arn()).attribute(Node.URL_AUTH_TYPE, url.authType())
                .attribute(Node.QUALIFIER, url.qualifier()).build();
    }

    /** A function, alias or version that an integration names but the snapshot does not hold. */
    public static Node missingFunction(String id, NodeKind kind, String reason) {
        LambdaArns.FunctionArn arn = LambdaArns.parse(id);
        Node.Builder b = Node.builder(id, kind).flag(Node.PLACEHOLDER, true).attribute(Node.PLACEHOLDER_REASON, reason);
        if (arn != null) {
            b.arn(id).account(arn.account()).region(arn.region())
                    .label(arn.name() + (arn.qualifier() != null ? ":" + arn.qualifier() : ""));
        } else {
            b.label(id.contains(":function:") ? id.substring(id.indexOf(":function:") + 10) : id);
        }
        return b.build();
    }

    /** A role, with what its capabilities made of it (admin-equivalent or not). */
    public static Node role(IamRole role, String account, String adminReasons, String managementReasons) {
        return Node.builder(role.arn(), NodeKind.IAM_ROLE).arn(role.arn()).label(role.name()).account(account)
                .attribute(Node.IAM_PATH, role.path()).flag(Node.SERVICE_LINKED, role.serviceLinked())
                .flag(Node.ADMIN_EQUIVALENT, adminReasons != null).attribute(Node.ADMIN_REASONS, adminReasons)
                .flag(Node.PERMISSIONS_MANAGEMENT, managementReasons != null)
                .attribute(Node.PERMISSIONS_MANAGEMENT_REASONS, managementReasons).build();
    }

    /** A user, with what its capabilities made of it. */
    public static Node user(IamUser user, String account, String adminReasons, String managementReasons) {
        return Node.builder(user.arn(), NodeKind.IAM_USER).arn(user.arn()).label(user.name()).account(account)
                .attribute(Node.IAM_PATH, user.path())
                .flag(Node.ADMIN_EQUIVALENT, adminReasons != null).attribute(Node.ADMIN_REASONS, adminReasons)
                .flag(Node.PERMISSIONS_MANAGEMENT, managementReasons != null)
                .attribute(Node.PERMISSIONS_MANAGEMENT_REASONS, managementReasons).build();
    }

    /** A group. */
    public static Node group(IamGroup group, String account) {
        return Node.builder(group.arn(), NodeKind.IAM_GROUP).arn(group.arn()).label(group.name()).account(account)
                .attribute(Node.IAM_PATH, group.path()).build();
    }

    /**
     * A role, user or other principal by ARN only: stands in when no unit is the authority for it (a principal of
     * another account, a role that does not exist).
     */
    public static Node principalReference(String arn, String ownAccount) {
        String[] p = arn.split(":", 6);
        String account = p.length == 6 ? p[4] : null;
        String resource = p.length == 6 ? p[5] : arn;
        NodeKind kind = resource.startsWith("user/") ? NodeKind.IAM_USER
                : resource.startsWith("group/") ? NodeKind.IAM_GROUP : NodeKind.IAM_ROLE;
        String name = resource.contains("/") ? resource.substring(resource.lastIndexOf('/') + 1) : resource;
        boolean own = ownAccount.equals(account);
        return Node.builder(arn, kind).arn(arn).label(name).account(account).flag(Node.PLACEHOLDER, true)
                .attribute(Node.PLACEHOLDER_REASON, own ? "not in this snapshot" : "in another account (" + account + ")")
                .build();
    }

    /** A capability: a service's actions on a resource pattern. */
    public static Node capability(String service, String resourcePattern, String label) {
        return Node.builder(NodeIds.capability(service, resourcePattern), NodeKind.CAPABILITY).label(label)
                .attribute(Node.SERVICE, service).attribute(Node.RESOURCE_PATTERN, resourcePattern).build();
    }
}
