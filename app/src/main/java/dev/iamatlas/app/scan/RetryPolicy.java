package dev.iamatlas.app.scan;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How the scanner retries: throttling, 5xx answers, timeouts and network errors are retried up to
 * {@link ScanTuning#maxAttempts()} times with exponential backoff and full jitter (a longer base after
 * throttling). The SDK's retry circuit breaker is switched off: a scan would rather wait than lose data when many
 * calls fail at once (an injected fault storm, a brief outage). Everything else (access denied, not found,
 * validation) is answered at once.
 */
final class RetryPolicy {
    private final ScanTuning tuning;

    RetryPolicy(ScanTuning tuning) {
        this.tuning = tuning;
    }

    /** The strategy for SDK clients. */
    RetryStrategy sdkStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(tuning.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(tuning.backoffBase(), tuning.backoffMax()))
                .throttlingBackoffStrategy(
                        BackoffStrategy.exponentialDelay(tuning.throttleBackoffBase(), tuning.throttleBackoffMax()))
                .circuitBreakerEnabled(false)
                .retryOnException(AwsErrors::isTransient)
                .treatAsThrottling(AwsErrors::isThrottling)
                .build();
    }

    int maxAttempts() {
        return tuning.maxAttempts();
    }

    /**
     * The delay before attempt {@code attempt + 1} (attempt counts from 1), for clients that retry by hand.
     *
     * @param throttled whether the last answer was a throttling one
     */
    Duration delayAfter(int attempt, boolean throttled) {
        Duration base = throttled ? tuning.throttleBackoffBase() : tuning.backoffBase();
        Duration max = throttled ? tuning.throttleBackoffMax() : tuning.backoffMax();
        double ceiling = Math.min(max.toNanos(), base.toNanos() * Math.pow(2, attempt - 1));
        return Duration.ofNanos((long) (ThreadLocalRandom.current().nextDouble() * ceiling));
    }
}
