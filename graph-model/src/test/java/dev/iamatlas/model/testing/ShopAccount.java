package dev.iamatlas.model.testing;

import static dev.iamatlas.model.testing.Accounts.*;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.AuthorizerV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.IntegrationV2;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyVersion;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestIntegration;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RestStage;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.snapshot.StageV2;
import java.util.List;
import java.util.Map;

/**
 * A small shop with every kind of link and every finding next to a healthy configuration: a REST API with two stages,
 * an authorizer, a credentials-role integration and an ANY proxy; an HTTP API with a JWT authorizer and a
 * {@code $default} route; a private API; aliases and versions; a public function URL; a cross-account partner; roles
 * that trust the account, a partner account and GitHub; users in a group.
 */
public final class ShopAccount {
    public static final String ORDERS = functionArn("orders");
    public static final String PAYMENTS = functionArn("payments");
    public static final String AUTH = functionArn("auth");
    public static final String REPORTS = functionArn("reports");
    public static final String LEGACY = functionArn("legacy");
    public static final String PROXY = functionArn("proxy");
    public static final String READ_S3 = "arn:aws:iam::" + ACCOUNT + ":policy/read-s3";
    public static final String INVOKE_ORDERS = "arn:aws:iam::" + ACCOUNT + ":policy/invoke-orders";

    private ShopAccount() {
    }

    public static AccountSnapshot snapshot() {
        String exec = "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":";
        IamRole ordersRole = executionRole("orders-role", policy(
                "{'Effect':'Allow','Action':['dynamodb:GetItem','dynamodb:Query','dynamodb:PutItem'],'Resource':'arn:aws:dynamodb:us-east-1:"
                        + ACCOUNT + ":table/orders'}"));
        IamRole paymentsRole = executionRole("payments-role", policy("{'Effect':'Allow','Action':'*','Resource':'*'}"));
        IamRole authRole = executionRole("auth-role", null);
        IamRole reportsRole = executionRole("reports-role", policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"));
        IamRole invoker = IamRole.builder(roleArn("apigw-invoker"), "apigw-invoker").trustPolicy(trusts("apigateway.amazonaws.com"))
                .attachedPolicy(INVOKE_ORDERS).build();
        IamRole refundsInvoker = IamRole.builder(roleArn("refunds-invoker"), "refunds-invoker")
                .trustPolicy(trusts("lambda.amazonaws.com"))
                .inlinePolicy("invoke", policy("{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':'" + PAYMENTS + "'}"))
                .build();
        IamRole deployer = IamRole.builder(roleArn("deployer"), "deployer")
                .trustPolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + ACCOUNT + ":root'},'Action':'sts:AssumeRole'}"))
                .inlinePolicy("deploy", policy("{'Effect':'Allow','Action':['lambda:UpdateFunctionCode','iam:PassRole'],'Resource':'*'}"))
                .build();
        IamRole partner = IamRole.builder(roleArn("partner-access"), "partner-access")
                .trustPolicy(policy("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT + ":root'},'Action':'sts:AssumeRole'}"))
                .attachedPolicy(READ_S3).build();
        IamRole ci = IamRole.builder(roleArn("ci"), "ci").trustPolicy(policy("{'Effect':'Allow','Principal':{'Federated':"
                + "'arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com'},'Action':"
                + "'sts:AssumeRoleWithWebIdentity','Condition':{'StringLike':{'token.actions.githubusercontent.com:sub':"
                + "'repo:shop/app:*'}}}")).inlinePolicy("ci", policy("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'"
                + roleArn("deployer") + "'}")).build();

        ManagedPolicy readS3 = managed(READ_S3, "read-s3", "{'Effect':'Allow','Action':['s3:GetObject','s3:ListBucket'],'Resource':'*'}");
        ManagedPolicy invokeOrders = managed(INVOKE_ORDERS, "invoke-orders",
                "{'Effect':'Allow','Action':'lambda:InvokeFunction','Resource':'" + ORDERS + "*'}");
        IamGroup devs = new IamGroup("arn:aws:iam::" + ACCOUNT + ":group/devs", "devs", "G1", "/", List.of(), List.of(READ_S3));
        IamUser alice = IamUser.builder(userArn("alice"), "alice").group("devs")
                .inlinePolicy("assume", policy("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'" + roleArn("deployer") + "'}"))
                .build();
        IamUser bob = IamUser.builder(userArn("bob"), "bob").group("devs").attachedPolicy(INVOKE_ORDERS).build();

        LambdaFunction orders = function("orders", "orders-role", policy(
                apiGatewayPermission("apigw-post", ORDERS, exec + API_ID + "/prod/POST/orders"))).toBuilder()
                .version(new FunctionVersion("1", ORDERS + ":1", roleArn("orders-role"), null))
                .version(new FunctionVersion("2", ORDERS + ":2", roleArn("orders-role"), null))
                .alias(new FunctionAlias("live", ORDERS + ":live", "1", Map.of("2", 0.1),
                        policy(apiGatewayPermission("apigw-get", ORDERS + ":live", exec + API_ID + "/prod/GET/orders"))))
                .build();
        LambdaFunction payments = function("payments", "payments-role", policy(
                apiGatewayPermission("apigw", PAYMENTS, exec + API_ID + "/*/POST/pay")));
        LambdaFunction auth = function("auth", "auth-role", policy(
                apiGatewayPermission("authz", AUTH, exec + API_ID + "/authorizers/au1"),
                apiGatewayPermission("old", AUTH, exec + "gone42/authorizers/x1")));
        LambdaFunction reports = function("reports", "reports-role", policy(
                "{'Sid':'FunctionURLAllowPublicAccess','Effect':'Allow','Principal':'*','Action':'lambda:InvokeFunctionUrl',"
                        + "'Resource':'" + REPORTS + "','Condition':{'StringEquals':{'lambda:FunctionUrlAuthType':'NONE'}}}",
                "{'Sid':'partner','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT + ":root'},"
                        + "'Action':'lambda:InvokeFunction','Resource':'" + REPORTS + "'}",
                apiGatewayPermission("web", REPORTS, exec + "h1/*/$default"))).toBuilder()
                .urlConfig(new FunctionUrlConfig("https://reports.lambda-url.us-east-1.on.aws/", REPORTS, null, "NONE", null))
                .build();
        LambdaFunction legacy = function("legacy", "orders-role", policy("{'Sid':'any-api','Effect':'Allow','Principal':"
                + "{'Service':'apigateway.amazonaws.com'},'Action':'lambda:InvokeFunction','Resource':'" + LEGACY + "'}"));
        LambdaFunction proxy = function("proxy", "orders-role", policy(
                apiGatewayPermission("proxy", PROXY, exec + API_ID + "/*/*/*")));

        RestApi shop = RestApi.builder(API_ID, "shop", REGION).endpointType("REGIONAL")
                .stage(new RestStage("prod", "d1", Map.of("ordersAlias", "live"), null))
                .stage(new RestStage("test", "d1", Map.of(), null))
                .resource(new RestResource("r1", null, "/orders", List.of(
                        method("GET", "NONE", invocationUri(ORDERS + ":${stageVariables.ordersAlias}")),
                        new RestMethod("POST", "AWS_IAM", null, false, List.of(),
                                new RestIntegration("AWS_PROXY", invocationUri(ORDERS), "POST", null)))))
                .resource(new RestResource("r2", null, "/pay", List.of(method("POST", "NONE", invocationUri(PAYMENTS)))))
                .resource(new RestResource("r3", null, "/admin", List.of(new RestMethod("GET", "CUSTOM", "au1", false, List.of(),
                        new RestIntegration("AWS_PROXY", invocationUri(LEGACY), "POST", null)))))
                .resource(new RestResource("r4", null, "/internal", List.of(new RestMethod("GET", "NONE", null, true, List.of(),
                        new RestIntegration("AWS", invocationUri(ORDERS), "POST", roleArn("apigw-invoker"))))))
                .resource(new RestResource("r6", null, "/refunds", List.of(new RestMethod("POST", "AWS_IAM", null, false, List.of(),
                        new RestIntegration("AWS", invocationUri(PAYMENTS), "POST", roleArn("refunds-invoker"))))))
                .resource(new RestResource("r5", null, "/{proxy+}", List.of(method("ANY", "NONE", invocationUri(PROXY)))))
                .authorizer(new RestAuthorizer("au1", "tokens", "TOKEN", invocationUri(AUTH), null, List.of(),
                        "method.request.header.Authorization"))
                .build();
        RestApi internal = RestApi.builder("priv01", "internal", REGION).endpointType("PRIVATE").vpcEndpointId("vpce-0aa11")
                .stage(new RestStage("prod", "d2", Map.of(), null))
                .resource(new RestResource("p1", null, "/stock", List.of(method("GET", "NONE", invocationUri(ORDERS)))))
                .policy(policy("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*',"
                        + "'Condition':{'StringEquals':{'aws:SourceVpce':'vpce-0aa11'}}}"))
                .build();
        ApiV2 web = ApiV2.builder("h1", "web", REGION, "HTTP")
                .route(new RouteV2("rt1", "$default", "NONE", null, false, List.of(), "integrations/i1"))
                .route(new RouteV2("rt2", "GET /me", "JWT", "jw1", false, List.of(), "integrations/i1"))
                .integration(new IntegrationV2("i1", "AWS_PROXY", REPORTS, null, "2.0"))
                .authorizer(new AuthorizerV2("jw1", "cognito", "JWT", null, null, List.of("$request.header.Authorization"),
                        "https://cognito-idp.us-east-1.amazonaws.com/pool", List.of("client")))
                .stage(new StageV2("$default", null, true, Map.of())).build();

        return account().role(ordersRole).role(paymentsRole).role(authRole).role(reportsRole).role(invoker).role(refundsInvoker)
                .role(deployer).role(partner).role(ci).user(alice).user(bob).group(devs)
                .managedPolicy(readS3).managedPolicy(invokeOrders)
                .function(orders).function(payments).function(auth).function(reports).function(legacy).function(proxy)
                .restApi(shop).restApi(internal).apiV2(web).build();
    }

    private static ManagedPolicy managed(String arn, String name, String statement) {
        return new ManagedPolicy(arn, name, "P" + name, "/", "v1", 1, 0,
                List.of(new PolicyVersion("v1", true, policy(statement), null)));
    }
}
