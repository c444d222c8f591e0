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
 * How an API Gateway REST API's resource policy combines with the route's authorization and the request (CALLS_ROUTE
 * edges): with a Lambda authorizer only an explicit Deny of the policy blocks (Table A of "How API Gateway resource
 * policies affect authorization workflow"), and {@code execute-api:Invoke} is checked against the request's actual
 * path, not the resource's {@code {proxy+}} template.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html">How API Gateway resource policies affect authorization workflow</a>
 * @see <a href="https://repost.aws/knowledge-center/api-gateway-lambda-authorization-errors">Knowledge Center: proxy resource with a Lambda authorizer returning 403</a>
 */
class ApiResourcePolicyRequestTest {
    /**
     * How API Gateway resource policies affect authorization workflow, "Lambda authorizer and resource policy": before
     * calling the authorizer only explicit denies are checked; then Table A applies, where "Allow (authorizer) /
     * Neither Allow nor Deny (resource policy) = Allow". A resource policy written for IAM callers (it names a partner
     * account) is silent on the authorizer's callers, so they still get through when the authorizer allows.
     */
    @Test
    void lambdaAuthorizerRouteIsNotBlockedByAResourcePolicyThatIsSilentAboutItsCallers() {
        String au = "arn:aws:execute-api:us-east-1:111122223333:abc123/authorizers/au1";
        RestApi api = restApi(List.of("prod"), "/orders", new RestMethod("GET", "CUSTOM", "au1", false, List.of(), null))
                .authorizer(new RestAuthorizer("au1", "tokens", "TOKEN", invocationUri(functionArn("auth")), null,
                        List.of(), "method.request.header.Authorization"))
                .policy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT + ":root'},"
                        + "'Action':'execute-api:Invoke','Resource':'arn:aws:execute-api:us-east-1:111122223333:abc123/*'}"))
                .build();
        AccessGraph g = build(account().restApi(api).build(), new CallersReachRoutes());

        AccessEdge e = edge(g, EdgeType.CALLS_ROUTE, NodeIds.authorizedCallers(au), routeArn("prod", "GET", "/orders"));

        assertThat(e.status()).isEqualTo(EdgeStatus.CONDITIONAL);
    }

    /**
     * The execute-api:Invoke resource a caller is checked against carries the request's actual path (Knowledge
     * Center, "API Gateway proxy resource with a Lambda authorizer that has caching activated returning 403":
     * requests to other paths of a {proxy+} resource "don't match the explicit API Gateway API Resource element").
     * A policy that lets everyone call /public/* therefore opens GET /{proxy+} for those paths.
     */
    @Test
    void greedyProxyRouteIsReachableForThePathsTheResourcePolicyAllows() {
        RestApi.Builder api = restApi(List.of("prod"), "/{proxy+}", method("GET", "NONE", null))
                .policy(policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke',"
                        + "'Resource':'arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/public/*'}"));
        AccessGraph g = build(account().restApi(api.build()).build(), new CallersReachRoutes());

        AccessEdge e = edge(g, EdgeType.CALLS_ROUTE, NodeIds.INTERNET, routeArn("prod", "GET", "/{proxy+}"));

        assertThat(e.status()).isNotEqualTo(EdgeStatus.DENIED);
    }
}
