package dev.iamatlas.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void callsBeyondTheBurstArePacedAtTheRate() throws Exception {
        TokenBucket bucket = new TokenBucket("test", 100, 5);
        long start = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            bucket.acquire();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(180), Duration.ofMillis(400)); // 20 beyond the burst at 100/s
    }

    @Test
    void throttlingLowersTheRateAndSuccessesBringItBack() {
        TokenBucket bucket = new TokenBucket("test", 15, 5);
        bucket.onThrottle();
        bucket.onThrottle();
        assertThat(bucket.currentRate()).isCloseTo(15 * 0.75 * 0.75, org.assertj.core.data.Offset.offset(0.001));
        for (int i = 0; i < 20; i++) {
            bucket.onThrottle();
        }
        assertThat(bucket.currentRate()).isEqualTo(1.5);
        for (int i = 0; i < 30; i++) {
            bucket.onSuccess();
        }
        assertThat(bucket.currentRate()).isEqualTo(15);
        assertThat(bucket.throttles()).isEqualTo(22);
    }

    @Test
    void theDocumentedQuotasAreWhereTheyBelong() {
        Pacer pacer = new Pacer(1);
        assertThat(names(pacer.bucketsFor("lambda", "eu-west-1", "GetPolicy"))).containsExactly("lambda/eu-west-1/GetPolicy");
        assertThat(names(pacer.bucketsFor("lambda", "eu-west-1", "ListAliases")))
                .containsExactly("lambda/eu-west-1/control-plane");
        assertThat(names(pacer.bucketsFor("apigateway", "eu-west-1", "GetResources")))
                .containsExactly("apigateway/eu-west-1/GetResources", "apigateway/eu-west-1/management");
        assertThat(pacer.bucketsFor("apigatewayv2", "eu-west-1", "GetRoutes"))
                .containsExactlyElementsOf(pacer.bucketsFor("apigateway", "eu-west-1", "GetStages"));
        assertThat(pacer.bucketsFor("lambda", "eu-west-1", "GetPolicy"))
                .doesNotContainAnyElementsOf(pacer.bucketsFor("lambda", "us-east-1", "GetPolicy"));
        assertThat(pacer.bucketsFor("lambda", "eu-west-1", "GetPolicy").get(0).currentRate()).isEqualTo(15);
        assertThat(pacer.bucketsFor("apigateway", "eu-west-1", "GetResources").get(0).currentRate()).isEqualTo(2.5);
    }

    private static List<String> names(List<TokenBucket> buckets) {
        return buckets.stream().map(TokenBucket::name).toList();
    }
}
