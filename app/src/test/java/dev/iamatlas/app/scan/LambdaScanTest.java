package dev.iamatlas.app.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.iamatlas.app.scan.FakeAws.alias;
import static dev.iamatlas.app.scan.FakeAws.functionConfig;
import static dev.iamatlas.app.scan.FakeAws.functionArn;
import static dev.iamatlas.app.scan.FakeAws.getPolicy;
import static dev.iamatlas.app.scan.FakeAws.json;
import static dev.iamatlas.app.scan.FakeAws.lambdaError;
import static dev.iamatlas.app.scan.FakeAws.listFunctions;
import static dev.iamatlas.app.scan.FakeAws.roleArn;
import static dev.iamatlas.app.scan.FakeAws.urlConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LambdaScanTest extends ScanTestSupport {
    static final String ORDERS = functionArn("us-east-1", "orders");
    static final String FROM_API = policy("orders", "apigw-prod", "{\"Service\":\"apigateway.amazonaws.com\"}",
            "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/orders");
    static final String FROM_ACCOUNT = policy("orders:live", "partner", "{\"AWS\":\"arn:aws:iam::444455556666:root\"}",
            null);
    static final String VERSION_2 = policy("orders:2", "v2", "{\"Service\":\"apigateway.amazonaws.com\"}", null);

    static String policy(String qualifiedName, String sid, String principal, String sourceArn) {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\","
                + "\"Principal\":" + principal + ",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\""
                + functionArn("us-east-1", qualifiedName) + "\""
                + (sourceArn == null ? "" : ",\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"" + sourceArn + "\"}}")
                + "}]}";
    }

    /** orders ($LATEST, versions 1 and 2, alias live → 2) over two pages, and payments with no policy at all. */
    static void twoFunctionsOverTwoPages(FakeAws aws) {
        aws.functionsPage(null, "m-2", functionConfig("orders", "$LATEST", roleArn("orders-v3")),
                functionConfig("orders", "1", roleArn("orders-v1")));
        aws.functionsPage("m-2", null, functionConfig("orders", "2", roleArn("orders-v2")),
                functionConfig("payments", "$LATEST", roleArn("payments")));
        aws.aliases("orders", null, "a-2", alias("orders", "live", "2"));
        aws.aliases("orders", "a-2", null, alias("orders", "beta", "1"));
        aws.functionPolicy("orders", null, FROM_API);
        aws.functionPolicy("orders", "live", FROM_ACCOUNT);
        aws.functionPolicy("orders", "2", VERSION_2);
    }

    @Test
    void functionsVersionsAndAliasesComeFromEveryPageEachWithItsOwnPolicy() {
        twoFunctionsOverTwoPages(aws);

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.functions()).extracting(LambdaFunction::name).containsExactly("orders", "payments");
        LambdaFunction orders = function(snapshot, "orders");
        assertThat(orders.arn()).isEqualTo(ORDERS);
        assertThat(orders.region()).isEqualTo("us-east-1");
        assertThat(orders.roleArn()).isEqualTo(roleArn("orders-v3"));
        assertThat(orders.runtime()).isEqualTo("java17");
        assertThat(orders.resourcePolicy()).isEqualTo(PolicyText.of(FROM_API));
        assertThat(orders.versions()).extracting(v -> v.version() + " " + v.roleArn())
                .containsExactly("1 " + roleArn("orders-v1"), "2 " + roleArn("orders-v2"));
        assertThat(orders.versions().get(0).resourcePolicy()).isNull();
        assertThat(orders.versions().get(1).resourcePolicy()).isEqualTo(PolicyText.of(VERSION_2));
        assertThat(orders.aliases()).extracting(a -> a.name() + "→" + a.functionVersion())
                .containsExactly("live→2", "beta→1");
        assertThat(orders.aliases().get(0).resourcePolicy()).isEqualTo(PolicyText.of(FROM_ACCOUNT));
        assertThat(orders.aliases().get(0).resourcePolicy().json()).contains("arn:aws:iam::444455556666:root");
        assertThat(orders.aliases().get(1).resourcePolicy()).isNull();
        assertThat(function(snapshot, "payments").resourcePolicy()).isNull();
        assertThat(snapshot.gaps()).isEmpty();
    }

    @Test
    void everyCallIsCountedAndNoneIsWasted() {
        twoFunctionsOverTwoPages(aws);

        AccountSnapshot snapshot = scan();

        // 2 ListFunctions pages; orders: 2 ListAliases pages + 1 ListFunctionUrlConfigs; payments: 1 + 1;
        // GetPolicy: orders, 2 versions, 2 aliases; payments.
        assertThat(calls(snapshot, "lambda")).isEqualTo(2 + 3 + 2 + 6);
        assertThat(aws.requests(getPolicy("orders").withQueryParam("Qualifier", equalTo("2")))).hasSize(1);
    }

    @Test
    void functionUrlsOnTheFunctionAndItsAliasesAreRead() {
        twoFunctionsOverTwoPages(aws);
        aws.urlConfigsPage("orders", null, "u-2", urlConfig(ORDERS, "AWS_IAM"));
        aws.urlConfigsPage("orders", "u-2", null, urlConfig(ORDERS + ":live", "NONE"));

        LambdaFunction orders = function(scan(), "orders");

        assertThat(orders.urlConfigs()).extracting(FunctionUrlConfig::qualifier, FunctionUrlConfig::authType)
                .containsExactly(tuple(null, "AWS_IAM"),
                        tuple("live", "NONE"));
        assertThat(orders.urlConfigs().get(1).functionArn()).isEqualTo(ORDERS + ":live");
        assertThat(orders.urlConfigs().get(0).invokeMode()).isEqualTo("BUFFERED");
    }

    @Test
    void anEndpointWithoutListFunctionUrlConfigsIsAskedForEachUrlInstead() {
        twoFunctionsOverTwoPages(aws);
        aws.stub(1, get(urlPathEqualTo("/2021-10-31/functions/orders/urls")),
                aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("<h1>Not Found</h1>"));
        aws.stub(1, get(urlPathEqualTo("/2021-10-31/functions/payments/urls")),
                aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("<h1>Not Found</h1>"));
        aws.stub(1, get(urlPathEqualTo("/2021-10-31/functions/orders/url")).withQueryParam("Qualifier", absent()),
                json(200, urlConfig(ORDERS, "NONE")));
        aws.stub(1, get(urlPathEqualTo("/2021-10-31/functions/orders/url")).withQueryParam("Qualifier", equalTo("live")),
                json(200, urlConfig(ORDERS + ":live", "AWS_IAM")));
        aws.stub(2, get(urlPathMatching("/2021-10-31/functions/[^/]+/url")),
                lambdaError(404, "ResourceNotFoundException", "The resource you requested does not exist."));

        AccountSnapshot snapshot = scan();

        assertThat(function(snapshot, "orders").urlConfigs()).extracting(u -> u.qualifier() + " " + u.authType())
                .containsExactly("null NONE", "live AWS_IAM");
        assertThat(function(snapshot, "payments").urlConfigs()).isEmpty();
        assertThat(snapshot.gaps()).isEmpty();
    }

    @Test
    void throttledLambdaCallsAreRetriedAndNothingIsLost() {
        twoFunctionsOverTwoPages(aws);
        aws.throttleFirst(() -> getPolicy("orders").withQueryParam("Qualifier", equalTo("live")), 4);
        aws.throttleFirst(() -> listFunctions().withQueryParam("Marker", equalTo("m-2")), 2);

        AccountSnapshot snapshot = scan();

        assertThat(function(snapshot, "orders").aliases().get(0).resourcePolicy()).isEqualTo(PolicyText.of(FROM_ACCOUNT));
        assertThat(snapshot.functions()).hasSize(2);
        assertThat(snapshot.gaps()).isEmpty();
        assertThat(calls(snapshot, "lambda")).isEqualTo(13 + 4 + 2);
    }

    @Test
    void aTransient500IsRetriedAndAPersistentOneBecomesAGap() {
        twoFunctionsOverTwoPages(aws);
        aws.failFirst(() -> getPolicy("orders").withQueryParam("Qualifier", absent()), 3);
        aws.alwaysFail(getPolicy("orders").withQueryParam("Qualifier", equalTo("live")), 503);

        AccountSnapshot snapshot = scan();

        LambdaFunction orders = function(snapshot, "orders");
        assertThat(orders.resourcePolicy()).isEqualTo(PolicyText.of(FROM_API));
        assertThat(orders.aliases().get(0).resourcePolicy()).isNull();
        assertThat(gapLines(snapshot)).containsExactly("lambda us-east-1 GetPolicy " + ORDERS
                + ":live: HTTP503 (Service returned HTTP status code 503)");
        assertThat(aws.requests(getPolicy("orders").withQueryParam("Qualifier", equalTo("live"))))
                .hasSize(FAST.maxAttempts());
    }

    @Test
    void aSlowAnswerIsWaitedForAndOneSlowerThanTheTimeoutIsRetried() {
        twoFunctionsOverTwoPages(aws);
        aws.slow(getPolicy("orders").withQueryParam("Qualifier", absent()), Duration.ofMillis(800),
                json(200, "{\"Policy\":" + FakeAws.quoted(FROM_API) + "}"));
        aws.slow(getPolicy("payments"), Duration.ofSeconds(3), json(200, "{}"));

        AccountSnapshot snapshot = scan(request().tuning(FAST.withAttemptTimeout(Duration.ofSeconds(1))
                .withMaxAttempts(2)));

        assertThat(function(snapshot, "orders").resourcePolicy()).isEqualTo(PolicyText.of(FROM_API));
        assertThat(gapLines(snapshot)).singleElement().asString()
                .startsWith("lambda us-east-1 GetPolicy " + functionArn("us-east-1", "payments") + ": Timeout");
        assertThat(aws.requests(getPolicy("payments"))).hasSize(2);
    }

    @Test
    void accessDeniedOnGetPolicyIsAGapPerFunctionAndStopsAfterRepeatedDenials() {
        String[] configs = new String[12];
        for (int i = 0; i < configs.length; i++) {
            configs[i] = functionConfig("fn" + i, "$LATEST", roleArn("r"));
        }
        aws.functionsPage(null, null, configs);
        aws.deny(get(urlPathMatching(
                "/2015-03-31/functions/[^/]+/policy")), "lambda");

        AccountSnapshot snapshot = scan(request().tuning(FAST.withThreadsPerLane(1)));

        assertThat(snapshot.functions()).hasSize(12);
        assertThat(snapshot.gaps()).hasSize(12).allMatch(g -> g.operation().equals("GetPolicy")
                && g.errorCode().equals("AccessDeniedException"));
        assertThat(aws.requests(get(urlPathMatching(
                "/2015-03-31/functions/[^/]+/policy")))).hasSize(5);
    }

    @Test
    void aFunctionDeletedBetweenTheListAndItsDetailsIsDropped() {
        twoFunctionsOverTwoPages(aws);
        aws.stub(1, get(urlPathEqualTo("/2015-03-31/functions/payments/aliases")),
                lambdaError(404, "ResourceNotFoundException", "Function not found: " + functionArn("us-east-1", "payments")));

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.functions()).extracting(LambdaFunction::name).containsExactly("orders");
        assertThat(snapshot.gaps()).isEmpty();
    }

    @Test
    void versionPoliciesCanBeSkippedAndTheSnapshotSaysSo() {
        twoFunctionsOverTwoPages(aws);

        AccountSnapshot snapshot = scan(request().versionPolicies(false));

        assertThat(function(snapshot, "orders").versions()).hasSize(2).allMatch(v -> v.resourcePolicy() == null);
        assertThat(aws.requests(getPolicy("orders").withQueryParam("Qualifier", equalTo("2")))).isEmpty();
        assertThat(gapLines(snapshot)).containsExactly("lambda us-east-1 GetPolicy published versions: Skipped "
                + "(resource policies of 2 published versions were not read (version policies switched off))");
    }
}
