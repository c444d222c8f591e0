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
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Lambda side: execution roles (<a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html">Lambda
 * execution role</a>), aliases and versions, function URLs
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html">Lambda function URL access control</a>) and the
 * principals a resource policy names (<a href="https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html">Lambda
 * resource-based policies</a>).
 */
class LambdaRulesTest {
    private static final String ORDERS = functionArn("orders");

    @Test
    void functionRunsAsARoleThatTrustsLambda() {
        AccountSnapshot s = account().role(executionRole("orders-role", null))
                .function(function("orders", "orders-role", null)).build();

        assertThat(edge(build(s, new FunctionsRunAsRoles()), EdgeType.RUNS_AS, ORDERS, roleArn("orders-role")).status())
                .isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void functionWhoseRoleDoesNotTrustLambdaCannotRun() {
        IamRole role = IamRole.builder(roleArn("orders-role"), "orders-role").trustPolicy(trusts("ec2.amazonaws.com")).build();
        AccountSnapshot s = account().role(role).function(function("orders", "orders-role", null)).build();

        assertThat(edge(build(s, new FunctionsRunAsRoles()), EdgeType.RUNS_AS, ORDERS, roleArn("orders-role")).status())
                .isEqualTo(EdgeStatus.DENIED);
    }

    @Test
    void functionWhoseRoleIsMissingHasABrokenRunsAsEdge() {
        AccountSnapshot s = account().function(function("orders", "gone", null)).build();
        AccessGraph g = build(s, new FunctionsRunAsRoles());

        AccessEdge e = edge(g, EdgeType.RUNS_AS, ORDERS, roleArn("gone"));
        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
        assertThat(g.requireNode(roleArn("gone")).isPlaceholder()).isTrue();
    }

    @Test
    void eachVersionRunsAsItsOwnFrozenRole() {
        LambdaFunction f = function("orders", "orders-role", null).toBuilder()
                .version(new FunctionVersion("1", ORDERS + ":1", roleArn("old-role"), null)).build();
        AccountSnapshot s = account().role(executionRole("orders-role", null)).role(executionRole("old-role", null))
                .function(f).build();

        AccessGraph g = build(s, new FunctionsRunAsRoles());

        assertThat(edge(g, EdgeType.RUNS_AS, ORDERS + ":1", roleArn("old-role")).status()).isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void aliasResolvesToItsVersionsWithTheirWeights() {
        LambdaFunction f = function("orders", "orders-role", null).toBuilder()
                .version(new FunctionVersion("1", ORDERS + ":1", roleArn("orders-role"), null))
                .version(new FunctionVersion("2", ORDERS + ":2", roleArn("orders-role"), null))
                .alias(new FunctionAlias("live", ORDERS + ":live", "1", Map.of("2", 0.1), null)).build();
        AccessGraph g = build(account().function(f).build(), new AliasesResolveToVersions());

        assertThat(edge(g, EdgeType.RESOLVES_TO, ORDERS + ":live", ORDERS + ":1").status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(edge(g, EdgeType.RESOLVES_TO, ORDERS + ":live", ORDERS + ":2").attribute(AccessEdge.WEIGHT)).isEqualTo("0.10");
    }

    @Test
    void aliasPointingAtAMissingVersionIsBroken() {
        LambdaFunction f = function("orders", "orders-role", null).toBuilder()
                .alias(new FunctionAlias("live", ORDERS + ":live", "9", Map.of(), null)).build();

        AccessEdge e = edge(build(account().function(f).build(), new AliasesResolveToVersions()), EdgeType.RESOLVES_TO,
                ORDERS + ":live", ORDERS + ":9");

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
    }

    private static AccountSnapshot urlFunction(String authType, PolicyText policy) {
        LambdaFunction f = function("orders", "orders-role", policy).toBuilder()
                .urlConfig(new FunctionUrlConfig("https://abc.lambda-url.us-east-1.on.aws/", ORDERS, null, authType, null))
                .build();
        return account().function(f).build();
    }

    private static final String PUBLIC_URL = functionUrlPermission(ORDERS, "NONE");
    private static final String PUBLIC_INVOKE_VIA_URL = invokeViaFunctionUrlPermission(ORDERS);

    @Test
    void functionUrlWithAuthTypeNoneAndAPublicPolicyIsCallableFromTheInternet() {
        AccessGraph g = build(urlFunction("NONE", policy(PUBLIC_URL, PUBLIC_INVOKE_VIA_URL)), new FunctionUrlCallers());

        String url = "https://abc.lambda-url.us-east-1.on.aws/";
        assertThat(edge(g, EdgeType.CALLS_FUNCTION_URL, NodeIds.INTERNET, url).status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(edge(g, EdgeType.RESOLVES_TO, url, ORDERS).status()).isEqualTo(EdgeStatus.ALLOWED);
    }

    @Test
    void functionUrlGrantingOnlyInvokeFunctionUrlIsConditionalSinceOctober2025() {
        AccessEdge e = edge(build(urlFunction("NONE", policy(PUBLIC_URL)), new FunctionUrlCallers()),
                EdgeType.CALLS_FUNCTION_URL, NodeIds.INTERNET, "https://abc.lambda-url.us-east-1.on.aws/");

        assertThat(e.status()).isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(e.evidence().notes().get(0)).contains("October 2025");
    }

    @Test
    void functionUrlWithAuthTypeNoneButNoPolicyRejectsTheInternet() {
        AccessEdge e = edge(build(urlFunction("NONE", null), new FunctionUrlCallers()), EdgeType.CALLS_FUNCTION_URL,
                NodeIds.INTERNET, "https://abc.lambda-url.us-east-1.on.aws/");

        assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
    }

    @Test
    void functionUrlWithIamAuthIsNotCallableFromTheInternet() {
        AccessGraph g = build(urlFunction("AWS_IAM", null), new FunctionUrlCallers());

        String url = "https://abc.lambda-url.us-east-1.on.aws/";
        assertThat(edges(g, EdgeType.CALLS_FUNCTION_URL, NodeIds.INTERNET, url)).isEmpty();
        assertThat(edge(g, EdgeType.CALLS_FUNCTION_URL, NodeIds.accountRoot("aws", ACCOUNT), url).status())
                .isEqualTo(EdgeStatus.CONDITIONAL);
    }

    @Test
    void serviceWithoutSourceConditionMayInvokeOutright() {
        AccountSnapshot s = account().function(function("orders", "orders-role", policy("{'Sid':'s3','Effect':'Allow',"
                + "'Principal':{'Service':'s3.amazonaws.com'},'Action':'lambda:InvokeFunction','Resource':'" + ORDERS + "'}")))
                .build();

        AccessEdge e = edge(build(s, new ResourcePolicyInvokers()), EdgeType.CAN_INVOKE, "s3.amazonaws.com", ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(e.attribute(AccessEdge.STATEMENT_IDS)).isEqualTo("s3");
    }

    @Test
    void serviceLimitedToASourceArnIsConditional() {
        AccountSnapshot s = account().function(function("orders", "orders-role",
                policy(apiGatewayPermission("apigw", ORDERS, routeArn("prod", "GET", "/orders"))))).build();

        AccessEdge e = edge(build(s, new ResourcePolicyInvokers()), EdgeType.CAN_INVOKE, "apigateway.amazonaws.com", ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.CONDITIONAL);
    }

    @Test
    void everyoneInAPolicyMeansAnyAwsPrincipalNotTheAnonymousInternet() {
        AccountSnapshot s = account().function(function("orders", "orders-role", policy("{'Sid':'open','Effect':'Allow',"
                + "'Principal':'*','Action':'lambda:InvokeFunction','Resource':'" + ORDERS + "'}"))).build();
        AccessGraph g = build(s, new ResourcePolicyInvokers());

        AccessEdge e = edge(g, EdgeType.CAN_INVOKE, NodeIds.ANY_AWS_PRINCIPAL, ORDERS);
        assertThat(e.status()).isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(e.attribute(AccessEdge.RESOURCE_SIDE)).isEqualTo("ALLOWED");
        assertThat(edges(g, EdgeType.CAN_INVOKE, NodeIds.INTERNET, ORDERS)).isEmpty();
    }

    @Test
    void anotherAccountNamedInThePolicyMayInvokeIfItsOwnPoliciesAllow() {
        AccountSnapshot s = account().function(function("orders", "orders-role", policy("{'Sid':'partner','Effect':'Allow',"
                + "'Principal':{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT + ":root'},'Action':'lambda:InvokeFunction','Resource':'"
                + ORDERS + "'}"))).build();

        AccessEdge e = edge(build(s, new ResourcePolicyInvokers()), EdgeType.CAN_INVOKE,
                NodeIds.accountRoot("aws", OTHER_ACCOUNT), ORDERS);

        assertThat(e.status()).isEqualTo(EdgeStatus.CONDITIONAL);
        assertThat(e.attribute(AccessEdge.RESOURCE_SIDE)).isEqualTo("ALLOWED");
    }

    @Test
    void aliasPolicyInvokersPointAtTheAlias() {
        LambdaFunction f = function("orders", "orders-role", null).toBuilder()
                .alias(alias("orders", "live", "1", policy("{'Sid':'sns','Effect':'Allow','Principal':{'Service':"
                        + "'sns.amazonaws.com'},'Action':'lambda:InvokeFunction','Resource':'" + ORDERS + ":live'}"))).build();

        AccessGraph g = build(account().function(f).build(), new ResourcePolicyInvokers());

        assertThat(edge(g, EdgeType.CAN_INVOKE, "sns.amazonaws.com", ORDERS + ":live").status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(edges(g, EdgeType.CAN_INVOKE, "sns.amazonaws.com", ORDERS)).isEmpty();
    }
}
