package dev.iamatlas.app.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Holds one {@link TokenBucket} per (service, region, quota) for one scan and paces every HTTP attempt (retries
 * included) through them. Thread-safe.
 */
final class Pacer {
    private final double rateScale;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** @param rateScale multiplies every documented rate and burst (1 = AWS's quotas) */
    Pacer(double rateScale) {
        this.rateScale = rateScale;
    }

    /** The buckets a call of {@code operation} to {@code service} in {@code region} draws from. */
    List<TokenBucket> bucketsFor(String service, String region, String operation) {
        List<TokenBucket> result = new ArrayList<>(2);
        for (RateLimits.Quota quota : RateLimits.quotasFor(service, operation)) {
            String key = RateLimits.quotaService(service) + "/" + region + "/" + quota.name();
            result.add(buckets.computeIfAbsent(key, k -> new TokenBucket(k, quota.rate() * rateScale,
                    Math.max(1, quota.burst() * rateScale))));
        }
        return result;
    }

    /** Waits for a token from each bucket of the call. */
    static void acquire(List<TokenBucket> callBuckets) throws InterruptedException {
        for (TokenBucket bucket : callBuckets) {
            bucket.acquire();
        }
    }

    /** Total throttling answers seen, for the performance figures. */
    long throttles() {
        return buckets.values().stream().mapToLong(TokenBucket::throttles).sum();
    }
}
