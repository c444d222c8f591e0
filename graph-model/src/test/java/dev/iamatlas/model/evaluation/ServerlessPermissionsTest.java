package dev.iamatlas.model.evaluation;

import static dev.iamatlas.model.evaluation.Eval.A;
import static dev.iamatlas.model.evaluation.Eval.B;
import static dev.iamatlas.model.evaluation.Eval.decide;
import static dev.iamatlas.model.evaluation.Eval.request;
import static dev.iamatlas.model.evaluation.Eval.statements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lambda resource-based policies and API Gateway permissions, from their documentation:
 * https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html and
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
class ServerlessPermissionsTest {
    static final String FUNCTION = "arn:aws:lambda:us-east-1:" + A + ":function:my-function";
    static final String API_ROUTE = "arn:aws:execute-api:us-east-1:" + A + ":mnh1yprki7/prod/GET/orders";

    /** What {@code aws lambda add-permission --principal apigateway.amazonaws.com --source-arn ...} stores. */
    static final NamedPolicy API_GATEWAY_PERMISSION = statements("{'Sid':'apigw-orders','Effect':'Allow',"
            + "'Principal':{'Service':'apigateway.amazonaws.com'},'Action':'lambda:InvokeFunction','Resource':'" + FUNCTION + "',"
            + "'Condition':{'ArnLike':{'AWS:SourceArn':'arn:aws:execute-api:us-east-1:" + A + ":mnh1yprki7/*/GET/orders'}}}");

    static Stream<Arguments> apiGatewayInvocations() {
        return Stream.of(
                Arguments.of("the route of the permission, any stage", API_ROUTE, FUNCTION, Outcome.ALLOW),
                Arguments.of("another stage of the same route", "arn:aws:execute-api:us-east-1:" + A + ":mnh1yprki7/test/GET/orders", FUNCTION, Outcome.ALLOW),
                Arguments.of("another method", "arn:aws:execute-api:us-east-1:" + A + ":mnh1yprki7/prod/POST/orders", FUNCTION, Outcome.IMPLICIT_DENY),
                Arguments.of("another API", "arn:aws:execute-api:us-east-1:" + A + ":otherapi12/prod/GET/orders", FUNCTION, Outcome.IMPLICIT_DENY),
                Arguments.of("an API in another account", "arn:aws:execute-api:us-east-1:" + B + ":mnh1yprki7/prod/GET/orders", FUNCTION, Outcome.IMPLICIT_DENY),
                Arguments.of("a qualified ARN of the function (alias)", API_ROUTE, FUNCTION + ":prod", Outcome.IMPLICIT_DENY),
                Arguments.of("a qualified ARN of the function (version)", API_ROUTE, FUNCTION + ":7", Outcome.IMPLICIT_DENY));
    }

    @ParameterizedTest(name = "API Gateway invoking from {0}: {3}")
    @MethodSource("apiGatewayInvocations")
    void apiGatewayMayInvokeOnlyFromTheSourceArnOfThePermission(String what, String sourceArn, String function, Outcome expected) {
        assertThat(decide(request("apigateway.amazonaws.com", "lambda:InvokeFunction", function)
                .context("aws:SourceArn", sourceArn).resourcePolicy(API_GATEWAY_PERMISSION))).isEqualTo(expected);
    }

    @Test
    void withoutSourceArnInTheRequestThePermissionDoesNotApply() {
        assertThat(decide(request("apigateway.amazonaws.com", "lambda:InvokeFunction", FUNCTION).resourcePolicy(API_GATEWAY_PERMISSION)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aPermissionWithoutSourceArnLetsApiGatewayInvokeFromAnyApi() {
        NamedPolicy open = statements("{'Effect':'Allow','Principal':{'Service':'apigateway.amazonaws.com'},'Action':'lambda:InvokeFunction','Resource':'" + FUNCTION + "'}");
        assertThat(decide(request("apigateway.amazonaws.com", "lambda:InvokeFunction", FUNCTION)
                .context("aws:SourceArn", "arn:aws:execute-api:us-east-1:" + B + ":evil/prod/GET/x").resourcePolicy(open))).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void anotherServiceIsNotApiGateway() {
        assertThat(decide(request("s3.amazonaws.com", "lambda:InvokeFunction", FUNCTION).context("aws:SourceArn", API_ROUTE)
                .resourcePolicy(API_GATEWAY_PERMISSION))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void servicePrincipalsIgnoreIdentityPolicies() {
        assertThat(decide(request("apigateway.amazonaws.com", "lambda:InvokeFunction", FUNCTION)
                .identityPolicy(statements("{'Effect':'Allow','Action':'*','Resource':'*'}")))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aPermissionOnAnAliasAllowsOnlyTheAliasArn() {
        NamedPolicy aliasPolicy = statements("{'Effect':'Allow','Principal':{'Service':'s3.amazonaws.com'},'Action':'lambda:InvokeFunction','Resource':'" + FUNCTION + ":PROD'}");
        assertThat(decide(request("s3.amazonaws.com", "lambda:InvokeFunction", FUNCTION + ":PROD").resourcePolicy(aliasPolicy))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request("s3.amazonaws.com", "lambda:InvokeFunction", FUNCTION).resourcePolicy(aliasPolicy))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void anIdentityPolicyOnTheUnqualifiedArnDoesNotCoverVersionsButColonStarDoes() {
        String role = "arn:aws:sts::" + A + ":assumed-role/caller/s";
        NamedPolicy unqualified = statements("{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':'" + FUNCTION + "'}");
        NamedPolicy allVersions = statements("{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':['" + FUNCTION + "','" + FUNCTION + ":*']}");
        assertThat(decide(request(role, "lambda:InvokeFunction", FUNCTION + ":$LATEST").identityPolicy(unqualified))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request(role, "lambda:InvokeFunction", FUNCTION + ":$LATEST").identityPolicy(allVersions))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(role, "lambda:InvokeFunction", FUNCTION).identityPolicy(allVersions))).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void anotherAccountGrantedByAccountIdStillNeedsItsOwnIdentityPolicy() {
        NamedPolicy crossAccount = statements("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + B + ":root'},'Action':'lambda:InvokeFunction','Resource':'" + FUNCTION + "'}");
        String partner = "arn:aws:sts::" + B + ":assumed-role/partner/s";
        assertThat(decide(request(partner, "lambda:InvokeFunction", FUNCTION).resourcePolicy(crossAccount))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request(partner, "lambda:InvokeFunction", FUNCTION).resourcePolicy(crossAccount)
                .identityPolicy(statements("{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':'*'}")))).isEqualTo(Outcome.ALLOW);
    }

    /** https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html */
    @Test
    void aPublicFunctionUrlPermissionAllowsAnonymousCallersOnlyForAuthTypeNone() {
        NamedPolicy url = statements("{'Effect':'Allow','Principal':'*','Action':'lambda:InvokeFunctionUrl','Resource':'" + FUNCTION + "',"
                + "'Condition':{'StringEquals':{'lambda:FunctionUrlAuthType':'NONE'}}}");
        assertThat(decide(request("anonymous", "lambda:InvokeFunctionUrl", FUNCTION).context("lambda:FunctionUrlAuthType", "NONE").resourcePolicy(url)))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide(request("anonymous", "lambda:InvokeFunctionUrl", FUNCTION).context("lambda:FunctionUrlAuthType", "AWS_IAM").resourcePolicy(url)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** The IP allow-list example of "API Gateway resource policy only". */
    @Test
    void anApiResourcePolicyAllowListsSourceIps() {
        NamedPolicy api = statements("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'arn:aws:execute-api:us-east-1:" + A + ":mnh1yprki7/*',"
                + "'Condition':{'IpAddress':{'aws:SourceIp':['192.0.2.0/24','198.51.100.0/24']}}}");
        assertThat(decide(request("anonymous", "execute-api:Invoke", API_ROUTE).context("aws:SourceIp", "192.0.2.10").resourcePolicy(api))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request("anonymous", "execute-api:Invoke", API_ROUTE).context("aws:SourceIp", "203.0.113.1").resourcePolicy(api)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** Table B of the authorization-flow page: IAM authentication with a resource policy. */
    static Stream<Arguments> iamAuthTable() {
        String allowInvoke = "{'Effect':'Allow','Action':'execute-api:Invoke','Resource':'*'}";
        return Stream.of(
                Arguments.of(A, true, false, Outcome.ALLOW),
                Arguments.of(A, false, true, Outcome.ALLOW),
                Arguments.of(A, true, true, Outcome.ALLOW),
                Arguments.of(A, false, false, Outcome.IMPLICIT_DENY),
                Arguments.of(B, true, false, Outcome.IMPLICIT_DENY),
                Arguments.of(B, false, true, Outcome.IMPLICIT_DENY),
                Arguments.of(B, true, true, Outcome.ALLOW))
                .map(a -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], a.get()[3], allowInvoke));
    }

    @ParameterizedTest(name = "caller account {0}, IAM policy allows {1}, resource policy allows {2}: {3}")
    @MethodSource("iamAuthTable")
    void iamAuthenticationWithAResourcePolicyFollowsTableB(String callerAccount, boolean identityAllows, boolean resourceAllows,
            Outcome expected, String allowInvoke) {
        String caller = "arn:aws:iam::" + callerAccount + ":user/u";
        EvaluationRequest.Builder b = request(caller, "execute-api:Invoke", API_ROUTE);
        if (identityAllows) {
            b.identityPolicy(statements(allowInvoke));
        }
        if (resourceAllows) {
            b.resourcePolicy(statements("{'Effect':'Allow','Principal':{'AWS':'" + caller + "'},'Action':'execute-api:Invoke','Resource':'*'}"));
        }
        assertThat(decide(b)).isEqualTo(expected);
    }
}
