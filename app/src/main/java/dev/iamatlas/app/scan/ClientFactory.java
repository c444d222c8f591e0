package dev.iamatlas.app.scan;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the SDK clients of one scan, one per service and region, all sharing one HTTP client, the credentials,
 * the retry policy and the {@link ScanInterceptor}. The endpoint is overridden only for {@code --endpoint-url}:
 * otherwise the SDK resolves it itself and so honours {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>}
 * and {@code endpoint_url} in the profile.
 */
final class ClientFactory implements AutoCloseable {
    private final SdkHttpClient http;
    private final URI endpointOverride;
    private final String profileName;
    private final RetryPolicy retry;
    private final ScanTuning tuning;
    private final ScanInterceptor interceptor;
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();
    private volatile AwsCredentialsProvider credentials;

    ClientFactory(ScanRequest request, ScanInterceptor interceptor) {
        this.tuning = request.tuning();
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(tuning.connectTimeout())
                .socketTimeout(tuning.attemptTimeout())
                .build();
        this.endpointOverride = request.endpointUrl();
        this.profileName = request.profile();
        this.retry = new RetryPolicy(tuning);
        this.interceptor = interceptor;
    }

    /** Sets the credentials every client built from now on uses. */
    void credentials(AwsCredentialsProvider value) {
        this.credentials = value;
    }

    SdkHttpClient http() {
        return http;
    }

    RetryPolicy retry() {
        return retry;
    }

    StsClient sts(Region region) {
        return cached("sts", region, () -> configure(StsClient.builder(), "sts", region, "global"));
    }

    /** An STS client with other credentials than the scan's (the base identity, for role assumption). */
    StsClient stsWith(Region region, AwsCredentialsProvider base) {
        StsClient client = configure(StsClient.builder(), "sts", region, "global", base);
        clients.put("sts-base/" + region.id() + "/" + System.identityHashCode(client), client);
        return client;
    }

    IamClient iam(Region region) {
        return cached("iam", region, () -> configure(IamClient.builder(), "iam", region, "global"));
    }

    LambdaClient lambda(String region) {
        Region r = Region.of(region);
        return cached("lambda", r, () -> configure(LambdaClient.builder(), "lambda", r, region));
    }

    ApiGatewayClient apiGateway(String region) {
        Region r = Region.of(region);
        return cached("apigateway", r, () -> configure(ApiGatewayClient.builder(), "apigateway", r, region));
    }

    ApiGatewayV2Client apiGatewayV2(String region) {
        Region r = Region.of(region);
        return cached("apigatewayv2", r, () -> configure(ApiGatewayV2Client.builder(), "apigatewayv2", r, region));
    }

    /**
     * The Organizations endpoint, resolved the way generated clients resolve theirs: {@code --endpoint-url}, then
     * {@code AWS_ENDPOINT_URL_ORGANIZATIONS} / {@code aws.endpointUrlOrganizations}, then {@code AWS_ENDPOINT_URL},
     * then the profile's {@code endpoint_url} (service-specific first), then the partition's endpoint in
     * {@code homeRegion}.
     */
    URI organizationsEndpoint(Region homeRegion) {
        AwsClientEndpointProvider.Builder endpoint = AwsClientEndpointProvider.builder()
                .clientEndpointOverride(endpointOverride)
                .serviceEndpointOverrideEnvironmentVariable("AWS_ENDPOINT_URL_ORGANIZATIONS")
                .serviceEndpointOverrideSystemProperty("aws.endpointUrlOrganizations")
                .serviceProfileProperty("organizations")
                .serviceEndpointPrefix("organizations")
                .defaultProtocol("https")
                .region(homeRegion)
                .profileFile(ProfileFile::defaultProfileFile);
        if (profileName != null) {
            endpoint.profileName(profileName);
        }
        return endpoint.build().clientEndpoint();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
            String service, Region region, String regionLabel) {
        return configure(builder, service, region, regionLabel, credentials);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
            String service, Region region, String regionLabel, AwsCredentialsProvider clientCredentials) {
        builder.httpClient(http)
                .credentialsProvider(clientCredentials)
                .region(region)
                .overrideConfiguration(o -> {
                    o.retryStrategy(retry.sdkStrategy())
                            .addExecutionInterceptor(interceptor)
                            .apiCallAttemptTimeout(tuning.attemptTimeout())
                            .putExecutionAttribute(ScanInterceptor.SERVICE, service)
                            .putExecutionAttribute(ScanInterceptor.REGION, regionLabel);
                    if (profileName != null) {
                        o.defaultProfileName(profileName);
                    }
                });
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkAutoCloseable> C cached(String service, Region region, java.util.function.Supplier<C> make) {
        return (C) clients.computeIfAbsent(service + "/" + region.id(), k -> make.get());
    }

    @Override
    public void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        http.close();
    }
}
