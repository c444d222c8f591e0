package dev.iamatlas.model.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An API Gateway REST API (v1): its resource policy, endpoint configuration, resources with methods and
 * integrations, stages and authorizers.
 *
 * @param id the API id, which appears in execute-api ARNs
 * @param name the API name
 * @param region the region
 * @param endpointTypes EDGE, REGIONAL or PRIVATE (kept as AWS wrote it)
 * @param vpcEndpointIds for private APIs, the VPC endpoints associated with the API
 * @param policy the API's resource policy ({@code execute-api:Invoke}), decoded, or null when it has none
 * @param apiKeySource HEADER or AUTHORIZER, or null
 * @param disableExecuteApiEndpoint whether the default {@code execute-api} endpoint is switched off
 * @param resources every resource (path) with its methods
 * @param stages the deployed stages
 * @param authorizers the authorizers
 */
public record RestApi(
        String id,
        String name,
        String region,
        List<String> endpointTypes,
        List<String> vpcEndpointIds,
        PolicyText policy,
        String apiKeySource,
        boolean disableExecuteApiEndpoint,
        List<RestResource> resources,
        List<RestStage> stages,
        List<RestAuthorizer> authorizers) {

    public RestApi {
        Objects.requireNonNull(id, "id");
        endpointTypes = Copies.list(endpointTypes);
        vpcEndpointIds = Copies.list(vpcEndpointIds);
        resources = Copies.list(resources);
        stages = Copies.list(stages);
        authorizers = Copies.list(authorizers);
    }

    /** True when the API is reachable only through VPC endpoints. */
    @JsonIgnore
    public boolean privateEndpoint() {
        return endpointTypes.contains("PRIVATE");
    }

    public static Builder builder(String id, String name, String region) {
        return new Builder(id, name, region);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, name, region).policy(policy).apiKeySource(apiKeySource)
                .disableExecuteApiEndpoint(disableExecuteApiEndpoint);
        b.endpointTypes.addAll(endpointTypes);
        b.vpcEndpointIds.addAll(vpcEndpointIds);
        b.resources.addAll(resources);
        b.stages.addAll(stages);
        b.authorizers.addAll(authorizers);
        return b;
    }

    /** Builds a {@link RestApi}. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final String region;
        private final List<String> endpointTypes = new ArrayList<>();
        private final List<String> vpcEndpointIds = new ArrayList<>();
        private PolicyText policy;
        private String apiKeySource;
        private boolean disableExecuteApiEndpoint;
        private final List<RestResource> resources = new ArrayList<>();
        private final List<RestStage> stages = new ArrayList<>();
        private final List<RestAuthorizer> authorizers = new ArrayList<>();

        private Builder(String id, String name, String region) {
            this.id = id;
            this.name = name;
            this.region = region;
        }

        public Builder endpointType(String value) {
            endpointTypes.add(value);
            return this;
        }

        public Builder vpcEndpointId(String value) {
            vpcEndpointIds.add(value);
            return this;
        }

        public Builder policy(PolicyText value) {
            this.policy = value;
            return this;
        }

        public Builder apiKeySource(String value) {
            this.apiKeySource = value;
            return this;
        }

        public Builder disableExecuteApiEndpoint(boolean value) {
            this.disableExecuteApiEndpoint = value;
            return this;
        }

        public Builder resource(RestResource value) {
            resources.add(value);
            return this;
        }

        public Builder resources(List<RestResource> values) {
            resources.clear();
            resources.addAll(values);
            return this;
        }

        public Builder stage(RestStage value) {
            stages.add(value);
            return this;
        }

        public Builder stages(List<RestStage> values) {
            stages.clear();
            stages.addAll(values);
            return this;
        }

        public Builder authorizer(RestAuthorizer value) {
            authorizers.add(value);
            return this;
        }

        public Builder authorizers(List<RestAuthorizer> values) {
            authorizers.clear();
            authorizers.addAll(values);
            return this;
        }

        public RestApi build() {
            return new RestApi(id, name, region, endpointTypes, vpcEndpointIds, policy, apiKeySource,
                    disableExecuteApiEndpoint, resources, stages, authorizers);
        }
    }
}
