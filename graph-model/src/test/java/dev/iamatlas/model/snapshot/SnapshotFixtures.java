package dev.iamatlas.model.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small account that exercises every part of the snapshot model. */
final class SnapshotFixtures {
    private SnapshotFixtures() {
    }

    static AccountSnapshot smallAccount() {
        String account = "111122223333";
        PolicyText invoke = PolicyText.of("""
                {"Version":"2012-10-17","Statement":[{"Sid":"apigw","Effect":"Allow",
                 "Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction",
                 "Resource":"arn:aws:lambda:us-east-1:111122223333:function:orders",
                 "Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:111122223333:abc123/*/GET/orders"}}}]}
                """);
        PolicyText trust = PolicyText.of("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},
                 "Action":"sts:AssumeRole"}]}
                """);
        PolicyText dynamo = PolicyText.of("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],
                 "Resource":"arn:aws:dynamodb:us-east-1:111122223333:table/orders"}]}
                """);
        ScanMetadata metadata = new ScanMetadata(account, "shop-prod", "aws", List.of("us-east-1"), "scan", "0.1.0",
                "arn:aws:sts::111122223333:assumed-role/auditor/me", Instant.parse("2026-11-24T10:00:00Z"),
                Instant.parse("2026-11-24T10:01:30Z"), true, Map.of("iam", 3L, "lambda", 12L));
        return AccountSnapshot.builder(metadata)
                .user(IamUser.builder("arn:aws:iam::111122223333:user/alice", "alice").userId("AIDAEXAMPLE")
                        .group("devs").attachedPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess").tag("team", "orders")
                        .build())
                .group(new IamGroup("arn:aws:iam::111122223333:group/devs", "devs", "AGPAEXAMPLE", "/",
                        List.of(new InlinePolicy("dynamo", dynamo)), List.of()))
                .role(IamRole.builder("arn:aws:iam::111122223333:role/service/orders-role", "orders-role")
                        .path("/service/").roleId("AROAEXAMPLE").trustPolicy(trust).inlinePolicy("dynamo", dynamo)
                        .permissionsBoundaryArn("arn:aws:iam::111122223333:policy/boundary").maxSessionDuration(3600)
                        .build())
                .managedPolicy(new ManagedPolicy("arn:aws:iam::111122223333:policy/boundary", "boundary", "ANPAEX",
                        "/", "v2", 1, 1, List.of(new PolicyVersion("v1", false, dynamo, null),
                                new PolicyVersion("v2", true, dynamo, Instant.parse("2026-01-01T00:00:00Z")))))
                .organization(new Organization("o-abc", "999988887777",
                        List.of(new OrgLevel("r-root", "Root", "ROOT", List.of(new OrgPolicy("p-FullAWSAccess",
                                "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
                                "FullAWSAccess", true, PolicyText.of("{\"Version\":\"2012-10-17\",\"Statement\":"
                                        + "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))))),
                        List.of()))
                .function(LambdaFunction.builder("arn:aws:lambda:us-east-1:111122223333:function:orders", "orders",
                                "us-east-1")
                        .runtime("java17").handler("orders.Handler").roleArn(
                                "arn:aws:iam::111122223333:role/service/orders-role")
                        .resourcePolicy(invoke)
                        .version(new FunctionVersion("3", "arn:aws:lambda:us-east-1:111122223333:function:orders:3",
                                "arn:aws:iam::111122223333:role/service/orders-role", null))
                        .alias(new FunctionAlias("live", "arn:aws:lambda:us-east-1:111122223333:function:orders:live",
                                "3", Map.of("2", 0.1), invoke))
                        .urlConfig(new FunctionUrlConfig("https://abc.lambda-url.us-east-1.on.aws/",
                                "arn:aws:lambda:us-east-1:111122223333:function:orders:live", "live", "NONE",
                                "BUFFERED"))
                        .build())
                .restApi(RestApi.builder("abc123", "shop", "us-east-1").endpointType("REGIONAL")
                        .resource(new RestResource("r1", "root", "/orders", List.of(new RestMethod("GET", "NONE", null,
                                false, List.of(), new RestIntegration("AWS_PROXY",
                                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                                + "arn:aws:lambda:us-east-1:111122223333:function:orders:"
                                                + "${stageVariables.alias}/invocations", "POST", null)))))
                        .stage(new RestStage("prod", "dep1", Map.of("alias", "live"), null))
                        .authorizer(new RestAuthorizer("au1", "tokens", "TOKEN", null, null, List.of(),
                                "method.request.header.Authorization"))
                        .build())
                .apiV2(ApiV2.builder("h1", "shop-http", "us-east-1", "HTTP")
                        .route(new RouteV2("rt1", "GET /health", "NONE", null, false, List.of(), "integrations/i1"))
                        .integration(new IntegrationV2("i1", "AWS_PROXY",
                                "arn:aws:lambda:us-east-1:111122223333:function:orders", null, "2.0"))
                        .authorizer(new AuthorizerV2("a1", "jwt", "JWT", null, null,
                                List.of("$request.header.Authorization"), "https://issuer.example.com",
                                List.of("shop")))
                        .stage(new StageV2("$default", null, true, Map.of()))
                        .build())
                .gap(new ScanGap("lambda", "eu-west-1", "ListFunctions", null, "AccessDeniedException",
                        "not authorized"))
                .build();
    }
}
