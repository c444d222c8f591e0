package dev.iamatlas.app.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.iamatlas.app.scan.FakeAws.functionConfig;
import static dev.iamatlas.app.scan.FakeAws.json;
import static dev.iamatlas.app.scan.FakeAws.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An account of a few thousand functions, each with a published version, an alias and a resource policy on all
 * three: the scan must make exactly the calls the data requires and take about the time the rate limits allow.
 *
 * <p>In the unit suite it runs 2,000 functions with every quota scaled up a hundredfold (then the machine, not the
 * quotas, bounds the time). With
 * {@code IAMATLAS_BENCHMARK_FUNCTIONS=3000 IAMATLAS_BENCHMARK_RATESCALE=1} in the environment it is the benchmark whose figures
 * are in docs/performance.md (at AWS's real rates it takes about ten minutes).
 */
class LargeAccountScanTest extends ScanTestSupport {

    @Test
    void aLargeAccountTakesTheMinimumCallsAndAboutTheTimeTheRateLimitsAllow() {
        int functions = Integer.parseInt(setting("iamatlas.benchmark.functions", "2000"));
        double rateScale = Double.parseDouble(setting("iamatlas.benchmark.rateScale", "100"));
        stubLargeAccount(functions);

        long start = System.nanoTime();
        AccountSnapshot snapshot = scan(request().tuning(FAST.withRateScale(rateScale).withThreadsPerLane(8)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        int entries = 2 * functions;
        long listPages = (entries + 49) / 50;
        long controlPlane = listPages + 2L * functions; // ListFunctions pages, ListAliases, ListFunctionUrlConfigs
        long policies = 3L * functions; // function, version 1, alias live
        double lambdaRate = 15 * rateScale;
        Duration rateLimitBound = Duration.ofMillis((long) (1000 * Math.max(controlPlane, policies) / lambdaRate));

        assertThat(snapshot.gaps()).isEmpty();
        assertThat(snapshot.functions()).hasSize(functions);
        assertThat(snapshot.functions()).allSatisfy(f -> {
            assertThat(f.resourcePolicy()).isNotNull();
            assertThat(f.versions()).singleElement().satisfies(v -> assertThat(v.resourcePolicy()).isNotNull());
            assertThat(f.aliases()).singleElement().satisfies(a -> assertThat(a.resourcePolicy()).isNotNull());
        });
        assertThat(calls(snapshot, "lambda")).isEqualTo(controlPlane + policies);
        System.err.printf("large account: %d functions, %d Lambda calls (minimum %d), %.1f s (rate limits allow %.1f s"
                        + " at %.0fx the documented quotas)%n", functions, calls(snapshot, "lambda"),
                controlPlane + policies, took.toMillis() / 1000.0, rateLimitBound.toMillis() / 1000.0, rateScale);
        if (rateScale <= 10) {
            // Paced by the quotas: close to the time they allow.
            assertThat(took).isLessThan(rateLimitBound.multipliedBy(6).dividedBy(5).plusSeconds(10));
        } else {
            // Scaled far up, the quotas no longer bind: client and WireMock share two cores (~400 calls a second
            // here). What must hold is that nothing serialises or storms.
            assertThat(took).isLessThan(Duration.ofSeconds(90));
        }
    }

    /** A system property, or the environment variable of the same name in capitals with underscores. */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null ? fallback : value;
    }

    private void stubLargeAccount(int functions) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            entries.add(functionConfig(String.format("fn-%05d", i), "$LATEST", roleArn("fn-role")));
            entries.add(functionConfig(String.format("fn-%05d", i), "1", roleArn("fn-role")));
        }
        int pages = (entries.size() + 49) / 50;
        for (int p = 0; p < pages; p++) {
            List<String> page = entries.subList(p * 50, Math.min(entries.size(), (p + 1) * 50));
            aws.functionsPage(p == 0 ? null : "m" + p, p == pages - 1 ? null : "m" + (p + 1), page.toArray(String[]::new));
        }
        String policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Sid\\\":\\\"apigw\\\","
                + "\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"Service\\\":\\\"apigateway.amazonaws.com\\\"},"
                + "\\\"Action\\\":\\\"lambda:InvokeFunction\\\",\\\"Resource\\\":\\\"arn:aws:lambda:us-east-1:"
                + "111122223333:function:{{request.pathSegments.[2]}}\\\"}]}";
        aws.stub(5, get(urlPathMatching("/2015-03-31/functions/[^/]+/policy")),
                json(200, "{\"Policy\":\"" + policy + "\"}").withTransformers("response-template"));
        aws.stub(5, get(urlPathMatching("/2015-03-31/functions/[^/]+/aliases")), json(200, "{\"Aliases\":[{"
                + "\"AliasArn\":\"arn:aws:lambda:us-east-1:111122223333:function:{{request.pathSegments.[2]}}:live\","
                + "\"Name\":\"live\",\"FunctionVersion\":\"1\"}]}").withTransformers("response-template"));
    }
}
