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
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.ScanMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code aws:SourceArn} API Gateway sends when it invokes a Lambda function, checked against the function's
 * resource policy (INVOKES edges). Lambda developer guide, "Invoking a Lambda function using an Amazon API Gateway
 * endpoint", Permissions: a REST {@code ANY} method sends {@code ANY} ("mnh1xmpli7/prod/ANY/user – ANY method on the
 * user resource in the prod stage"), and a function in another region than the API sees the function's region.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: resource-based policy for API Gateway</a>
 */
class ApiGatewaySourceArnTest {
    private static final String WEST = "us-west-2";
    private static final String WEST_ORDERS = "arn:aws:lambda:" + WEST + ":" + ACCOUNT + ":function:orders";

    /** An API in us-east-1 whose GET /orders integrates with a function in us-west-2. */
    private static AccountSnapshot crossRegion(String sourceArnPattern) {
        LambdaFunction f = LambdaFunction.builder(WEST_ORDERS, "orders", WEST).runtime("java17")
                .roleArn(roleArn("orders-role"))
                .resourcePolicy(policy(apiGatewayPermission("apigw", WEST_ORDERS, sourceArnPattern))).build();
        return AccountSnapshot.builder(ScanMetadata.of(ACCOUNT, "test", List.of(REGION, WEST))).function(f)
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(WEST_ORDERS))).build())
                .build();
    }

    /**
     * Lambda developer guide, services-apigateway (Permissions): "If your function and API are in different regions,
     * the region identifier in the source ARN must match the region of the function, not the region of the API. When
     * API Gateway invokes a function, it uses a resource ARN that is based on the ARN of the API, but modified to match
     * the function's region."
     */
    @Test
    void crossRegionIntegrationSendsASourceArnInTheFunctionsRegion() {
        AccountSnapshot s = crossRegion("arn:aws:execute-api:" + WEST + ":" + ACCOUNT + ":" + API_ID + "/*/GET/orders");

        AccessEdge e = edge(build(s, new RoutesInvokeFunctions()), EdgeType.INVOKES, routeArn("prod", "GET", "/orders"),
                WEST_ORDERS);

        assertThat(e.evidence().requests().get(0).contextValue("aws:SourceArn"))
                .isEqualTo("arn:aws:execute-api:" + WEST + ":" + ACCOUNT + ":" + API_ID + "/prod/GET/orders");
        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void crossRegionPermissionWrittenWithTheApisRegionDoesNotWork() {
        AccountSnapshot s = crossRegion(routeArn("*", "GET", "/orders"));

        AccessEdge e = edge(build(s, new RoutesInvokeFunctions()), EdgeType.INVOKES, routeArn("prod", "GET", "/orders"),
                WEST_ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
    }

    /**
     * For a REST ANY method API Gateway sends the method as configured: real execution logs show
     * "X-Amz-Source-Arn=arn:aws:execute-api:us-west-2:...:oo8kadh853/Test/ANY/{resource+}" for a GET request (the
     * authorizer's methodArn in the same log is .../Test/GET/user_info), and the Lambda guide lists
     * "mnh1xmpli7/prod/ANY/user - ANY method on the user resource in the prod stage". A permission naming ANY works.
     */
    @Test
    void anyMethodPermissionNamingAnyCoversTheAnyMethod() {
        AccountSnapshot s = account()
                .function(function("orders", "orders-role", policy(apiGatewayPermission("apigw", functionArn("orders"),
                        routeArn("prod", "ANY", "/orders")))))
                .restApi(restApi(List.of("prod"), "/orders", method("ANY", "NONE", invocationUri(functionArn("orders"))))
                        .build()).build();

        AccessEdge e = edge(build(s, new RoutesInvokeFunctions()), EdgeType.INVOKES, routeArn("prod", "ANY", "/orders"),
                functionArn("orders"));

        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
    }

    /** The converse: the source ARN says ANY, so a permission for .../GET/orders alone never matches (500 on every call). */
    @Test
    void anyMethodWithAGetOnlyPermissionIsDenied() {
        AccountSnapshot s = account()
                .function(function("orders", "orders-role", policy(apiGatewayPermission("apigw", functionArn("orders"),
                        routeArn("prod", "GET", "/orders")))))
                .restApi(restApi(List.of("prod"), "/orders", method("ANY", "NONE", invocationUri(functionArn("orders"))))
                        .build()).build();

        AccessEdge e = edge(build(s, new RoutesInvokeFunctions()), EdgeType.INVOKES, routeArn("prod", "ANY", "/orders"),
                functionArn("orders"));

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
    }

}
