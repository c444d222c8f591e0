package dev.iamatlas.model.synth;

import static dev.iamatlas.model.synth.AwsPolicies.allow;
import static dev.iamatlas.model.synth.AwsPolicies.deny;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.AuthorizerV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.InlinePolicy;
import dev.iamatlas.model.snapshot.IntegrationV2;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.OrgLevel;
import dev.iamatlas.model.snapshot.OrgPolicy;
import dev.iamatlas.model.snapshot.Organization;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.PolicyVersion;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestIntegration;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RestStage;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.snapshot.ScanMetadata;
import dev.iamatlas.model.snapshot.StageV2;
import dev.iamatlas.model.synth.AwsPolicies.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the bundled demo account ({@code resources/.../demo/demo-account.json}) was first made: "Acme Shop", account
 * 111122223333. The committed JSON is the source of truth; this class is kept so that the account's story can be
 * read as code and the file regenerated after a deliberate change ({@link DemoAccountWriter}). Every
 * misconfiguration in it is deliberate and listed in {@code docs/demo-account.md}.
 */
final class DemoAccount {

    static final String ACCOUNT = "111122223333";
    static final String PARTNER = "444455556666";
    static final String MANAGEMENT = "999988887777";
    static final String US = "us-east-1";
    static final String EU = "eu-west-1";

    static final String STOREFRONT = "k3x8pq2m7d";
    static final String ORDERS = "r7t2v9w4yb";
    static final String ADMIN = "p4d6f8h1jc";
    static final String WEBHOOKS = "w5n3b7c1ze";
    /** The id of the first storefront API, deleted in 2025; a permission for it was left behind. */
    static final String DELETED_STOREFRONT_V1 = "z9y8x7w6vu";
    static final String ADMIN_VPCE = "vpce-0a12b34c56d78e9f0";
    static final String TOKEN_AUTHORIZER = "tk8c2a";
    static final String COGNITO_AUTHORIZER = "cg4m1n";
    static final String JWT_AUTHORIZER = "jw7p4r";
    static final String ORG = "o-acme4shop1";

    private static final String STAGE_ALIAS = "${stageVariables.lambdaAlias}";
    private static final String LAMBDA_TRUST_SERVICE = "lambda.amazonaws.com";

    private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    private final List<IamRole> roles = new ArrayList<>();
    private final Map<String, int[]> attachments = new TreeMap<>();

    private DemoAccount() {
    }

    static AccountSnapshot build() {
        return new DemoAccount().account();
    }

    private AccountSnapshot account() {
        functions();
        List<RestApi> restApis = List.of(storefrontApi(), ordersApi(), adminApi());
        ApiV2 webhooks = partnerWebhooksApi();
        otherRoles();

        AccountSnapshot.Builder b = AccountSnapshot.builder(new ScanMetadata(ACCOUNT, "acme-shop-prod", "aws",
                List.of(US, EU), "demo", null, null, Instant.parse("2026-11-02T09:00:00Z"),
                Instant.parse("2026-11-02T09:00:41Z"), true, Map.of()));
        users().forEach(b::user);
        groups().forEach(b::group);
        roles.forEach(b::role);
        managedPolicies().forEach(b::managedPolicy);
        b.organization(organization());
        functions.values().forEach(f -> b.function(f.build()));
        restApis.forEach(b::restApi);
        b.apiV2(webhooks);
        return b.build();
    }

    // ------------------------------------------------------------------------------------------- functions

    private void functions() {
        // The storefront's product catalogue: healthy, exact permissions per alias and stage. Its unqualified
        // policy still holds a permission for the deleted first storefront API (UNUSED_LAMBDA_PERMISSION).
        FunctionSpec catalog = function(US, "catalog-service", "python3.12", "app.handler",
                "Product catalogue for the storefront", "2026-10-21T14:03:11.000+0000", List.of("6", "7", "8"));
        catalog.alias("live", "7", null).alias("canary", "8", null);
        catalog.role(executionRole("catalog-service-role", dataPolicy("products-table-read",
                allow().action("dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem")
                        .resource(table(US, "products"), table(US, "products") + "/index/*"))));
        catalog.allow("", LambdaPermissions.apiGateway("storefront-v1-get-products", catalog.arn,
                Arns.executeApi(US, ACCOUNT, DELETED_STOREFRONT_V1, "*", "GET", "/products")));

        // The shopping cart: the live alias lets any method and stage of the storefront API invoke it
        // (LAMBDA_PERMISSION_SOURCE_TOO_BROAD); the canary alias is exact.
        FunctionSpec cart = function(US, "cart-service", "nodejs20.x", "index.handler",
                "Shopping cart", "2026-10-30T08:45:52.000+0000", List.of("3", "4"));
        cart.alias("live", "3", null).alias("canary", "4", null);
        cart.role(executionRole("cart-service-role", dataPolicy("carts-table-rw",
                allow().action("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem")
                        .resource(table(US, "carts")))));

        // A forgotten report generator whose role has AdministratorAccess, behind an unauthenticated public
        // route (PUBLIC_ROUTE_TO_PRIVILEGED_ROLE).
        FunctionSpec reports = function(US, "legacy-reports", "python3.9", "reports.handler",
                "Daily sales report (legacy; owner left in 2024)", "2023-02-17T16:20:05.000+0000", List.of("1"));
        IamRole.Builder reportsRole = IamRole.builder(Arns.role(ACCOUNT, "/", "legacy-reports-role"),
                        "legacy-reports-role")
                .trustPolicy(AwsPolicies.serviceTrust(LAMBDA_TRUST_SERVICE))
                .attachedPolicy(AwsManagedPolicies.ADMINISTRATOR_ACCESS)
                .tag("owner", "reporting-team").tag("created-by", "console");
        reports.role(addRole(reportsRole));

        // Orders: Cognito and a Lambda TOKEN authorizer in front; exact permissions on both aliases (healthy).
        FunctionSpec orders = function(US, "orders-api-handler", "java17",
                "com.acme.orders.ApiHandler::handleRequest", "Orders API", "2026-11-01T19:12:40.000+0000",
                List.of("11", "12", "13"));
        orders.alias("live", "12", Map.of("13", 0.05)).alias("canary", "13", null);
        orders.role(addRole(executionRoleBuilder("orders-api-handler-role")
                .attachedPolicy(customerPolicy("acme-orders-table-rw"))
                .inlinePolicy("order-events-publish", AwsPolicies.document(
                        allow().action("sqs:SendMessage").resource("arn:aws:sqs:us-east-1:" + ACCOUNT + ":order-events"),
                        allow().action("kms:GenerateDataKey", "kms:Decrypt")
                                .resource("arn:aws:kms:us-east-1:" + ACCOUNT
                                        + ":key/3f1c9a2e-7b4d-4e8a-9c21-5d6f7a8b9c0d")))
                .permissionsBoundaryArn(customerPolicy("acme-workload-boundary"))));

        // The Lambda authorizer of the orders API.
        FunctionSpec authorizer = function(US, "auth-token-validator", "nodejs20.x", "index.handler",
                "Validates customer tokens for the orders API", "2026-09-12T10:00:03.000+0000", List.of("4", "5"));
        authorizer.alias("live", "5", null);
        authorizer.role(executionRole("auth-token-validator-role", dataPolicy("jwt-signing-key",
                allow().action("secretsmanager:GetSecretValue")
                        .resource("arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:prod/auth/jwt-signing-key-Qx8vZ2"))));
        authorizer.allow("live", LambdaPermissions.apiGateway("orders-api-authorizer", authorizer.qualified("live"),
                Arns.executeApiAuthorizer(US, ACCOUNT, ORDERS, TOKEN_AUTHORIZER)));

        // Payments: called through a credentials role that API Gateway cannot assume
        // (APIGW_CREDENTIALS_ROLE_BROKEN). No resource policy: a working credentials role needs none.
        FunctionSpec payments = function(US, "payments-service", "java17",
                "com.acme.payments.Handler::handleRequest", "Takes card payments", "2026-08-03T11:31:27.000+0000",
                List.of("2"));
        payments.alias("live", "2", null);
        payments.role(addRole(executionRoleBuilder("payments-service-role")
                .inlinePolicy("payments-data", AwsPolicies.document(
                        allow().action("dynamodb:PutItem", "dynamodb:UpdateItem").resource(table(US, "payments")),
                        allow().action("secretsmanager:GetSecretValue").resource("arn:aws:secretsmanager:us-east-1:"
                                + ACCOUNT + ":secret:prod/payments/stripe-api-key-7HqW1c")))
                .permissionsBoundaryArn(customerPolicy("acme-workload-boundary"))));

        // Refunds: the healthy credentials-role path next to payments.
        FunctionSpec refunds = function(US, "refunds-service", "java17", "com.acme.refunds.Handler::handleRequest",
                "Issues refunds", "2026-08-03T11:34:02.000+0000", List.of("3"));
        refunds.alias("live", "3", null);
        refunds.role(addRole(executionRoleBuilder("refunds-service-role")
                .attachedPolicy(customerPolicy("acme-orders-table-rw"))
                .inlinePolicy("refund-notifications", AwsPolicies.document(allow().action("sns:Publish")
                        .resource("arn:aws:sns:us-east-1:" + ACCOUNT + ":refunds-issued")))));

        // Invoices: integrated by the orders API, but no permission at all (APIGW_LAMBDA_PERMISSION_MISSING).
        FunctionSpec invoices = function(US, "invoice-renderer", "nodejs20.x", "index.handler",
                "Renders invoice PDFs (re-created by a new stack in October)", "2026-10-14T13:55:48.000+0000",
                List.of("1", "2"));
        invoices.alias("live", "2", null);
        invoices.role(executionRole("invoice-renderer-role", dataPolicy("invoice-bucket-write",
                allow().action("s3:PutObject", "s3:GetObject").resource("arn:aws:s3:::acme-shop-invoices-" + ACCOUNT
                        + "/*"))));

        // An operations endpoint with a privileged role, but the orders API's resource policy only lets office
        // addresses call /ops/* (healthy next to legacy-reports).
        FunctionSpec reindex = function(US, "ops-reindex", "python3.12", "reindex.handler",
                "Rebuilds the search index; redeploys the search functions", "2026-06-30T07:07:07.000+0000",
                List.of());
        reindex.role(executionRole("ops-reindex-role", dataPolicy("redeploy-search",
                allow().action("iam:PassRole").resource("*"),
                allow().action("lambda:CreateFunction", "lambda:UpdateFunctionConfiguration",
                        "lambda:UpdateFunctionCode").resource("*"))));

        // The back-office console: IAMFullAccess, behind the private admin API (healthy: not Internet-facing).
        FunctionSpec admin = function(US, "admin-console", "python3.12", "admin.handler",
                "Back-office user administration", "2026-10-05T09:41:19.000+0000", List.of("9", "10"));
        admin.alias("live", "10", null);
        admin.role(addRole(executionRoleBuilder("admin-console-role")
                .attachedPolicy(AwsManagedPolicies.IAM_FULL_ACCESS)
                .inlinePolicy("customers-table-admin", AwsPolicies.document(allow()
                        .action("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem")
                        .resource(table(US, "customers"))))));

        // A public function URL with auth type NONE (LAMBDA_PUBLIC_INVOKE).
        FunctionSpec resizer = function(US, "image-resizer", "nodejs20.x", "index.handler",
                "Resizes product images on the fly", "2026-07-22T18:02:36.000+0000", List.of());
        resizer.role(executionRole("image-resizer-role", dataPolicy("media-bucket",
                allow().action("s3:GetObject", "s3:PutObject").resource("arn:aws:s3:::acme-shop-media-" + ACCOUNT
                        + "/*"))));
        resizer.url = new FunctionUrlConfig("https://f3x7k2m9q4w8e1r6t5y0u3i7o2p4a6s8.lambda-url.us-east-1.on.aws/",
                resizer.arn, null, "NONE", "BUFFERED");
        LambdaPermissions.publicFunctionUrl(resizer.arn).forEach(s -> resizer.allow("", s));

        // A function URL with auth type AWS_IAM for the finance analysts (healthy next to image-resizer).
        FunctionSpec export = function(US, "export-service", "python3.12", "export.handler",
                "Exports order data for finance", "2026-09-01T12:00:00.000+0000", List.of("5"));
        export.alias("live", "5", null);
        export.role(executionRole("export-service-role", dataPolicy("exports-read",
                allow().action("s3:GetObject").resource("arn:aws:s3:::acme-shop-exports-" + ACCOUNT + "/*"),
                allow().action("dynamodb:Query").resource(table(US, "orders")))));
        export.url = new FunctionUrlConfig("https://h8j2k4l6z1x3c5v7b9n0m2q4w6e8r1t3.lambda-url.us-east-1.on.aws/",
                export.qualified("live"), "live", "AWS_IAM", "BUFFERED");
        export.allow("live", LambdaPermissions.functionUrlIam("finance-analysts-url", export.qualified("live"),
                Arns.role(ACCOUNT, "/", "finance-analyst")));

        // eu-west-1: the partner webhooks.
        FunctionSpec shipping = function(EU, "shipping-webhook", "python3.12", "webhook.handler",
                "Receives shipping updates from the logistics partner", "2026-10-28T15:27:44.000+0000",
                List.of("5", "6"));
        shipping.alias("live", "6", null);
        shipping.role(executionRole("shipping-webhook-role", dataPolicy("shipping-updates-queue",
                allow().action("sqs:SendMessage").resource("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":shipping-updates"))));

        // The catch-all partner route: a permission for API Gateway with no source (LAMBDA_PERMISSION_NO_SOURCE).
        FunctionSpec partnerSync = function(EU, "partner-sync", "python3.12", "sync.handler",
                "Partner catch-all: forwards partner calls to the right service", "2026-05-19T10:10:10.000+0000",
                List.of());
        partnerSync.role(executionRole("partner-sync-role", dataPolicy("partner-events",
                allow().action("sqs:SendMessage").resource("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":partner-events"))));
        partnerSync.allow("", LambdaPermissions.serviceWithoutSource("apigateway-partner-sync", partnerSync.arn,
                LambdaPermissions.APIGATEWAY));

        // Stock levels pushed by the partner account directly (LAMBDA_CROSS_ACCOUNT_INVOKE).
        FunctionSpec inventory = function(EU, "inventory-sync", "python3.12", "inventory.handler",
                "Applies stock levels pushed by the logistics partner", "2026-10-02T06:30:00.000+0000",
                List.of("2", "3"));
        inventory.alias("live", "3", null);
        inventory.role(executionRole("inventory-sync-role", dataPolicy("inventory-table",
                allow().action("dynamodb:UpdateItem", "dynamodb:GetItem").resource(table(EU, "inventory")))));
        inventory.allow("live", LambdaPermissions.account("partner-" + PARTNER + "-invoke", inventory.qualified("live"),
                PARTNER));
    }

    // ------------------------------------------------------------------------------------------ REST APIs

    /** The public storefront API (edge-optimized, no resource policy, API key on the cart). */
    private RestApi storefrontApi() {
        FunctionSpec catalog = functions.get("catalog-service");
        FunctionSpec cart = functions.get("cart-service");
        FunctionSpec reports = functions.get("legacy-reports");
        RestApi.Builder api = RestApi.builder(STOREFRONT, "storefront-api", US).endpointType("EDGE")
                .apiKeySource("HEADER")
                .stage(new RestStage("prod", "x1p7dq", Map.of("lambdaAlias", "live"), null))
                .stage(new RestStage("dev", "y2k9fr", Map.of("lambdaAlias", "canary"), null));
        RestMethod cors = new RestMethod("OPTIONS", "NONE", null, false, List.of(),
                new RestIntegration("MOCK", null, null, null));
        api.resource(new RestResource("h7qm2x9ka1", null, "/", List.of()));
        api.resource(new RestResource("pr0d5a", "h7qm2x9ka1", "/products", List.of(
                open("GET", catalog, STAGE_ALIAS, false), cors)));
        api.resource(new RestResource("pr0d5b", "pr0d5a", "/products/{productId}", List.of(
                open("GET", catalog, STAGE_ALIAS, false))));
        api.resource(new RestResource("c4rt01", "h7qm2x9ka1", "/cart", List.of(
                open("GET", cart, STAGE_ALIAS, true),
                open("POST", cart, STAGE_ALIAS, true))));
        api.resource(new RestResource("c4rt02", "c4rt01", "/cart/items", List.of()));
        api.resource(new RestResource("c4rt03", "c4rt02", "/cart/items/{itemId}", List.of(
                open("DELETE", cart, STAGE_ALIAS, true))));
        api.resource(new RestResource("rp0rt1", "h7qm2x9ka1", "/reports", List.of()));
        api.resource(new RestResource("rp0rt2", "rp0rt1", "/reports/daily", List.of(
                open("GET", reports, null, false))));
        api.resource(new RestResource("lg4cy0", "h7qm2x9ka1", "/legacy", List.of()));
        api.resource(new RestResource("lg4cy1", "lg4cy0", "/legacy/{proxy+}", List.of(new RestMethod("ANY", "NONE",
                null, false, List.of(), new RestIntegration("HTTP_PROXY", "https://legacy.acme-shop.example/{proxy}",
                        "ANY", null)))));

        // Permissions, as add-permission wrote them.
        for (String[] route : new String[][] {{"GET", "/products"}, {"GET", "/products/{productId}"}}) {
            String sid = "storefront-%s-" + route[0].toLowerCase() + route[1].replaceAll("[/{}]+", "-")
                    .replaceAll("-$", "");
            catalog.allow("live", LambdaPermissions.apiGateway(String.format(sid, "prod"), catalog.qualified("live"),
                    Arns.executeApi(US, ACCOUNT, STOREFRONT, "prod", route[0], route[1])));
            catalog.allow("canary", LambdaPermissions.apiGateway(String.format(sid, "dev"),
                    catalog.qualified("canary"), Arns.executeApi(US, ACCOUNT, STOREFRONT, "dev", route[0], route[1])));
        }
        cart.allow("live", LambdaPermissions.apiGateway("storefront-any", cart.qualified("live"),
                Arns.executeApiPrefix(US, ACCOUNT) + STOREFRONT + "/*/*"));
        for (String[] route : new String[][] {{"GET", "/cart"}, {"POST", "/cart"}, {"DELETE", "/cart/items/{itemId}"}}) {
            cart.allow("canary", LambdaPermissions.apiGateway("storefront-dev-" + route[0].toLowerCase() + "-"
                    + (route[1].contains("items") ? "cart-item" : "cart"), cart.qualified("canary"),
                    Arns.executeApi(US, ACCOUNT, STOREFRONT, "dev", route[0], route[1])));
        }
        for (String stage : List.of("prod", "dev")) {
            reports.allow("", LambdaPermissions.apiGateway("storefront-" + stage + "-daily-report", reports.arn,
                    Arns.executeApi(US, ACCOUNT, STOREFRONT, stage, "GET", "/reports/daily")));
        }
        return api.build();
    }

    /**
     * The orders API: a Lambda TOKEN authorizer and Cognito in front, two credentials-role integrations, and a
     * resource policy that lets only office addresses call {@code /ops/*}.
     */
    private RestApi ordersApi() {
        FunctionSpec orders = functions.get("orders-api-handler");
        FunctionSpec authorizer = functions.get("auth-token-validator");
        FunctionSpec invoices = functions.get("invoice-renderer");
        FunctionSpec payments = functions.get("payments-service");
        FunctionSpec refunds = functions.get("refunds-service");
        FunctionSpec reindex = functions.get("ops-reindex");
        String whole = Arns.executeApiPrefix(US, ACCOUNT) + ORDERS + "/*";
        RestApi.Builder api = RestApi.builder(ORDERS, "orders-api", US).endpointType("REGIONAL")
                .policy(AwsPolicies.document(
                        allow().anyone().action("execute-api:Invoke").resource(whole),
                        deny().anyone().action("execute-api:Invoke")
                                .resource(Arns.executeApiPrefix(US, ACCOUNT) + ORDERS + "/*/*/ops/*")
                                .condition("NotIpAddress", "aws:SourceIp", "203.0.113.0/24", "198.51.100.17/32")))
                .stage(new RestStage("prod", "o4p2xk", Map.of("lambdaAlias", "live"),
                        "arn:aws:wafv2:us-east-1:" + ACCOUNT + ":regional/webacl/orders-api-waf/"
                                + "5e0f6a7b-8c9d-4e1f-a2b3-c4d5e6f7a8b9"))
                .stage(new RestStage("dev", "o9d3mz", Map.of("lambdaAlias", "canary"), null))
                .authorizer(new RestAuthorizer(TOKEN_AUTHORIZER, "customer-token", "TOKEN",
                        Arns.lambdaInvocationUri(US, authorizer.qualified("live")), null, List.of(),
                        "method.request.header.Authorization"))
                .authorizer(new RestAuthorizer(COGNITO_AUTHORIZER, "shop-customers", "COGNITO_USER_POOLS", null, null,
                        List.of("arn:aws:cognito-idp:us-east-1:" + ACCOUNT + ":userpool/us-east-1_Ac3Sh0pPl"),
                        "method.request.header.Authorization"));
        api.resource(new RestResource("q2w3e4r5t6", null, "/", List.of()));
        api.resource(new RestResource("0rd3r1", "q2w3e4r5t6", "/orders", List.of(
                method("GET", "COGNITO_USER_POOLS", COGNITO_AUTHORIZER, List.of("orders/read"),
                        proxy(orders.qualified(STAGE_ALIAS), null)),
                method("POST", "CUSTOM", TOKEN_AUTHORIZER, List.of(), proxy(orders.qualified(STAGE_ALIAS), null)))));
        api.resource(new RestResource("0rd3r2", "0rd3r1", "/orders/{orderId}", List.of(
                method("GET", "CUSTOM", TOKEN_AUTHORIZER, List.of(), proxy(orders.qualified(STAGE_ALIAS), null)),
                method("DELETE", "COGNITO_USER_POOLS", COGNITO_AUTHORIZER, List.of("orders/write"),
                        proxy(orders.qualified(STAGE_ALIAS), null)))));
        api.resource(new RestResource("1nv0c0", "q2w3e4r5t6", "/invoices", List.of()));
        api.resource(new RestResource("1nv0c1", "1nv0c0", "/invoices/{orderId}", List.of(
                method("GET", "CUSTOM", TOKEN_AUTHORIZER, List.of(), proxy(invoices.qualified("live"), null)))));
        api.resource(new RestResource("p4ymt1", "q2w3e4r5t6", "/payments", List.of(
                method("POST", "CUSTOM", TOKEN_AUTHORIZER, List.of(), new RestIntegration("AWS",
                        Arns.lambdaInvocationUri(US, payments.qualified("live")), "POST",
                        Arns.role(ACCOUNT, "/", "apigw-payments-invoker"))))));
        api.resource(new RestResource("r3fnd1", "q2w3e4r5t6", "/refunds", List.of(
                method("POST", "COGNITO_USER_POOLS", COGNITO_AUTHORIZER, List.of("orders/write"),
                        proxy(refunds.qualified("live"), Arns.role(ACCOUNT, "/", "apigw-refunds-invoker"))))));
        api.resource(new RestResource("0ps001", "q2w3e4r5t6", "/ops", List.of()));
        api.resource(new RestResource("0ps002", "0ps001", "/ops/reindex", List.of(
                method("POST", "NONE", null, List.of(), proxy(reindex.arn, null)))));

        String[][] handlerRoutes = {{"GET", "/orders"}, {"POST", "/orders"}, {"GET", "/orders/{orderId}"},
            {"DELETE", "/orders/{orderId}"}};
        for (String[] route : handlerRoutes) {
            String suffix = route[0].toLowerCase() + (route[1].contains("{") ? "-order" : "-orders");
            orders.allow("live", LambdaPermissions.apiGateway("orders-api-prod-" + suffix, orders.qualified("live"),
                    Arns.executeApi(US, ACCOUNT, ORDERS, "prod", route[0], route[1])));
            orders.allow("canary", LambdaPermissions.apiGateway("orders-api-dev-" + suffix,
                    orders.qualified("canary"), Arns.executeApi(US, ACCOUNT, ORDERS, "dev", route[0], route[1])));
        }
        for (String stage : List.of("prod", "dev")) {
            reindex.allow("", LambdaPermissions.apiGateway("orders-api-" + stage + "-reindex", reindex.arn,
                    Arns.executeApi(US, ACCOUNT, ORDERS, stage, "POST", "/ops/reindex")));
        }
        return api.build();
    }

    /** The back-office API: private, reachable only through one VPC endpoint. */
    private RestApi adminApi() {
        FunctionSpec admin = functions.get("admin-console");
        String whole = Arns.executeApiPrefix(US, ACCOUNT) + ADMIN + "/*";
        RestApi.Builder api = RestApi.builder(ADMIN, "admin-api", US).endpointType("PRIVATE").vpcEndpointId(ADMIN_VPCE)
                .policy(AwsPolicies.document(
                        deny().anyone().action("execute-api:Invoke").resource(whole)
                                .condition("StringNotEquals", "aws:SourceVpce", ADMIN_VPCE),
                        allow().anyone().action("execute-api:Invoke").resource(whole)))
                .stage(new RestStage("prod", "a8m3nq", Map.of(), null));
        api.resource(new RestResource("m1n2b3v4c5", null, "/", List.of()));
        api.resource(new RestResource("us3rs1", "m1n2b3v4c5", "/users", List.of(
                method("GET", "NONE", null, List.of(), proxy(admin.qualified("live"), null)))));
        api.resource(new RestResource("us3rs2", "us3rs1", "/users/{userName}", List.of()));
        api.resource(new RestResource("us3rs3", "us3rs2", "/users/{userName}/disable", List.of(
                method("POST", "AWS_IAM", null, List.of(), proxy(admin.qualified("live"), null)))));
        admin.allow("live", LambdaPermissions.apiGateway("admin-api-prod-get-users", admin.qualified("live"),
                Arns.executeApi(US, ACCOUNT, ADMIN, "prod", "GET", "/users")));
        admin.allow("live", LambdaPermissions.apiGateway("admin-api-prod-disable-user", admin.qualified("live"),
                Arns.executeApi(US, ACCOUNT, ADMIN, "prod", "POST", "/users/{userName}/disable")));
        return api.build();
    }

    // --------------------------------------------------------------------------------------------- HTTP API

    /** The partner webhooks HTTP API in eu-west-1: {@code $default} stage, JWT authorizer, a catch-all route. */
    private ApiV2 partnerWebhooksApi() {
        FunctionSpec shipping = functions.get("shipping-webhook");
        FunctionSpec partnerSync = functions.get("partner-sync");
        IntegrationV2 toShipping = new IntegrationV2("sh1p0a1", "AWS_PROXY", shipping.qualified("live"), null, "2.0");
        IntegrationV2 toSync = new IntegrationV2("syn0b2c", "AWS_PROXY", partnerSync.arn, null, "2.0");
        ApiV2 api = ApiV2.builder(WEBHOOKS, "partner-webhooks", EU, "HTTP")
                .apiEndpoint("https://" + WEBHOOKS + ".execute-api.eu-west-1.amazonaws.com")
                .integration(toShipping).integration(toSync)
                .authorizer(new AuthorizerV2(JWT_AUTHORIZER, "partner-jwt", "JWT", null, null,
                        List.of("$request.header.Authorization"),
                        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_PaRtN3r01",
                        List.of("6k2v9q1m4n7b3x8z5c0l2j4h6g")))
                .route(new RouteV2("rt7sh1p", "POST /webhooks/shipping", "JWT", JWT_AUTHORIZER, false,
                        List.of("webhooks/shipping.write"), "integrations/" + toShipping.integrationId()))
                .route(new RouteV2("rt2hlth", "GET /health", "NONE", null, false, List.of(),
                        "integrations/" + toShipping.integrationId()))
                .route(new RouteV2("rt9dflt", "$default", "JWT", JWT_AUTHORIZER, false, List.of(),
                        "integrations/" + toSync.integrationId()))
                .stage(new StageV2("$default", "dp4w8k", true, Map.of()))
                .build();
        shipping.allow("live", LambdaPermissions.apiGateway("partner-webhooks-post-shipping",
                shipping.qualified("live"), Arns.executeApi(EU, ACCOUNT, WEBHOOKS, "$default", "POST",
                        "/webhooks/shipping")));
        shipping.allow("live", LambdaPermissions.apiGateway("partner-webhooks-get-health", shipping.qualified("live"),
                Arns.executeApi(EU, ACCOUNT, WEBHOOKS, "$default", "GET", "/health")));
        return api;
    }

    // ------------------------------------------------------------------------------------------------ IAM

    private void otherRoles() {
        String payments = functions.get("payments-service").arn;
        String refunds = functions.get("refunds-service").arn;
        // Copied from a Lambda role: trusts lambda.amazonaws.com, so API Gateway cannot assume it.
        addRole(IamRole.builder(Arns.role(ACCOUNT, "/", "apigw-payments-invoker"), "apigw-payments-invoker")
                .trustPolicy(AwsPolicies.serviceTrust(LAMBDA_TRUST_SERVICE))
                .inlinePolicy("invoke-payments", AwsPolicies.document(allow().action("lambda:InvokeFunction")
                        .resource(payments, payments + ":*"))));
        addRole(IamRole.builder(Arns.role(ACCOUNT, "/", "apigw-refunds-invoker"), "apigw-refunds-invoker")
                .trustPolicy(AwsPolicies.serviceTrust(LambdaPermissions.APIGATEWAY))
                .inlinePolicy("invoke-refunds", AwsPolicies.document(allow().action("lambda:InvokeFunction")
                        .resource(refunds, refunds + ":*"))));
        addRole(IamRole.builder(Arns.role(ACCOUNT, "/", "api-gateway-cloudwatch-logs"), "api-gateway-cloudwatch-logs")
                .trustPolicy(AwsPolicies.serviceTrust(LambdaPermissions.APIGATEWAY))
                .attachedPolicy(AwsManagedPolicies.APIGATEWAY_PUSH_TO_CLOUDWATCH_LOGS));
        // The partner: one role trusts its whole account without an external id, the other with one.
        addRole(IamRole.builder(Arns.role(ACCOUNT, "/partners/", "partner-inventory-access"), "partner-inventory-access")
                .path("/partners/")
                .trustPolicy(AwsPolicies.document(allow().aws(Arns.accountRoot(PARTNER)).action("sts:AssumeRole")))
                .inlinePolicy("inventory-read", AwsPolicies.document(allow()
                        .action("dynamodb:GetItem", "dynamodb:Query").resource(table(EU, "inventory"))))
                .tag("partner", "parcelly-logistics"));
        addRole(IamRole.builder(Arns.role(ACCOUNT, "/partners/", "partner-reporting-readonly"),
                        "partner-reporting-readonly")
                .path("/partners/")
                .trustPolicy(AwsPolicies.document(allow().aws(Arns.accountRoot(PARTNER)).action("sts:AssumeRole")
                        .condition("StringEquals", "sts:ExternalId", "acme-parcelly-2f9k7q")))
                .inlinePolicy("reports-read", AwsPolicies.document(allow().action("s3:GetObject")
                        .resource("arn:aws:s3:::acme-shop-reports-" + ACCOUNT + "/partner/*")))
                .tag("partner", "parcelly-logistics"));
        addRole(IamRole.builder(Arns.role(ACCOUNT, "/", "github-deploy"), "github-deploy")
                .trustPolicy(AwsPolicies.document(allow()
                        .federated("arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com")
                        .action("sts:AssumeRoleWithWebIdentity")
                        .condition("StringEquals", "token.actions.githubusercontent.com:aud", "sts.amazonaws.com")
                        .condition("StringLike", "token.actions.githubusercontent.com:sub",
                                "repo:acme-shop/serverless:ref:refs/heads/main")))
                .inlinePolicy("deploy-functions", AwsPolicies.document(
                        allow().action("lambda:UpdateFunctionCode", "lambda:PublishVersion", "lambda:UpdateAlias",
                                "lambda:GetFunction").resource("arn:aws:lambda:*:" + ACCOUNT + ":function:*"),
                        allow().action("apigateway:POST", "apigateway:PATCH", "apigateway:GET")
                                .resource("arn:aws:apigateway:*::/restapis/*"))));
        addRole(IamRole.builder(Arns.role(ACCOUNT, "/", "finance-analyst"), "finance-analyst")
                .trustPolicy(AwsPolicies.document(allow()
                        .federated("arn:aws:iam::" + ACCOUNT + ":saml-provider/AcmeOkta")
                        .action("sts:AssumeRoleWithSAML")
                        .condition("StringEquals", "SAML:aud", "https://signin.aws.amazon.com/saml")))
                .attachedPolicy(AwsManagedPolicies.READ_ONLY_ACCESS)
                .inlinePolicy("call-export-url", AwsPolicies.document(allow()
                        .action("lambda:InvokeFunctionUrl", "lambda:InvokeFunction")
                        .resource(functions.get("export-service").qualified("live")))));
        addRole(IamRole.builder(Arns.role(ACCOUNT, "/aws-service-role/ops.apigateway.amazonaws.com/",
                        "AWSServiceRoleForAPIGateway"), "AWSServiceRoleForAPIGateway")
                .path("/aws-service-role/ops.apigateway.amazonaws.com/")
                .trustPolicy(AwsPolicies.serviceTrust("ops.apigateway.amazonaws.com"))
                .attachedPolicy(AwsManagedPolicies.APIGATEWAY_SERVICE_ROLE_POLICY));
    }

    private List<IamUser> users() {
        IamUser alice = IamUser.builder(Arns.user(ACCOUNT, "/", "alice.nguyen"), "alice.nguyen")
                .userId(AwsIds.userId("alice.nguyen")).group("developers")
                .permissionsBoundaryArn(customerPolicy("acme-developer-boundary", true)).tag("team", "checkout")
                .build();
        IamUser bob = IamUser.builder(Arns.user(ACCOUNT, "/", "bob.martin"), "bob.martin")
                .userId(AwsIds.userId("bob.martin")).group("admins").tag("team", "platform").build();
        IamUser exporter = IamUser.builder(Arns.user(ACCOUNT, "/service/", "reports-exporter"), "reports-exporter")
                .userId(AwsIds.userId("reports-exporter")).path("/service/")
                .inlinePolicy("read-reports", AwsPolicies.document(allow().action("s3:GetObject", "s3:ListBucket")
                        .resource("arn:aws:s3:::acme-shop-reports-" + ACCOUNT,
                                "arn:aws:s3:::acme-shop-reports-" + ACCOUNT + "/*")))
                .build();
        return List.of(alice, bob, exporter);
    }

    private List<IamGroup> groups() {
        attach(AwsManagedPolicies.READ_ONLY_ACCESS);
        attach(AwsManagedPolicies.ADMINISTRATOR_ACCESS);
        return List.of(
                new IamGroup(Arns.group(ACCOUNT, "/", "developers"), "developers", AwsIds.groupId("developers"), "/",
                        List.of(new InlinePolicy("developer-deploy", AwsPolicies.document(allow()
                                .action("lambda:UpdateFunctionCode", "lambda:PublishVersion", "lambda:UpdateAlias")
                                .resource("arn:aws:lambda:*:" + ACCOUNT + ":function:*")))),
                        List.of(AwsManagedPolicies.READ_ONLY_ACCESS)),
                new IamGroup(Arns.group(ACCOUNT, "/", "admins"), "admins", AwsIds.groupId("admins"), "/", List.of(),
                        List.of(AwsManagedPolicies.ADMINISTRATOR_ACCESS)));
    }

    private List<ManagedPolicy> managedPolicies() {
        List<ManagedPolicy> policies = new ArrayList<>();
        for (Map.Entry<String, int[]> e : attachments.entrySet()) {
            String arn = e.getKey();
            int[] count = e.getValue();
            if (arn.contains(":iam::aws:policy/")) {
                policies.add(AwsManagedPolicies.policy(arn, count[0], count[1]));
            }
        }
        policies.add(customer("acme-orders-table-rw", "v3", List.of(
                version("v1", "2024-02-01T10:00:00Z", allow().action("dynamodb:*").resource("*")),
                version("v2", "2024-06-12T09:30:00Z", allow().action("dynamodb:GetItem", "dynamodb:PutItem",
                        "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan")
                        .resource(table(US, "orders"), table(US, "orders") + "/index/*")),
                version("v3", "2025-03-03T15:45:00Z", allow().action("dynamodb:GetItem", "dynamodb:PutItem",
                        "dynamodb:UpdateItem", "dynamodb:Query")
                        .resource(table(US, "orders"), table(US, "orders") + "/index/*")))));
        policies.add(customer("acme-workload-boundary", "v1", List.of(version("v1", "2024-01-15T08:00:00Z",
                allow().sid("WorkloadServices").action("dynamodb:*", "sqs:*", "sns:*", "s3:*", "kms:Decrypt",
                        "kms:GenerateDataKey", "secretsmanager:GetSecretValue", "logs:*", "xray:*",
                        "lambda:InvokeFunction").resource("*"),
                deny().sid("NoIamOrOrganizations").action("iam:*", "organizations:*", "account:*").resource("*")))));
        policies.add(customer("acme-developer-boundary", "v2", List.of(
                version("v1", "2023-04-01T08:00:00Z", allow().notAction("iam:*").resource("*")),
                version("v2", "2023-11-20T08:00:00Z",
                        allow().sid("EverythingButIdentity").notAction("iam:*", "organizations:*", "account:*")
                                .resource("*"),
                        allow().sid("ManageOwnCredentials").action("iam:ChangePassword", "iam:GetUser",
                                "iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys")
                                .resource("arn:aws:iam::" + ACCOUNT + ":user/${aws:username}")))));
        return policies;
    }

    private Organization organization() {
        OrgPolicy full = new OrgPolicy("p-FullAWSAccess",
                "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "FullAWSAccess", true,
                AwsPolicies.document(allow().action("*").resource("*")));
        OrgPolicy baseline = new OrgPolicy("p-7k2m9x4q", "arn:aws:organizations::" + MANAGEMENT + ":policy/" + ORG
                + "/service_control_policy/p-7k2m9x4q", "ProtectSecurityBaseline", false, AwsPolicies.document(
                        deny().sid("DenyLeavingTheOrganization").action("organizations:LeaveOrganization")
                                .resource("*"),
                        deny().sid("ProtectAuditTrail").action("cloudtrail:StopLogging", "cloudtrail:DeleteTrail",
                                "guardduty:DeleteDetector").resource("*")));
        return new Organization(ORG, MANAGEMENT, List.of(
                new OrgLevel("r-a1b2", "Root", "ROOT", List.of(full)),
                new OrgLevel("ou-a1b2-w0rkl0ad", "Workloads", "ORGANIZATIONAL_UNIT", List.of(full, baseline)),
                new OrgLevel(ACCOUNT, "acme-shop-prod", "ACCOUNT", List.of(full))), List.of());
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private FunctionSpec function(String region, String name, String runtime, String handler, String description,
            String lastModified, List<String> versions) {
        FunctionSpec f = new FunctionSpec(region, name, runtime, handler, description, lastModified, versions);
        functions.put(name, f);
        return f;
    }

    private IamRole.Builder executionRoleBuilder(String name) {
        return IamRole.builder(Arns.role(ACCOUNT, "/", name), name)
                .trustPolicy(AwsPolicies.serviceTrust(LAMBDA_TRUST_SERVICE))
                .attachedPolicy(AwsManagedPolicies.LAMBDA_BASIC_EXECUTION);
    }

    private IamRole executionRole(String name, InlinePolicy policy) {
        return addRole(executionRoleBuilder(name).inlinePolicy(policy.name(), policy.document()));
    }

    private IamRole addRole(IamRole.Builder builder) {
        IamRole partial = builder.build();
        IamRole role = partial.toBuilder().roleId(AwsIds.roleId(partial.arn())).maxSessionDuration(3600).build();
        role.attachedPolicyArns().forEach(this::attach);
        if (role.permissionsBoundaryArn() != null) {
            attachments.computeIfAbsent(role.permissionsBoundaryArn(), k -> new int[2])[1]++;
        }
        roles.add(role);
        return role;
    }

    private void attach(String arn) {
        attachments.computeIfAbsent(arn, k -> new int[2])[0]++;
    }

    private static InlinePolicy dataPolicy(String name, Statement... statements) {
        return new InlinePolicy(name, AwsPolicies.document(statements));
    }

    private static String table(String region, String name) {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
    }

    private static String customerPolicy(String name) {
        return Arns.policy(ACCOUNT, "/", name);
    }

    private String customerPolicy(String name, boolean boundary) {
        String arn = customerPolicy(name);
        if (boundary) {
            attachments.computeIfAbsent(arn, k -> new int[2])[1]++;
        }
        return arn;
    }

    private ManagedPolicy customer(String name, String defaultVersion, List<PolicyVersion> versions) {
        String arn = customerPolicy(name);
        int[] count = attachments.getOrDefault(arn, new int[2]);
        List<PolicyVersion> marked = versions.stream().map(v -> new PolicyVersion(v.versionId(),
                v.versionId().equals(defaultVersion), v.document(), v.createDate())).toList();
        return new ManagedPolicy(arn, name, AwsIds.policyId(arn), "/", defaultVersion, count[0], count[1], marked);
    }

    private static PolicyVersion version(String id, String created, Statement... statements) {
        return new PolicyVersion(id, false, AwsPolicies.document(statements), Instant.parse(created));
    }

    /** An unauthenticated method with a Lambda proxy integration. */
    private static RestMethod open(String verb, FunctionSpec fn, String qualifier, boolean apiKey) {
        String target = qualifier == null ? fn.arn : fn.qualified(qualifier);
        return new RestMethod(verb, "NONE", null, apiKey, List.of(), proxy(target, null));
    }

    private static RestMethod method(String verb, String auth, String authorizerId, List<String> scopes,
            RestIntegration integration) {
        return new RestMethod(verb, auth, authorizerId, false, scopes, integration);
    }

    private static RestIntegration proxy(String functionArn, String credentials) {
        return new RestIntegration("AWS_PROXY", Arns.lambdaInvocationUri(US, functionArn), "POST", credentials);
    }

    /** A function being assembled: its configuration and the statements of each qualifier's policy. */
    private static final class FunctionSpec {
        final String region;
        final String name;
        final String arn;
        final String runtime;
        final String handler;
        final String description;
        final String lastModified;
        final List<String> versions;
        final Map<String, String> aliases = new LinkedHashMap<>();
        final Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        final Map<String, List<Statement>> statements = new LinkedHashMap<>();
        IamRole role;
        FunctionUrlConfig url;

        FunctionSpec(String region, String name, String runtime, String handler, String description,
                String lastModified, List<String> versions) {
            this.region = region;
            this.name = name;
            this.arn = Arns.function(region, ACCOUNT, name);
            this.runtime = runtime;
            this.handler = handler;
            this.description = description;
            this.lastModified = lastModified;
            this.versions = versions;
        }

        FunctionSpec alias(String alias, String version, Map<String, Double> weight) {
            aliases.put(alias, version);
            if (weight != null) {
                weights.put(alias, weight);
            }
            return this;
        }

        void role(IamRole value) {
            this.role = value;
        }

        String qualified(String qualifier) {
            return Arns.qualified(arn, qualifier);
        }

        /** Adds a statement to the policy of {@code qualifier} ("" for the unqualified function). */
        void allow(String qualifier, Statement statement) {
            statements.computeIfAbsent(qualifier, q -> new ArrayList<>()).add(statement);
        }

        LambdaFunction build() {
            LambdaFunction.Builder b = LambdaFunction.builder(arn, name, region).runtime(runtime).handler(handler)
                    .description(description).roleArn(role.arn()).lastModified(lastModified)
                    .resourcePolicy(policy(""));
            for (String v : versions) {
                b.version(new FunctionVersion(v, qualified(v), role.arn(), policy(v)));
            }
            aliases.forEach((alias, version) -> b.alias(new FunctionAlias(alias, qualified(alias), version,
                    weights.get(alias), policy(alias))));
            if (url != null) {
                b.urlConfig(url);
            }
            return b.build();
        }

        private PolicyText policy(String qualifier) {
            List<Statement> list = statements.get(qualifier);
            return list == null || list.isEmpty() ? null : AwsPolicies.lambdaPolicy(list);
        }
    }
}
