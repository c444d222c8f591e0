package dev.iamatlas.app.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.iamatlas.app.scan.FakeAws.functionArn;
import static dev.iamatlas.app.scan.FakeAws.resource;
import static dev.iamatlas.app.scan.FakeAws.restApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestMethod;
import org.junit.jupiter.api.Test;

class ApiGatewayScanTest extends ScanTestSupport {
    static final String API_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:us-east-1:111122223333:abc123/*\","
            + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}}]}";

    /** Two REST APIs over two pages; the first has three resources over two pages, stages and an authorizer. */
    static void twoRestApis(FakeAws aws) {
        aws.restApisPage(null, "p-2", restApi("abc123", "shop", API_POLICY));
        aws.restApisPage("p-2", null, restApi("def456", "admin", null));
        aws.resourcesPage("abc123", null, "r-2", resource("r0", null, "/", null, null, null),
                resource("r1", "r0", "/orders", "GET", "CUSTOM",
                        functionArn("us-east-1", "orders") + ":${stageVariables.alias}"));
        aws.resourcesPage("abc123", "r-2", null, resource("r2", "r1", "/orders/{id}", "DELETE", "AWS_IAM",
                functionArn("us-east-1", "orders")));
        aws.restStages("abc123", "[{\"stageName\":\"prod\",\"deploymentId\":\"d1\",\"variables\":{\"alias\":\"live\"},"
                + "\"webAclArn\":\"arn:aws:wafv2:us-east-1:111122223333:regional/webacl/shop/1\"}]");
        aws.restAuthorizers("abc123", "[{\"id\":\"au1\",\"name\":\"token\",\"type\":\"TOKEN\",\"authorizerUri\":"
                + "\"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + functionArn("us-east-1", "auth") + "/invocations\",\"identitySource\":\"method.request.header.Authorization\"}]");
    }

    @Test
    void restApisComeFromEveryPageWithTheirPolicyDecodedAndMethodsEmbedded() {
        twoRestApis(aws);

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.restApis()).extracting(RestApi::id).containsExactly("abc123", "def456");
        RestApi shop = snapshot.restApis().get(0);
        assertThat(shop.policy()).isEqualTo(PolicyText.of(API_POLICY));
        assertThat(shop.policy().json()).contains("\"203.0.113.0/24\"").doesNotContain("\\/");
        assertThat(shop.endpointTypes()).containsExactly("REGIONAL");
        assertThat(shop.resources()).extracting(r -> r.path()).containsExactly("/", "/orders", "/orders/{id}");
        RestMethod get = shop.resources().get(1).methods().get(0);
        assertThat(get.httpMethod()).isEqualTo("GET");
        assertThat(get.authorizationType()).isEqualTo("CUSTOM");
        assertThat(get.integration().type()).isEqualTo("AWS_PROXY");
        assertThat(get.integration().uri()).contains("function:orders:${stageVariables.alias}/invocations");
        assertThat(shop.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.name()).isEqualTo("prod");
            assertThat(stage.variables()).containsEntry("alias", "live");
            assertThat(stage.webAclArn()).contains("webacl/shop");
        });
        assertThat(shop.authorizers()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("TOKEN");
            assertThat(a.authorizerUri()).contains("function:auth");
        });
        assertThat(snapshot.restApis().get(1).policy()).isNull();
        assertThat(snapshot.gaps()).isEmpty();
        // GetRestApis ×2; abc123: GetResources ×2, GetStages, GetAuthorizers; def456: 3 calls.
        assertThat(calls(snapshot, "apigateway")).isEqualTo(2 + 4 + 3);
    }

    @Test
    void throttledGetResourcesIsRetriedAndNothingIsLost() {
        twoRestApis(aws);
        aws.throttleFirst(() -> get(urlPathEqualTo("/restapis/abc123/resources")).withQueryParam("position", absent()), 3);

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.restApis().get(0).resources()).hasSize(3);
        assertThat(snapshot.gaps()).isEmpty();
        assertThat(calls(snapshot, "apigateway")).isEqualTo(9 + 3);
    }

    @Test
    void httpApisAndTheirRoutesIntegrationsAuthorizersAndStagesComeFromEveryPage() {
        aws.httpApisPage(null, "n-2", "{\"apiId\":\"h1\",\"name\":\"pay\",\"protocolType\":\"HTTP\","
                + "\"apiEndpoint\":\"https://h1.execute-api.us-east-1.amazonaws.com\"}");
        aws.httpApisPage("n-2", null, "{\"apiId\":\"w1\",\"name\":\"chat\",\"protocolType\":\"WEBSOCKET\"}");
        aws.httpApiPage("h1", "routes", null, "rt-2", "{\"routeId\":\"rt1\",\"routeKey\":\"POST /pay\","
                + "\"authorizationType\":\"JWT\",\"authorizerId\":\"au1\",\"authorizationScopes\":[\"pay\"],"
                + "\"target\":\"integrations/i1\"}");
        aws.httpApiPage("h1", "routes", "rt-2", null, "{\"routeId\":\"rt2\",\"routeKey\":\"$default\","
                + "\"authorizationType\":\"NONE\",\"target\":\"integrations/i1\"}");
        aws.httpApiPage("h1", "integrations", null, null, "{\"integrationId\":\"i1\",\"integrationType\":\"AWS_PROXY\","
                + "\"integrationUri\":\"" + functionArn("us-east-1", "payments") + "\",\"payloadFormatVersion\":\"2.0\"}");
        aws.httpApiPage("h1", "authorizers", null, null, "{\"authorizerId\":\"au1\",\"name\":\"jwt\","
                + "\"authorizerType\":\"JWT\",\"identitySource\":[\"$request.header.Authorization\"],"
                + "\"jwtConfiguration\":{\"issuer\":\"https://issuer.example\",\"audience\":[\"shop\"]}}");
        aws.httpApiPage("h1", "stages", null, "s-2", "{\"stageName\":\"$default\",\"autoDeploy\":true}");
        aws.httpApiPage("h1", "stages", "s-2", null, "{\"stageName\":\"beta\",\"stageVariables\":{\"fn\":\"payments\"}}");

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.apisV2()).extracting(ApiV2::apiId, ApiV2::protocolType)
                .containsExactly(tuple("h1", "HTTP"),
                        tuple("w1", "WEBSOCKET"));
        ApiV2 pay = snapshot.apisV2().get(0);
        assertThat(pay.routes()).extracting(r -> r.routeKey() + " " + r.authorizationType())
                .containsExactly("POST /pay JWT", "$default NONE");
        assertThat(pay.routes().get(0).authorizationScopes()).containsExactly("pay");
        assertThat(pay.integrations()).singleElement().satisfies(i -> {
            assertThat(i.integrationUri()).endsWith("function:payments");
            assertThat(i.payloadFormatVersion()).isEqualTo("2.0");
        });
        assertThat(pay.authorizers()).singleElement().satisfies(a -> {
            assertThat(a.jwtIssuer()).isEqualTo("https://issuer.example");
            assertThat(a.jwtAudience()).containsExactly("shop");
        });
        assertThat(pay.stages()).extracting(s -> s.stageName()).containsExactly("$default", "beta");
        assertThat(pay.stages().get(1).stageVariables()).containsEntry("fn", "payments");
        assertThat(snapshot.gaps()).isEmpty();
    }

    @Test
    void whenGetAuthorizersFailsTheAuthorizersTheRoutesUseAreReadOneByOne() {
        aws.httpApisPage(null, null, "{\"apiId\":\"h1\",\"name\":\"pay\",\"protocolType\":\"HTTP\"}");
        aws.httpApiPage("h1", "routes", null, null, "{\"routeId\":\"rt1\",\"routeKey\":\"POST /pay\","
                + "\"authorizationType\":\"CUSTOM\",\"authorizerId\":\"au1\",\"target\":\"integrations/i1\"}");
        aws.alwaysFail(get(urlPathEqualTo("/v2/apis/h1/authorizers")), 500);
        aws.stub(1, get(urlPathEqualTo("/v2/apis/h1/authorizers/au1")), FakeAws.json(200, "{\"authorizerId\":\"au1\","
                + "\"name\":\"lambda\",\"authorizerType\":\"REQUEST\",\"authorizerUri\":\"arn:aws:apigateway:us-east-1:"
                + "lambda:path/2015-03-31/functions/" + functionArn("us-east-1", "auth") + "/invocations\"}"));

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.apisV2().get(0).authorizers()).singleElement()
                .satisfies(a -> assertThat(a.authorizerUri()).contains("function:auth"));
        assertThat(snapshot.gaps()).isEmpty();
    }

    @Test
    void accessDeniedOnApiGatewayIsAGapAndLambdaIsStillRead() {
        aws.deny(get(urlPathEqualTo("/restapis")), "apigateway");
        aws.functionsPage(null, null, FakeAws.functionConfig("orders", "$LATEST", FakeAws.roleArn("r")));

        AccountSnapshot snapshot = scan();

        assertThat(gapLines(snapshot)).singleElement().asString()
                .startsWith("apigateway us-east-1 GetRestApis: AccessDeniedException");
        assertThat(snapshot.functions()).hasSize(1);
    }
}
