package dev.iamatlas.model.rules;

import static dev.iamatlas.model.testing.Accounts.*;
import static dev.iamatlas.model.testing.TestGraphs.build;
import static dev.iamatlas.model.testing.TestGraphs.edge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.EvaluatedRequest;
import dev.iamatlas.model.graph.InvolvedPolicy;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.IntegrationV2;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestStage;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.StageV2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API Gateway → Lambda under the function's resource policy. The request is the one Lambda documents for API
 * Gateway: principal apigateway.amazonaws.com, action lambda:InvokeFunction, aws:SourceArn the route's execute-api
 * ARN (<a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda:
 * Granting API Gateway access</a>), and an alias has its own policy
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html">Lambda aliases</a>).
 */
class RoutesInvokeFunctionsTest {
    private static final RoutesInvokeFunctions RULE = new RoutesInvokeFunctions();
    private static final String ORDERS = functionArn("orders");

    private static AccountSnapshot withPermission(String sourceArnPattern, String httpMethod) {
        return account()
                .function(function("orders", "orders-role", policy(apiGatewayPermission("apigw", ORDERS, sourceArnPattern))))
                .restApi(restApi(List.of("prod"), "/orders", method(httpMethod, "NONE", invocationUri(ORDERS))).build())
                .build();
    }

    @Test
    void routeWhosePermissionNamesItsSourceArnInvokesTheFunction() {
        AccessGraph g = build(withPermission(routeArn("prod", "GET", "/orders"), "GET"), RULE);

        AccessEdge e = edge(g, EdgeType.INVOKES, routeArn("prod", "GET", "/orders"), ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(e.explanation()).contains("allowed by statement apigw of function orders resource policy");
    }

    @Test
    void evidenceHoldsTheExactRequestApiGatewayMakes() {
        AccessGraph g = build(withPermission(routeArn("prod", "GET", "/orders"), "GET"), RULE);

        EvaluatedRequest r = edge(g, EdgeType.INVOKES, routeArn("prod", "GET", "/orders"), ORDERS).evidence().requests().get(0);

        assertThat(r.principal()).isEqualTo("apigateway.amazonaws.com");
        assertThat(r.action()).isEqualTo("lambda:InvokeFunction");
        assertThat(r.resource()).isEqualTo(ORDERS);
        assertThat(r.contextValue("aws:SourceArn"))
                .isEqualTo("arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/orders");
        assertThat(r.contextValue("aws:SourceAccount")).isEqualTo(ACCOUNT);
        InvolvedPolicy policy = r.policies().get(0);
        assertThat(policy.label()).isEqualTo("function orders resource policy");
        assertThat(policy.allowing()).containsExactly(0);
        assertThat(policy.deciding()).containsExactly(0);
    }

    @Test
    void routeWithoutPermissionStaysAsADeniedEdge() {
        AccountSnapshot s = account().function(function("orders", "orders-role", null))
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(ORDERS))).build()).build();

        AccessEdge e = edge(build(s, RULE), EdgeType.INVOKES, routeArn("prod", "GET", "/orders"), ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
    }

    @Test
    void permissionForAnotherStageDoesNotCoverThisOne() {
        AccountSnapshot s = withPermission(routeArn("test", "GET", "/orders"), "GET");

        AccessEdge e = edge(build(s, RULE), EdgeType.INVOKES, routeArn("prod", "GET", "/orders"), ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(e.explanation()).contains("needs ArnLike AWS:SourceArn").contains("abc123/prod/GET/orders");
    }

    /**
     * API Gateway sends {@code .../prod/ANY/orders} as the source ARN of a REST ANY method (Lambda guide,
     * services-apigateway, Permissions: "mnh1xmpli7/prod/ANY/user – ANY method on the user resource"), so a permission
     * for {@code .../GET/orders} matches no call: every method fails with 500. (This test used to expect CONDITIONAL
     * with GET allowed, from one source ARN per concrete method.)
     */
    @Test
    void anyMethodWithAPermissionForOneMethodIsDenied() {
        AccountSnapshot s = withPermission(routeArn("prod", "GET", "/orders"), "ANY");

        AccessEdge e = edge(build(s, RULE), EdgeType.INVOKES, routeArn("prod", "ANY", "/orders"), ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(e.evidence().requests()).hasSize(1);
        assertThat(e.evidence().requests().get(0).contextValue("aws:SourceArn")).isEqualTo(routeArn("prod", "ANY", "/orders"));
    }

    @Test
    void anyMethodWithMethodWildcardPermissionIsAllowed() {
        AccountSnapshot s = withPermission("arn:aws:execute-api:us-east-1:111122223333:abc123/*/*/orders", "ANY");

        assertThat(edge(build(s, RULE), EdgeType.INVOKES, routeArn("prod", "ANY", "/orders"), ORDERS).status())
                .isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void aliasIntegrationIsDecidedByTheAliasPolicyNotTheFunctions() {
        String live = ORDERS + ":live";
        LambdaFunction f = function("orders", "orders-role", policy(apiGatewayPermission("fn", ORDERS, "*")))
                .toBuilder().alias(alias("orders", "live", "1", null)).build();
        AccountSnapshot s = account().function(f)
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(live))).build()).build();

        AccessEdge e = edge(build(s, RULE), EdgeType.INVOKES, routeArn("prod", "GET", "/orders"), live);

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(e.evidence().requests().get(0).resource()).isEqualTo(live);
    }

    @Test
    void stageVariablesAreResolvedSeparatelyForEachStage() {
        String uri = invocationUri(ORDERS + ":${stageVariables.alias}");
        LambdaFunction f = function("orders", "orders-role", null).toBuilder()
                .alias(alias("orders", "live", "1", policy(apiGatewayPermission("a", ORDERS + ":live", "*"))))
                .alias(alias("orders", "beta", "1", null)).build();
        RestApi api = restApi(List.of(), "/orders", method("GET", "NONE", uri))
                .stage(new RestStage("prod", "d", Map.of("alias", "live"), null))
                .stage(new RestStage("test", "d", Map.of("alias", "beta"), null))
                .stage(new RestStage("dev", "d", Map.of(), null)).build();
        AccessGraph g = build(account().function(f).restApi(api).build(), RULE);

        assertThat(edge(g, EdgeType.INVOKES, routeArn("prod", "GET", "/orders"), ORDERS + ":live").status())
                .isEqualTo(EdgeStatus.ALLOWED);
        assertThat(edge(g, EdgeType.INVOKES, routeArn("test", "GET", "/orders"), ORDERS + ":beta").status())
                .isEqualTo(EdgeStatus.DENIED);
        AccessEdge unresolved = edge(g, EdgeType.INVOKES, routeArn("dev", "GET", "/orders"), ORDERS);
        assertThat(unresolved.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(unresolved.attribute(AccessEdge.BROKEN_BECAUSE)).contains("stage variable alias is not set");
    }

    @Test
    void integrationWithAFunctionThatDoesNotExistIsDeniedToAPlaceholder() {
        AccountSnapshot s = account()
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(ORDERS))).build()).build();
        AccessGraph g = build(s, RULE);

        AccessEdge e = edge(g, EdgeType.INVOKES, routeArn("prod", "GET", "/orders"), ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(g.requireNode(ORDERS).isPlaceholder()).isTrue();
    }

    @Test
    void functionInAnotherAccountIsConditionalBecauseItsPolicyIsNotInTheSnapshot() {
        String foreign = "arn:aws:lambda:us-east-1:" + OTHER_ACCOUNT + ":function:partner";
        AccountSnapshot s = account()
                .restApi(restApi(List.of("prod"), "/p", method("GET", "NONE", invocationUri(foreign))).build()).build();

        assertThat(edge(build(s, RULE), EdgeType.INVOKES, routeArn("prod", "GET", "/p"), foreign).status())
                .isEqualTo(EdgeStatus.CONDITIONAL);
    }

    @Test
    void aPolicyTheScanCouldNotReadMakesTheEdgeConditional() {
        AccountSnapshot s = account().function(function("orders", "orders-role", null))
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(ORDERS))).build())
                .gap(new ScanGap("lambda", REGION, "GetPolicy", ORDERS, "AccessDeniedException", "not authorized"))
                .build();

        AccessEdge e = edge(build(s, RULE), EdgeType.INVOKES, routeArn("prod", "GET", "/orders"), ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(e.evidence().notes()).anyMatch(n -> n.contains("GetPolicy") && n.contains("AccessDeniedException"));
    }

    @Test
    void lambdaAuthorizerInvocationUsesTheAuthorizersSourceArn() {
        String authorizerArn = "arn:aws:execute-api:us-east-1:111122223333:abc123/authorizers/au1";
        AccountSnapshot s = account()
                .function(function("auth", "auth-role", policy(apiGatewayPermission("authz", functionArn("auth"), authorizerArn))))
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", null))
                        .authorizer(new RestAuthorizer("au1", "tokens", "TOKEN", invocationUri(functionArn("auth")), null,
                                List.of(), "method.request.header.Authorization")).build())
                .build();

        AccessEdge e = edge(build(s, RULE), EdgeType.INVOKES, authorizerArn, functionArn("auth"));

        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(e.evidence().requests().get(0).contextValue("aws:SourceArn")).isEqualTo(authorizerArn);
    }

    @Test
    void httpApiDefaultRouteSendsTheDollarDefaultSourceArn() {
        String source = "arn:aws:execute-api:us-east-1:111122223333:h1/$default/$default";
        ApiV2 api = ApiV2.builder("h1", "web", REGION, "HTTP")
                .route(new RouteV2("r1", "$default", "NONE", null, false, List.of(), "integrations/i1"))
                .integration(new IntegrationV2("i1", "AWS_PROXY", ORDERS, null, "2.0"))
                .stage(new StageV2("$default", null, true, Map.of())).build();
        AccountSnapshot s = account()
                .function(function("orders", "orders-role", policy(apiGatewayPermission("web",
                        ORDERS, "arn:aws:execute-api:us-east-1:111122223333:h1/*/$default"))))
                .apiV2(api).build();

        AccessEdge e = edge(build(s, RULE), EdgeType.INVOKES, source, ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(e.evidence().requests().get(0).contextValue("aws:SourceArn")).isEqualTo(source);
    }

    @Test
    void httpApiRouteKeyBecomesMethodSlashPathInTheSourceArn() {
        ApiV2 api = ApiV2.builder("h1", "web", REGION, "HTTP")
                .route(new RouteV2("r1", "GET /orders/{id}", "NONE", null, false, List.of(), "integrations/i1"))
                .integration(new IntegrationV2("i1", "AWS_PROXY", invocationUri(ORDERS), null, "2.0"))
                .stage(new StageV2("prod", null, true, Map.of())).build();
        AccountSnapshot s = account().function(function("orders", "orders-role", null)).apiV2(api).build();

        AccessGraph g = build(s, RULE);

        assertThat(g.contains("arn:aws:execute-api:us-east-1:111122223333:h1/prod/GET/orders/{id}")).isTrue();
    }
}
