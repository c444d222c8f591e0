package dev.iamatlas.app.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * A minimal client for the AWS Organizations JSON API ({@code application/x-amz-json-1.1}, target prefix
 * {@code AWSOrganizationsV20161128}), signed with SigV4 by the SDK's own {@link AwsV4HttpSigner}, sent through the
 * same HTTP client and credentials as every other call, paced, counted, guarded read-only and retried like them.
 *
 * <p>Why not the SDK's {@code organizations} module: the version that matches the rest of the SDK (2.57.8) is not
 * published on the Maven repository this project builds from, and AWS supports mixing SDK module versions only
 * within one minor version (aws-sdk-java-v2 PR #6521); an older generated client against a newer core can fail at
 * run time in ways no compile catches. The scanner needs five read operations, so a small client over the
 * documented wire format is the robust choice. The endpoint is resolved with the SDK's
 * {@code AwsClientEndpointProvider}, the same code the generated clients use, so {@code --endpoint-url},
 * {@code AWS_ENDPOINT_URL_ORGANIZATIONS}, {@code AWS_ENDPOINT_URL} and {@code endpoint_url} in the profile work as for
 * every other service.
 */
final class OrganizationsJsonClient {
    private static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String signingRegion;
    private final Pacer pacer;
    private final ApiCallCounter counter;
    private final RetryPolicy retry;
    private final CancellationToken cancellation;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    OrganizationsJsonClient(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint,
            String signingRegion, Pacer pacer, ApiCallCounter counter, RetryPolicy retry,
            CancellationToken cancellation) {
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.signingRegion = signingRegion;
        this.pacer = pacer;
        this.counter = counter;
        this.retry = retry;
        this.cancellation = cancellation;
    }

    /** An error answer from Organizations, with its code ({@code AccessDeniedException}, ...) and HTTP status. */
    static final class OrganizationsApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String errorCode;
        private final int statusCode;

        OrganizationsApiException(String errorCode, int statusCode, String message) {
            super(message == null ? errorCode : message);
            this.errorCode = errorCode;
            this.statusCode = statusCode;
        }

        String errorCode() {
            return errorCode;
        }

        int statusCode() {
            return statusCode;
        }
    }

    /** A new empty request body. */
    static ObjectNode body() {
        return JSON.createObjectNode();
    }

    /**
     * Calls one operation, retrying transient failures.
     *
     * @param operation such as {@code ListParents}; only read operations are allowed
     * @param body the request's JSON body
     * @return the answer's JSON
     * @throws OrganizationsApiException for an error answer that retries did not cure
     * @throws SdkClientException for a network failure that retries did not cure, or cancellation
     */
    JsonNode call(String operation, ObjectNode body) {
        ReadOnlyGuard.check("organizations", operation);
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        List<TokenBucket> buckets = pacer.bucketsFor("organizations", "global", operation);
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            boolean throttled = false;
            try {
                if (cancellation.isCancelled()) {
                    throw AbortedException.create("the scan was cancelled");
                }
                Pacer.acquire(buckets);
                counter.count("organizations", operation);
                JsonNode answer = send(operation, payload);
                buckets.forEach(TokenBucket::onSuccess);
                return answer;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AbortedException.create("the scan was cancelled");
            } catch (OrganizationsApiException e) {
                failure = e;
                throttled = AwsErrors.isThrottling(e);
                if (throttled) {
                    buckets.forEach(TokenBucket::onThrottle);
                }
            } catch (IOException e) {
                failure = SdkClientException.create("Organizations " + operation + ": " + e.getMessage(), e);
            }
            if (attempt >= retry.maxAttempts() || !AwsErrors.isTransient(failure)) {
                throw failure;
            }
            sleep(retry.delayAfter(attempt, throttled));
        }
    }

    private JsonNode send(String operation, byte[] payload) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/"
                        : endpoint.getRawPath())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .putHeader("Content-Length", Integer.toString(payload.length))
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "organizations")
                .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        int status = response.httpResponse().statusCode();
        byte[] bytes;
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
            bytes = in.readAllBytes();
        }
        JsonNode json = parse(bytes);
        if (status >= 200 && status < 300) {
            return json == null ? JSON.createObjectNode() : json;
        }
        String code = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null);
        if (json != null && json.hasNonNull("__type")) {
            code = json.get("__type").asText();
        }
        code = code == null ? "HTTP" + status : shortCode(code);
        String message = json == null ? null : json.has("message") ? json.get("message").asText()
                : json.has("Message") ? json.get("Message").asText() : null;
        throw new OrganizationsApiException(code, status, message);
    }

    /** {@code com.amazon...#AccessDeniedException} or {@code AccessDeniedException:http://...} → the bare code. */
    private static String shortCode(String code) {
        String result = code;
        int hash = result.lastIndexOf('#');
        if (hash >= 0) {
            result = result.substring(hash + 1);
        }
        int colon = result.indexOf(':');
        if (colon >= 0) {
            result = result.substring(0, colon);
        }
        return result;
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("the scan was cancelled");
        }
    }
}
