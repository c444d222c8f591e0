package dev.iamatlas.model.findings;

import static dev.iamatlas.model.testing.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.edit.AddLambdaPermission;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestIntegration;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each finding fires on its misconfiguration and not on the healthy configuration next to it. */
class FindingsTest {
    private static final String ORDERS = functionArn("orders");
    private static final String GET_ORDERS = routeArn("prod", "GET", "/orders");

    static List<Finding> findings(AccountSnapshot s, String rule) {
        try (AnalysisSession session = AnalysisSession.open(s, 1)) {
            return session.findings().stream().filter(f -> f.ruleId().equals(rule)).collect(Collectors.toList());
        }
    }

    static AccountSnapshot.Builder shop(PolicyText ordersPolicy, String auth) {
        return account().role(executionRole("orders-role", null))
                .function(function("orders", "orders-role", ordersPolicy))
                .restApi(restApi(List.of("prod"), "/orders", method("GET", auth, invocationUri(ORDERS))).build());
    }

    /** <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Granting API Gateway access</a>. */
    @Nested
    class ApiGatewayPermissionMissingTest {
        @Test
        void routeWhoseFunctionHasNoPermissionIsReportedWithTheExactAddPermissionCommand() {
            List<Finding> found = findings(shop(null, "NONE").build(), RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING);

            assertThat(found).hasSize(1);
            Finding f = found.get(0);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.resource()).isEqualTo(ORDERS);
            assertThat(f.principal()).isEqualTo("apigateway.amazonaws.com");
            assertThat(f.fix().commands()).containsExactly("aws lambda add-permission --function-name " + ORDERS
                    + " --statement-id apigateway-abc123-prod-GET-orders --action lambda:InvokeFunction"
                    + " --principal apigateway.amazonaws.com --source-arn " + GET_ORDERS
                    + " --source-account 111122223333 --region us-east-1");
        }

        @Test
        void routeWithItsPermissionIsHealthy() {
            PolicyText ok = policy(apiGatewayPermission("apigw", ORDERS, GET_ORDERS));

            assertThat(findings(shop(ok, "NONE").build(), RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING)).isEmpty();
        }

        @Test
        void applyingTheSuggestedPermissionResolvesTheFinding() {
            try (AnalysisSession session = AnalysisSession.open(shop(null, "NONE").build(), 1)) {
                var change = session.apply(AddLambdaPermission.forApiGateway(ORDERS, "apigw", GET_ORDERS, ACCOUNT));

                assertThat(change.diff().resolvedFindings()).extracting(Finding::ruleId)
                        .contains(RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING);
                assertThat(session.findings()).noneMatch(f -> f.ruleId().equals(RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING));
            }
        }
    }

    /** <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-lambda.html">Lambda integration with a role</a>. */
    @Nested
    class CredentialsRoleBrokenTest {
        AccountSnapshot withTrust(String service) {
            IamRole role = IamRole.builder(roleArn("invoker"), "invoker").trustPolicy(trusts(service))
                    .inlinePolicy("invoke", policy("{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':'" + ORDERS + "'}"))
                    .build();
            RestMethod m = new RestMethod("GET", "NONE", null, false, List.of(),
                    new RestIntegration("AWS_PROXY", invocationUri(ORDERS), "POST", roleArn("invoker")));
            return account().role(role).role(executionRole("orders-role", null))
                    .function(function("orders", "orders-role", null))
                    .restApi(restApi(List.of("prod"), "/orders", m).build()).build();
        }

        @Test
        void roleThatDoesNotTrustApiGatewayIsReportedWithTheCorrectedTrustPolicy() {
            List<Finding> found = findings(withTrust("ec2.amazonaws.com"), RuleCatalogue.APIGW_CREDENTIALS_ROLE_BROKEN);

            assertThat(found).hasSize(1);
            assertThat(found.get(0).fix().policyChange()).contains("apigateway.amazonaws.com").contains("aws:SourceAccount");
            assertThat(found.get(0).fix().commands().get(0)).startsWith("aws iam update-assume-role-policy --role-name invoker");
        }

        @Test
        void roleThatTrustsApiGatewayIsHealthy() {
            assertThat(findings(withTrust("apigateway.amazonaws.com"), RuleCatalogue.APIGW_CREDENTIALS_ROLE_BROKEN)).isEmpty();
        }
    }

    /** <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html">The confused deputy problem</a>. */
    @Nested
    class PermissionWithoutSourceTest {
        @Test
        void permissionWithoutSourceArnIsFlaggedAsConfusedDeputy() {
            PolicyText open = policy("{'Sid':'apigw','Effect':'Allow','Principal':{'Service':'apigateway.amazonaws.com'},"
                    + "'Action':'lambda:InvokeFunction','Resource':'" + ORDERS + "'}");

            List<Finding> found = findings(shop(open, "NONE").build(), RuleCatalogue.LAMBDA_PERMISSION_NO_SOURCE);

            assertThat(found).hasSize(1);
            assertThat(found.get(0).message()).contains("any API in any AWS account");
            assertThat(found.get(0).fix().commands()).containsExactly(
                    "aws lambda remove-permission --function-name " + ORDERS + " --statement-id apigw --region us-east-1",
                    "aws lambda add-permission --function-name " + ORDERS + " --statement-id apigw-route-1"
                            + " --action lambda:InvokeFunction --principal apigateway.amazonaws.com --source-arn " + GET_ORDERS
                            + " --source-account 111122223333 --region us-east-1");
        }

        @Test
        void permissionWithSourceAccountIsHealthy() {
            PolicyText limited = policy("{'Sid':'s3','Effect':'Allow','Principal':{'Service':'s3.amazonaws.com'},"
                    + "'Action':'lambda:InvokeFunction','Resource':'" + ORDERS + "','Condition':{'StringEquals':"
                    + "{'AWS:SourceAccount':'111122223333'}}}");

            assertThat(findings(shop(limited, "NONE").build(), RuleCatalogue.LAMBDA_PERMISSION_NO_SOURCE)).isEmpty();
        }
    }

    @Nested
    class SourceArnTooBroadTest {
        AccountSnapshot twoStages(String pattern) {
            String other = functionArn("orders-test");
            RestApi api = restApi(List.of("prod", "test"), "/orders", method("GET", "NONE", invocationUri(ORDERS)))
                    .stages(List.of(new dev.iamatlas.model.snapshot.RestStage("prod", "d", java.util.Map.of("fn", "orders"), null),
                            new dev.iamatlas.model.snapshot.RestStage("test", "d", java.util.Map.of("fn", "orders-test"), null)))
                    .resources(List.of(new RestResource("r", null, "/orders", List.of(method("GET", "NONE",
                            invocationUri("arn:aws:lambda:us-east-1:111122223333:function:${stageVariables.fn}"))))))
                    .build();
            return account().role(executionRole("orders-role", null))
                    .function(function("orders", "orders-role", policy(apiGatewayPermission("apigw", ORDERS, pattern))))
                    .function(function("orders-test", "orders-role", policy(apiGatewayPermission("apigw", other,
                            routeArn("test", "GET", "/orders")))))
                    .restApi(api).build();
        }

        @Test
        void stageWildcardAdmittingAStageThatUsesAnotherFunctionIsMedium() {
            List<Finding> found = findings(twoStages("arn:aws:execute-api:us-east-1:111122223333:abc123/*/GET/orders"),
                    RuleCatalogue.LAMBDA_PERMISSION_SOURCE_TOO_BROAD);

            assertThat(found).hasSize(1);
            assertThat(found.get(0).severity()).isEqualTo(Severity.MEDIUM);
            assertThat(found.get(0).message()).contains(routeArn("test", "GET", "/orders") + " (another stage)");
        }

        @Test
        void anyApiIdIsHigh() {
            List<Finding> found = findings(twoStages("arn:aws:execute-api:us-east-1:*:*/*/GET/orders"),
                    RuleCatalogue.LAMBDA_PERMISSION_SOURCE_TOO_BROAD);

            assertThat(found).extracting(Finding::severity).containsExactly(Severity.HIGH);
        }

        @Test
        void exactRoutePermissionIsHealthy() {
            assertThat(findings(twoStages(GET_ORDERS), RuleCatalogue.LAMBDA_PERMISSION_SOURCE_TOO_BROAD)).isEmpty();
        }
    }

    /** <a href="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html">Function URL access control</a>. */
    @Nested
    class PublicInvokeTest {
        @Test
        void principalStarWithoutConditionIsPublic() {
            PolicyText open = policy("{'Sid':'open','Effect':'Allow','Principal':'*','Action':'lambda:InvokeFunction',"
                    + "'Resource':'" + ORDERS + "'}");

            List<Finding> found = findings(shop(open, "NONE").build(), RuleCatalogue.LAMBDA_PUBLIC_INVOKE);

            assertThat(found).hasSize(1);
            assertThat(found.get(0).fix().commands()).containsExactly(
                    "aws lambda remove-permission --function-name " + ORDERS + " --statement-id open --region us-east-1");
        }

        @Test
        void principalStarLimitedToTheOrganizationIsNotPublic() {
            PolicyText org = policy("{'Sid':'org','Effect':'Allow','Principal':'*','Action':'lambda:InvokeFunction',"
                    + "'Resource':'" + ORDERS + "','Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-123'}}}");

            assertThat(findings(shop(org, "NONE").build(), RuleCatalogue.LAMBDA_PUBLIC_INVOKE)).isEmpty();
        }

        AccountSnapshot url(String authType) {
            PolicyText p = policy(functionUrlPermission(ORDERS, authType));
            LambdaFunction f = function("orders", "orders-role", p).toBuilder()
                    .urlConfig(new FunctionUrlConfig("https://u.lambda-url.us-east-1.on.aws/", ORDERS, null, authType, null))
                    .build();
            return account().role(executionRole("orders-role", null)).function(f).build();
        }

        @Test
        void functionUrlWithAuthTypeNoneIsPublic() {
            List<Finding> found = findings(url("NONE"), RuleCatalogue.LAMBDA_PUBLIC_INVOKE);

            assertThat(found).hasSize(1);
            assertThat(found.get(0).fix().commands().get(0))
                    .isEqualTo("aws lambda update-function-url-config --function-name " + ORDERS
                            + " --auth-type AWS_IAM --region us-east-1");
        }

        @Test
        void functionUrlWithIamAuthIsNotPublic() {
            assertThat(findings(url("AWS_IAM"), RuleCatalogue.LAMBDA_PUBLIC_INVOKE)).isEmpty();
        }
    }

    /** <a href="https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html">Cross-account access</a>. */
    @Nested
    class CrossAccountInvokeTest {
        PolicyText naming(String account) {
            return policy("{'Sid':'x','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + account + ":root'},"
                    + "'Action':'lambda:InvokeFunction','Resource':'" + ORDERS + "'}");
        }

        @Test
        void anotherAccountThatMayInvokeIsReported() {
            List<Finding> found = findings(shop(naming(OTHER_ACCOUNT), "NONE").build(), RuleCatalogue.LAMBDA_CROSS_ACCOUNT_INVOKE);

            assertThat(found).extracting(Finding::principal).containsExactly("arn:aws:iam::" + OTHER_ACCOUNT + ":root");
            assertThat(found.get(0).severity()).isEqualTo(Severity.MEDIUM);
        }

        @Test
        void theFunctionsOwnAccountIsNotCrossAccount() {
            assertThat(findings(shop(naming(ACCOUNT), "NONE").build(), RuleCatalogue.LAMBDA_CROSS_ACCOUNT_INVOKE)).isEmpty();
        }
    }

    /** <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html">API Gateway resource policies</a>. */
    @Nested
    class PublicRouteToPrivilegedRoleTest {
        AccountSnapshot.Builder adminBehind(String auth) {
            PolicyText permission = policy(apiGatewayPermission("apigw", ORDERS, GET_ORDERS));
            return account().role(executionRole("orders-role", policy("{'Effect':'Allow','Action':'*','Resource':'*'}")))
                    .function(function("orders", "orders-role", permission))
                    .restApi(restApi(List.of("prod"), "/orders", method("GET", auth, invocationUri(ORDERS))).build());
        }

        @Test
        void unauthenticatedPublicRouteToAnAdminRoleIsCritical() {
            List<Finding> found = findings(adminBehind("NONE").build(), RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE);

            assertThat(found).hasSize(1);
            Finding f = found.get(0);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.pathEdgeIds()).hasSize(3);
            assertThat(f.fix().commands().get(0)).startsWith("aws apigateway update-method --rest-api-id abc123 --resource-id r0"
                    + " --http-method GET --patch-operations op=replace,path=/authorizationType,value=AWS_IAM");
        }

        @Test
        void iamAuthorizedRouteIsNotReported() {
            assertThat(findings(adminBehind("AWS_IAM").build(), RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE)).isEmpty();
        }

        @Test
        void routeRestrictedByTheApisResourcePolicyIsNotReachableFromTheInternet() {
            AccountSnapshot s = adminBehind("NONE").build();
            RestApi restricted = s.restApis().get(0).toBuilder().policy(policy("{'Effect':'Allow','Principal':'*',"
                    + "'Action':'execute-api:Invoke','Resource':'*','Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}"))
                    .build();
            AccountSnapshot.Builder b = s.toBuilder();
            b.restApis().set(0, restricted);

            assertThat(findings(b.build(), RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE)).isEmpty();
        }

        @Test
        void leastPrivilegeRoleIsNotReported() {
            AccountSnapshot s = account().role(executionRole("orders-role", policy("{'Effect':'Allow','Action':'dynamodb:GetItem','Resource':'*'}")))
                    .function(function("orders", "orders-role", policy(apiGatewayPermission("apigw", ORDERS, GET_ORDERS))))
                    .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(ORDERS))).build()).build();

            assertThat(findings(s, RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE)).isEmpty();
        }
    }

    /** <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html">Third-party access and the external id</a>. */
    @Nested
    class RoleTrustTooBroadTest {
        AccountSnapshot trusting(String statement) {
            return account().role(IamRole.builder(roleArn("shared"), "shared").trustPolicy(policy(statement)).build()).build();
        }

        @Test
        void trustingEveryoneIsCritical() {
            List<Finding> found = findings(trusting("{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'sts:AssumeRole'}"),
                    RuleCatalogue.ROLE_TRUST_TOO_BROAD);

            assertThat(found).extracting(Finding::severity).containsExactly(Severity.CRITICAL);
        }

        @Test
        void trustingAWholeOtherAccountWithoutExternalIdIsHighAndTheFixAddsOne() {
            List<Finding> found = findings(trusting("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT
                    + ":root'},'Action':'sts:AssumeRole'}"), RuleCatalogue.ROLE_TRUST_TOO_BROAD);

            assertThat(found).extracting(Finding::severity).containsExactly(Severity.HIGH);
            assertThat(found.get(0).fix().policyChange()).contains("sts:ExternalId");
            assertThat(found.get(0).pathEdgeIds()).hasSize(1);
        }

        @Test
        void trustWithExternalIdIsHealthy() {
            assertThat(findings(trusting("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT
                    + ":root'},'Action':'sts:AssumeRole','Condition':{'StringEquals':{'sts:ExternalId':'abc'}}}"),
                    RuleCatalogue.ROLE_TRUST_TOO_BROAD)).isEmpty();
        }

        @Test
        void webIdentityWithoutSubjectConditionIsReported() {
            String gh = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com";
            assertThat(findings(trusting("{'Effect':'Allow','Principal':{'Federated':'" + gh + "'},"
                    + "'Action':'sts:AssumeRoleWithWebIdentity'}"), RuleCatalogue.ROLE_TRUST_TOO_BROAD)).hasSize(1);
            assertThat(findings(trusting("{'Effect':'Allow','Principal':{'Federated':'" + gh + "'},"
                    + "'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringLike':"
                    + "{'token.actions.githubusercontent.com:sub':'repo:org/app:*'}}}"), RuleCatalogue.ROLE_TRUST_TOO_BROAD))
                    .isEmpty();
        }

        @Test
        void serviceTrustIsHealthy() {
            assertThat(findings(trusting("{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},'Action':'sts:AssumeRole'}"),
                    RuleCatalogue.ROLE_TRUST_TOO_BROAD)).isEmpty();
        }
    }

    @Nested
    class UnusedPermissionTest {
        @Test
        void permissionNamingAnApiThatDoesNotExistIsUnused() {
            PolicyText p = policy(apiGatewayPermission("old", ORDERS, "arn:aws:execute-api:us-east-1:111122223333:gone99/*/GET/orders"),
                    apiGatewayPermission("apigw", ORDERS, GET_ORDERS));

            List<Finding> found = findings(shop(p, "NONE").build(), RuleCatalogue.UNUSED_LAMBDA_PERMISSION);

            assertThat(found).hasSize(1);
            assertThat(found.get(0).message()).contains("API gone99 does not exist");
            assertThat(found.get(0).fix().commands()).containsExactly(
                    "aws lambda remove-permission --function-name " + ORDERS + " --statement-id old --region us-east-1");
        }

        @Test
        void permissionNamingAStageThatDoesNotExistIsUnused() {
            PolicyText p = policy(apiGatewayPermission("staging", ORDERS, routeArn("staging", "GET", "/orders")));

            assertThat(findings(shop(p, "NONE").build(), RuleCatalogue.UNUSED_LAMBDA_PERMISSION))
                    .extracting(Finding::message).allMatch(m -> m.contains("no stage, method or route of API abc123 matches"));
        }

        @Test
        void permissionUsedByARouteIsHealthy() {
            PolicyText p = policy(apiGatewayPermission("apigw", ORDERS, GET_ORDERS));

            assertThat(findings(shop(p, "NONE").build(), RuleCatalogue.UNUSED_LAMBDA_PERMISSION)).isEmpty();
        }
    }

    @Test
    void everyRuleIdInTheCatalogueHasADetector() {
        assertThat(Detectors.all()).extracting(FindingDetector::ruleId)
                .containsExactlyElementsOf(RuleCatalogue.rules().stream().map(RuleInfo::id).collect(Collectors.toList()));
    }
}
