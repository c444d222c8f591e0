package dev.iamatlas.app.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Sits in every SDK client the scanner builds and does four things:
 * <ol>
 *   <li>refuses any operation that is not a read ({@link ReadOnlyGuard}), before anything is sent;</li>
 *   <li>paces every HTTP attempt, retries included, through the quota buckets of its service and region;</li>
 *   <li>counts every HTTP request, per service and operation;</li>
 *   <li>tells the buckets about throttling answers (HTTP 429, or a 400/503 whose error code means "slow down"), so
 *       that pacing adapts.</li>
 * </ol>
 * The scanner's service id and region label come from execution attributes set on each client.
 */
final class ScanInterceptor implements ExecutionInterceptor {
    /** The scanner's id of the client's service, such as {@code lambda}. */
    static final ExecutionAttribute<String> SERVICE = new ExecutionAttribute<>("IamAtlasService");
    /** The region label of the client, such as {@code eu-west-1} or {@code global}. */
    static final ExecutionAttribute<String> REGION = new ExecutionAttribute<>("IamAtlasRegion");
    private static final ExecutionAttribute<List<TokenBucket>> BUCKETS = new ExecutionAttribute<>("IamAtlasBuckets");
    private static final int MAX_PEEK = 64 * 1024;

    private final Pacer pacer;
    private final ApiCallCounter counter;
    private final CancellationToken cancellation;

    ScanInterceptor(Pacer pacer, ApiCallCounter counter, CancellationToken cancellation) {
        this.pacer = pacer;
        this.counter = counter;
        this.cancellation = cancellation;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        ReadOnlyGuard.check(service(attributes), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = service(attributes);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (cancellation.isCancelled()) {
            throw AbortedException.create("the scan was cancelled");
        }
        List<TokenBucket> buckets = pacer.bucketsFor(service, region(attributes), operation);
        try {
            Pacer.acquire(buckets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("the scan was cancelled");
        }
        attributes.putAttribute(BUCKETS, buckets);
        counter.count(service, operation);
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        List<TokenBucket> buckets = attributes.getAttribute(BUCKETS);
        SdkHttpResponse response = context.httpResponse();
        int status = response.statusCode();
        if (buckets == null) {
            return context.responseBody();
        }
        if (status < 300) {
            buckets.forEach(TokenBucket::onSuccess);
            return context.responseBody();
        }
        if (status == 429 || response.firstMatchingHeader("x-amzn-ErrorType")
                .map(type -> AwsErrors.isThrottlingCode(type.split(":", 2)[0])).orElse(false)) {
            buckets.forEach(TokenBucket::onThrottle);
            return context.responseBody();
        }
        if ((status == 400 || status == 503) && context.responseBody().isPresent()) {
            // Query-protocol services (IAM, STS) say "Throttling" only in the XML body: peek at it (error bodies
            // are small) and hand the SDK an identical stream.
            byte[] body = readAtMost(context.responseBody().get());
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.contains("<Code>Throttling</Code>") || text.contains("ThrottlingException")
                    || text.contains("TooManyRequestsException") || text.contains("RequestLimitExceeded")
                    || text.contains("<Code>SlowDown</Code>")) {
                buckets.forEach(TokenBucket::onThrottle);
            }
            return Optional.of(new ByteArrayInputStream(body));
        }
        return context.responseBody();
    }

    private static byte[] readAtMost(InputStream in) {
        try {
            return in.readNBytes(MAX_PEEK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String service(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SERVICE);
        return service != null ? service : String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    }

    private static String region(ExecutionAttributes attributes) {
        String region = attributes.getAttribute(REGION);
        return region != null ? region : "global";
    }
}
