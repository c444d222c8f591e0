package dev.iamatlas.model.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP or WebSocket API (API Gateway v2): routes, integrations, authorizers and stages. Unlike REST APIs, v2
 * APIs have no resource policy.
 *
 * @param apiId the API id, which appears in execute-api ARNs
 * @param name the API name
 * @param region the region
 * @param protocolType HTTP or WEBSOCKET (kept as AWS wrote it)
 * @param apiEndpoint the default endpoint URL, or null
 * @param disableExecuteApiEndpoint whether the default endpoint is switched off
 * @param routes the routes
 * @param integrations the integrations that routes target
 * @param authorizers the authorizers
 * @param stages the stages
 */
public record ApiV2(
        String apiId,
        String name,
        String region,
        String protocolType,
        String apiEndpoint,
        boolean disableExecuteApiEndpoint,
        List<RouteV2> routes,
        List<IntegrationV2> integrations,
        List<AuthorizerV2> authorizers,
        List<StageV2> stages) {

    public ApiV2 {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(protocolType, "protocolType");
        routes = Copies.list(routes);
        integrations = Copies.list(integrations);
        authorizers = Copies.list(authorizers);
        stages = Copies.list(stages);
    }

    public static Builder builder(String apiId, String name, String region, String protocolType) {
        return new Builder(apiId, name, region, protocolType);
    }

    public Builder toBuilder() {
        Builder b = new Builder(apiId, name, region, protocolType).apiEndpoint(apiEndpoint)
                .disableExecuteApiEndpoint(disableExecuteApiEndpoint);
        b.routes.addAll(routes);
        b.integrations.addAll(integrations);
        b.authorizers.addAll(authorizers);
        b.stages.addAll(stages);
        return b;
    }

    /** Builds an {@link ApiV2}. */
    public static final class Builder {
        private final String apiId;
        private final String name;
        private final String region;
        private final String protocolType;
        private String apiEndpoint;
        private boolean disableExecuteApiEndpoint;
        private final List<RouteV2> routes = new ArrayList<>();
        private final List<IntegrationV2> integrations = new ArrayList<>();
        private final List<AuthorizerV2> authorizers = new ArrayList<>();
        private final List<StageV2> stages = new ArrayList<>();

        private Builder(String apiId, String name, String region, String protocolType) {
            this.apiId = apiId;
            this.name = name;
            this.region = region;
            this.protocolType = protocolType;
        }

        public Builder apiEndpoint(String value) {
            this.apiEndpoint = value;
            return this;
        }

        public Builder disableExecuteApiEndpoint(boolean value) {
            this.disableExecuteApiEndpoint = value;
            return this;
        }

        public Builder route(RouteV2 value) {
            routes.add(value);
            return this;
        }

        public Builder routes(List<RouteV2> values) {
            routes.clear();
            routes.addAll(values);
            return this;
        }

        public Builder integration(IntegrationV2 value) {
            integrations.add(value);
            return this;
        }

        public Builder integrations(List<IntegrationV2> values) {
            integrations.clear();
            integrations.addAll(values);
            return this;
        }

        public Builder authorizer(AuthorizerV2 value) {
            authorizers.add(value);
            return this;
        }

        public Builder authorizers(List<AuthorizerV2> values) {
            authorizers.clear();
            authorizers.addAll(values);
            return this;
        }

        public Builder stage(StageV2 value) {
            stages.add(value);
            return this;
        }

        public Builder stages(List<StageV2> values) {
            stages.clear();
            stages.addAll(values);
            return this;
        }

        public ApiV2 build() {
            return new ApiV2(apiId, name, region, protocolType, apiEndpoint, disableExecuteApiEndpoint, routes,
                    integrations, authorizers, stages);
        }
    }
}
