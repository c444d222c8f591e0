package dev.iamatlas.model.findings;

import static dev.iamatlas.model.testing.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.ScanMetadata;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API Gateway findings (APIGW_LAMBDA_PERMISSION_MISSING, UNUSED_LAMBDA_PERMISSION,
 * LAMBDA_PERMISSION_SOURCE_TOO_BROAD, PUBLIC_ROUTE_TO_PRIVILEGED_ROLE) on configurations where AWS's documented
 * behaviour decides: the source ARN of a REST ANY method and of a function in another region (Lambda guide,
 * services-apigateway, Permissions), API ids of other accounts, authorizers no method uses, and ANY methods the
 * resource policy opens for some HTTP methods only.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: resource-based policy for API Gateway</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html">Use API Gateway Lambda authorizers</a>
 */
class ApiGatewayPermissionFindingsTest {
    private static final String ORDERS = functionArn("orders");
    private static final String GET_ORDERS = routeArn("prod", "GET", "/orders");

    static List<Finding> findings(AccountSnapshot s, String rule) {
        try (AnalysisSession session = AnalysisSession.open(s, 1)) {
            return session.findings().stream().filter(f -> f.ruleId().equals(rule)).collect(Collectors.toList());
        }
    }

    static AccountSnapshot shop(PolicyText ordersPolicy) {
        return account().role(executionRole("orders-role", null)).function(function("orders", "orders-role", ordersPolicy))
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(ORDERS))).build()).build();
    }

    /**
     * API in us-east-1, function in us-west-2, permission written as the Lambda guide says (source ARN in the
     * function's region, services-apigateway "Permissions" note). AWS: the route works and the permission is used.
     */
    static AccountSnapshot crossRegion() {
        String west = "arn:aws:lambda:us-west-2:" + ACCOUNT + ":function:orders";
        LambdaFunction f = LambdaFunction.builder(west, "orders", "us-west-2").runtime("java17")
                .roleArn(roleArn("orders-role")).resourcePolicy(policy(apiGatewayPermission("apigw", west,
                        "arn:aws:execute-api:us-west-2:" + ACCOUNT + ":" + API_ID + "/*/GET/orders")))
                .build();
        return AccountSnapshot.builder(ScanMetadata.of(ACCOUNT, "test", List.of(REGION, "us-west-2")))
                .role(executionRole("orders-role", null)).function(f)
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(west))).build()).build();
    }

    @Test
    void crossRegionPermissionInTheFunctionsRegionIsNotMissing() {
        assertThat(findings(crossRegion(), RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING)).isEmpty();
    }

    @Test
    void crossRegionPermissionInTheFunctionsRegionIsNotUnused() {
        assertThat(findings(crossRegion(), RuleCatalogue.UNUSED_LAMBDA_PERMISSION)).isEmpty();
    }

    /**
     * An API id is unique within a region across all accounts (it is the host name API_ID.execute-api.REGION.amazonaws.com),
     * and the statement also pins aws:SourceAccount: a wildcard account admits exactly this account's API abc123. The
     * tool reports HIGH "admits every API id of every account".
     */
    @Test
    void accountWildcardWithAFixedApiIdAndSourceAccountIsNotHigh() {
        PolicyText p = policy("{'Sid':'apigw','Effect':'Allow','Principal':{'Service':'apigateway.amazonaws.com'},"
                + "'Action':'lambda:InvokeFunction','Resource':'" + ORDERS + "','Condition':{"
                + "'ArnLike':{'AWS:SourceArn':'arn:aws:execute-api:us-east-1:*:abc123/*/GET/orders'},"
                + "'StringEquals':{'AWS:SourceAccount':'" + ACCOUNT + "'}}}");

        assertThat(findings(shop(p), RuleCatalogue.LAMBDA_PERMISSION_SOURCE_TOO_BROAD))
                .noneMatch(f -> f.severity() == Severity.HIGH);
    }

    /**
     * An authorizer that no method references is never invoked by API Gateway (only a method's authorizerId makes API
     * Gateway call it), so nothing "fails with 500". The tool reports APIGW_LAMBDA_PERMISSION_MISSING for it.
     */
    @Test
    void authorizerNoMethodUsesIsNotReportedAsMissingAPermission() {
        PolicyText ok = policy(apiGatewayPermission("apigw", ORDERS, GET_ORDERS));
        AccountSnapshot s = account().role(executionRole("orders-role", null)).role(executionRole("auth-role", null))
                .function(function("orders", "orders-role", ok)).function(function("auth", "auth-role", null))
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(ORDERS)))
                        .authorizer(new RestAuthorizer("au1", "old", "TOKEN", invocationUri(functionArn("auth")), null,
                                List.of(), "method.request.header.Authorization")).build())
                .build();

        assertThat(findings(s, RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING)).isEmpty();
    }

    /**
     * ANY /orders without authorization; the API's resource policy lets everyone call GET only. Anyone on the Internet
     * can GET /orders and run the admin-equivalent role; the tool's CALLS_ROUTE edge is CONDITIONAL (mixed methods),
     * and the detector only looks at ALLOWED edges.
     */
    @Test
    void anyRouteOpenToTheInternetForSomeMethodsStillReachesTheAdminRole() {
        PolicyText admin = policy("{'Effect':'Allow','Action':'*','Resource':'*'}");
        AccountSnapshot s = account().role(executionRole("orders-role", admin))
                .function(function("orders", "orders-role", policy(apiGatewayPermission("apigw", ORDERS,
                        "arn:aws:execute-api:us-east-1:111122223333:abc123/*/*/orders"))))
                .restApi(restApi(List.of("prod"), "/orders", method("ANY", "NONE", invocationUri(ORDERS)))
                        .policy(policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke',"
                                + "'Resource':'arn:aws:execute-api:us-east-1:111122223333:abc123/*/GET/*'}"))
                        .build())
                .build();

        assertThat(findings(s, RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE)).isNotEmpty();
    }

    /** ANY /orders with the permission the Lambda guide shows for an ANY method (.../ANY/orders): healthy in AWS. */
    @Test
    void anyMethodPermissionNamingAnyIsNeitherMissingNorUnused() {
        AccountSnapshot s = account().role(executionRole("orders-role", null))
                .function(function("orders", "orders-role", policy(apiGatewayPermission("apigw", ORDERS,
                        "arn:aws:execute-api:us-east-1:111122223333:abc123/*/ANY/orders"))))
                .restApi(restApi(List.of("prod"), "/orders", method("ANY", "NONE", invocationUri(ORDERS))).build()).build();

        assertThat(findings(s, RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING)).isEmpty();
        assertThat(findings(s, RuleCatalogue.UNUSED_LAMBDA_PERMISSION)).isEmpty();
    }
}
