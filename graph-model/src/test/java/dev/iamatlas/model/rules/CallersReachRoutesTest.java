package dev.iamatlas.model.rules;

import static dev.iamatlas.model.testing.Accounts.*;
import static dev.iamatlas.model.testing.TestGraphs.build;
import static dev.iamatlas.model.testing.TestGraphs.edge;
import static dev.iamatlas.model.testing.TestGraphs.edges;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.IntegrationV2;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.snapshot.StageV2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who can call a route: the API's resource policy is evaluated for each kind of caller
 * (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html">API Gateway
 * resource policies</a>, <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html">how
 * they affect authorization</a>); private APIs only through VPC endpoints
 * (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html">private REST APIs</a>).
 */
class CallersReachRoutesTest {
    private static final CallersReachRoutes RULE = new CallersReachRoutes();
    private static final String GET_ORDERS = routeArn("prod", "GET", "/orders");

    private static AccountSnapshot api(RestApi.Builder api) {
        return account().restApi(api.build()).build();
    }

    private static RestApi.Builder openApi(String auth) {
        return restApi(List.of("prod"), "/orders", method("GET", auth, null));
    }

    @Test
    void unauthenticatedRouteWithoutResourcePolicyIsOpenToTheInternet() {
        AccessEdge e = edge(build(api(openApi("NONE")), RULE), EdgeType.CALLS_ROUTE, NodeIds.INTERNET, GET_ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void resourcePolicyWithAnIpConditionMakesTheInternetEdgeConditional() {
        RestApi.Builder a = openApi("NONE").policy(policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke',"
                + "'Resource':'arn:aws:execute-api:us-east-1:111122223333:abc123/*','Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}"));

        AccessEdge e = edge(build(api(a), RULE), EdgeType.CALLS_ROUTE, NodeIds.INTERNET, GET_ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(e.evidence().notes()).contains("depends on aws:SourceIp (the caller's IP address), which a snapshot cannot know");
        assertThat(e.evidence().requests().get(0).unknownKeys()).containsExactly("aws:SourceIp");
    }

    @Test
    void resourcePolicyThatDeniesTheRouteKeepsADeniedEdge() {
        RestApi.Builder a = openApi("NONE").policy(policy(
                "{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*'}",
                "{'Effect':'Deny','Principal':'*','Action':'execute-api:Invoke','Resource':'arn:aws:execute-api:us-east-1:111122223333:abc123/*/GET/orders'}"));

        AccessEdge e = edge(build(api(a), RULE), EdgeType.CALLS_ROUTE, NodeIds.INTERNET, GET_ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(e.explanation()).contains("explicitly denied");
    }

    /**
     * API keys identify clients, they do not authorize them
     * (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html">usage plans
     * and API keys</a>): a route that needs one is still open to the Internet.
     */
    @Test
    void apiKeyRequirementIsNotAuthorization() {
        RestApi.Builder a = restApi(List.of("prod"), "/orders", new RestMethod("GET", "NONE", null, true, List.of(), null));
        AccessGraph g = build(api(a), RULE);

        AccessEdge e = edge(g, EdgeType.CALLS_ROUTE, NodeIds.INTERNET, GET_ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(e.evidence().notes()).anyMatch(n -> n.contains("API key"));
        assertThat(g.requireNode(GET_ORDERS).flag(Node.API_KEY_REQUIRED)).isTrue();
    }

    @Test
    void disabledDefaultEndpointMakesTheRouteConditional() {
        RestApi.Builder a = openApi("NONE").disableExecuteApiEndpoint(true);

        assertThat(edge(build(api(a), RULE), EdgeType.CALLS_ROUTE, NodeIds.INTERNET, GET_ORDERS).status())
                .isEqualTo(EdgeStatus.CONDITIONAL);
    }

    @Test
    void iamAuthorizedRouteIsCallableByThisAccountsPrincipalsNotTheInternet() {
        AccessGraph g = build(api(openApi("AWS_IAM")), RULE);

        assertThat(edges(g, EdgeType.CALLS_ROUTE, NodeIds.INTERNET, GET_ORDERS)).isEmpty();
        assertThat(edge(g, EdgeType.CALLS_ROUTE, NodeIds.accountRoot("aws", ACCOUNT), GET_ORDERS).status())
                .isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(edges(g, EdgeType.CALLS_ROUTE, NodeIds.ANY_AWS_PRINCIPAL, GET_ORDERS)).isEmpty();
    }

    @Test
    void iamAuthorizedRouteWhosePolicyNamesAnotherAccountIsCallableFromIt() {
        RestApi.Builder a = openApi("AWS_IAM").policy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::"
                + OTHER_ACCOUNT + ":root'},'Action':'execute-api:Invoke','Resource':'*'}"));

        AccessEdge e = edge(build(api(a), RULE), EdgeType.CALLS_ROUTE, NodeIds.accountRoot("aws", OTHER_ACCOUNT), GET_ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(e.attribute(AccessEdge.RESOURCE_SIDE)).isNull();
        assertThat(e.evidence().requests().get(0).principal()).isEqualTo("any principal of account " + OTHER_ACCOUNT);
    }

    @Test
    void authorizerGatedRouteIsCallableByTheCallersTheAuthorizerAccepts() {
        RestApi.Builder a = restApi(List.of("prod"), "/orders", new RestMethod("GET", "CUSTOM", "au1", false, List.of(), null))
                .authorizer(new RestAuthorizer("au1", "tokens", "TOKEN", invocationUri(functionArn("auth")), null, List.of(), null));
        AccessGraph g = build(api(a), RULE);

        String callers = NodeIds.authorizedCallers("arn:aws:execute-api:us-east-1:111122223333:abc123/authorizers/au1");
        assertThat(edge(g, EdgeType.CALLS_ROUTE, callers, GET_ORDERS).status()).isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(edges(g, EdgeType.CALLS_ROUTE, NodeIds.INTERNET, GET_ORDERS)).isEmpty();
    }

    @Test
    void privateApiIsReachableOnlyThroughVpcEndpointsItsPolicyAllows() {
        RestApi.Builder a = RestApi.builder(API_ID, "internal", REGION).endpointType("PRIVATE").vpcEndpointId("vpce-0aa")
                .stage(new dev.iamatlas.model.snapshot.RestStage("prod", "d", Map.of(), null))
                .resource(new dev.iamatlas.model.snapshot.RestResource("r", null, "/orders",
                        List.of(method("GET", "NONE", null))))
                .policy(policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*',"
                        + "'Condition':{'StringEquals':{'aws:SourceVpce':'vpce-0aa'}}}"));
        AccessGraph g = build(api(a), RULE);

        assertThat(edges(g, EdgeType.CALLS_ROUTE, NodeIds.INTERNET, GET_ORDERS)).isEmpty();
        assertThat(edge(g, EdgeType.CALLS_ROUTE, "vpce-0aa", GET_ORDERS).status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(edges(g, EdgeType.CALLS_ROUTE, NodeIds.ANY_VPC_ENDPOINT, GET_ORDERS)).isEmpty();
    }

    @Test
    void privateApiWithoutResourcePolicyRejectsItsOwnEndpoint() {
        RestApi.Builder a = RestApi.builder(API_ID, "internal", REGION).endpointType("PRIVATE").vpcEndpointId("vpce-0aa")
                .stage(new dev.iamatlas.model.snapshot.RestStage("prod", "d", Map.of(), null))
                .resource(new dev.iamatlas.model.snapshot.RestResource("r", null, "/orders",
                        List.of(method("GET", "NONE", null))));

        AccessEdge e = edge(build(api(a), RULE), EdgeType.CALLS_ROUTE, "vpce-0aa", GET_ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(e.attribute(AccessEdge.BROKEN_BECAUSE)).contains("private API without a resource policy");
    }

    @Test
    void privateApiWhosePolicyAdmitsAnyEndpointIsReachableFromAnyVpcEndpoint() {
        RestApi.Builder a = RestApi.builder(API_ID, "internal", REGION).endpointType("PRIVATE")
                .stage(new dev.iamatlas.model.snapshot.RestStage("prod", "d", Map.of(), null))
                .resource(new dev.iamatlas.model.snapshot.RestResource("r", null, "/orders",
                        List.of(method("GET", "NONE", null))))
                .policy(policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*'}"));

        assertThat(edge(build(api(a), RULE), EdgeType.CALLS_ROUTE, NodeIds.ANY_VPC_ENDPOINT, GET_ORDERS).status())
                .isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void httpApiRouteWithoutAuthorizationIsOpenToTheInternet() {
        ApiV2 v2 = ApiV2.builder("h1", "web", REGION, "HTTP")
                .route(new RouteV2("r1", "GET /items", "NONE", null, false, List.of(), "integrations/i1"))
                .integration(new IntegrationV2("i1", "AWS_PROXY", functionArn("items"), null, "2.0"))
                .stage(new StageV2("$default", null, true, Map.of())).build();

        AccessGraph g = build(account().apiV2(v2).build(), RULE);

        assertThat(edge(g, EdgeType.CALLS_ROUTE, NodeIds.INTERNET,
                "arn:aws:execute-api:us-east-1:111122223333:h1/$default/GET/items").status()).isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void routesCarryTheirAuthorizationApiKeyAndEndpointType() {
        Node route = build(api(openApi("AWS_IAM")), RULE).requireNode(GET_ORDERS);

        assertThat(route.attributes()).containsEntry(Node.AUTHORIZATION_TYPE, "AWS_IAM")
                .containsEntry(Node.ENDPOINT_TYPE, "REGIONAL").containsEntry(Node.STAGE, "prod")
                .containsEntry(Node.METHOD, "GET").containsEntry(Node.PATH, "/orders");
        assertThat(route.groupId()).isEqualTo(NodeIds.restApi("aws", REGION, API_ID));
    }
}
