package dev.iamatlas.model.rules;

import static dev.iamatlas.model.testing.Accounts.*;
import static dev.iamatlas.model.testing.TestGraphs.build;
import static dev.iamatlas.model.testing.TestGraphs.edge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestIntegration;
import dev.iamatlas.model.snapshot.RestMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An integration with a credentials role: API Gateway assumes the role and calls Lambda with it
 * (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-lambda.html">API
 * Gateway: Lambda integration with an IAM role</a>), so the role must trust apigateway.amazonaws.com
 * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html">trust policies</a>).
 */
class RoutesInvokeViaCredentialsRoleTest {
    private static final RoutesInvokeViaCredentialsRole RULE = new RoutesInvokeViaCredentialsRole();
    private static final String ORDERS = functionArn("orders");
    private static final String ROUTE = routeArn("prod", "POST", "/orders");
    private static final String INVOKE = "{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':'" + ORDERS + "'}";

    private static AccountSnapshot withRole(PolicyText trust, PolicyText permissions, String credentials) {
        IamRole.Builder role = IamRole.builder(roleArn("apigw-invoke"), "apigw-invoke").trustPolicy(trust);
        if (permissions != null) {
            role.inlinePolicy("invoke", permissions);
        }
        RestMethod m = new RestMethod("POST", "NONE", null, false, List.of(),
                new RestIntegration("AWS", invocationUri(ORDERS), "POST", credentials));
        return account().role(role.build()).function(function("orders", "orders-role", null))
                .restApi(restApi(List.of("prod"), "/orders", m).build()).build();
    }

    @Test
    void roleThatTrustsApiGatewayAndMayInvokeIsAWorkingPathOfItsOwn() {
        AccessGraph g = build(withRole(trusts("apigateway.amazonaws.com"), policy(INVOKE), roleArn("apigw-invoke")), RULE);

        assertThat(edge(g, EdgeType.USES_CREDENTIALS_ROLE, ROUTE, roleArn("apigw-invoke")).status()).isEqualTo(EdgeStatus.ALLOWED);
        AccessEdge via = edge(g, EdgeType.INVOKES_VIA_ROLE, ROUTE, ORDERS);
        assertThat(via.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(via.evidence().requests()).extracting(r -> r.action())
                .containsExactly("sts:AssumeRole", "lambda:InvokeFunction");
    }

    @Test
    void roleThatDoesNotTrustApiGatewayBreaksBothEdges() {
        AccessGraph g = build(withRole(trusts("lambda.amazonaws.com"), policy(INVOKE), roleArn("apigw-invoke")), RULE);

        assertThat(edge(g, EdgeType.USES_CREDENTIALS_ROLE, ROUTE, roleArn("apigw-invoke")).status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(edge(g, EdgeType.INVOKES_VIA_ROLE, ROUTE, ORDERS).status()).isEqualTo(EdgeStatus.DENIED);
    }

    @Test
    void roleWithoutInvokePermissionCannotInvoke() {
        AccessGraph g = build(withRole(trusts("apigateway.amazonaws.com"), null, roleArn("apigw-invoke")), RULE);

        assertThat(edge(g, EdgeType.USES_CREDENTIALS_ROLE, ROUTE, roleArn("apigw-invoke")).status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(edge(g, EdgeType.INVOKES_VIA_ROLE, ROUTE, ORDERS).status()).isEqualTo(EdgeStatus.DENIED);
    }

    @Test
    void roleThatDoesNotExistIsABrokenLink() {
        AccessGraph g = build(withRole(trusts("apigateway.amazonaws.com"), policy(INVOKE), roleArn("gone")), RULE);

        AccessEdge uses = edge(g, EdgeType.USES_CREDENTIALS_ROLE, ROUTE, roleArn("gone"));
        assertThat(uses.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(uses.attribute(AccessEdge.BROKEN_BECAUSE)).contains("does not exist");
        assertThat(edge(g, EdgeType.INVOKES_VIA_ROLE, ROUTE, ORDERS).status()).isEqualTo(EdgeStatus.DENIED);
    }

    @Test
    void callerCredentialsPassthroughDependsOnEachCallersPolicies() {
        AccessGraph g = build(withRole(trusts("apigateway.amazonaws.com"), null, "arn:aws:iam::*:user/*"), RULE);

        AccessEdge via = edge(g, EdgeType.INVOKES_VIA_ROLE, ROUTE, ORDERS);
        assertThat(via.status()).isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(via.evidence().notes().get(0)).contains("caller's own credentials");
    }
}
