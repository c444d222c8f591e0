package dev.iamatlas.app.scan;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestIntegration;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RestStage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.GetAuthorizersResponse;
import software.amazon.awssdk.services.apigateway.model.GetResourcesResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.Stage;

/**
 * Reads API Gateway REST APIs (v1) in one region: {@code GetRestApis} (500 a page, with each API's resource policy,
 * which arrives JSON-escaped), then per API {@code GetResources} with {@code embed=methods} (methods and their
 * integrations come inside each resource, so no call per method), {@code GetStages} and {@code GetAuthorizers}.
 * {@code GetResources} has its own quota (5 requests every 2 seconds) and lane.
 *
 * <p>An endpoint that does not embed methods (a method without its authorization type) is asked {@code GetMethod}
 * for each such method. An API deleted between the list and its detail calls (404) is dropped.
 */
final class RestApiCollector {
    static final String SERVICE = "apigateway";
    private static final String MANAGEMENT = "management";
    private static final String RESOURCES = "GetResources";

    private final ScanContext ctx;
    private final ApiGatewayClient apigateway;
    private final String region;
    private final Map<String, ApiState> apis = Collections.synchronizedMap(new LinkedHashMap<>());

    RestApiCollector(ScanContext ctx, ApiGatewayClient apigateway, String region) {
        this.ctx = ctx;
        this.apigateway = apigateway;
        this.region = region;
    }

    void start() {
        ctx.progress.register(SERVICE, region);
        ctx.submit(SERVICE, region, MANAGEMENT, () -> listApis(null, 1));
    }

    private void listApis(String position, int page) {
        var result = ctx.call(SERVICE, region, "GetRestApis", position == null ? null : "page " + page,
                () -> apigateway.getRestApis(r -> r.limit(500).position(position)));
        if (!result.ok()) {
            return;
        }
        GetRestApisResponse response = result.value();
        response.items().forEach(api -> {
            RestApi.Builder builder = RestApi.builder(api.id(), api.name(), region)
                    .policy(api.policy() == null || api.policy().isBlank() ? null : PolicyText.of(api.policy()))
                    .apiKeySource(api.apiKeySourceAsString())
                    .disableExecuteApiEndpoint(Boolean.TRUE.equals(api.disableExecuteApiEndpoint()));
            if (api.endpointConfiguration() != null) {
                api.endpointConfiguration().typesAsStrings().forEach(builder::endpointType);
                api.endpointConfiguration().vpcEndpointIds().forEach(builder::vpcEndpointId);
            }
            ApiState state = new ApiState(api.id(), builder);
            apis.put(api.id(), state);
            ctx.progress.found(SERVICE, region, 1);
            ctx.submit(SERVICE, region, RESOURCES, () -> resources(state, null));
            ctx.submit(SERVICE, region, MANAGEMENT, () -> stages(state));
            ctx.submit(SERVICE, region, MANAGEMENT, () -> authorizers(state, null));
        });
        if (response.position() != null && !response.position().isEmpty()) {
            ctx.submit(SERVICE, region, MANAGEMENT, () -> listApis(response.position(), page + 1));
        }
    }

    private void resources(ApiState api, String position) {
        var result = ctx.call(SERVICE, region, "GetResources", api.id,
                () -> apigateway.getResources(r -> r.restApiId(api.id).embed("methods").limit(500).position(position)));
        if (result.outcome() == ScanContext.Outcome.NOT_FOUND) {
            api.deleted = true;
            return;
        }
        if (!result.ok()) {
            return;
        }
        GetResourcesResponse response = result.value();
        for (Resource resource : response.items()) {
            List<RestMethod> methods = new ArrayList<>();
            resource.resourceMethods().forEach((verb, method) -> {
                RestMethod m = method(api, resource, verb, method);
                if (m != null) {
                    methods.add(m);
                }
            });
            synchronized (api) {
                api.resources.add(new RestResource(resource.id(), resource.parentId(),
                        resource.path() == null ? "/" : resource.path(), methods));
            }
        }
        if (response.position() != null && !response.position().isEmpty()) {
            ctx.submit(SERVICE, region, RESOURCES, () -> resources(api, response.position()));
        }
    }

    private RestMethod method(ApiState api, Resource resource, String verb, Method embedded) {
        Method method = embedded;
        if (method == null || method.authorizationType() == null) {
            var fetched = ctx.call(SERVICE, region, "GetMethod", api.id + " " + verb + " " + resource.path(),
                    () -> apigateway.getMethod(r -> r.restApiId(api.id).resourceId(resource.id()).httpMethod(verb)));
            if (!fetched.ok()) {
                return null;
            }
            var m = fetched.value();
            method = Method.builder().httpMethod(m.httpMethod()).authorizationType(m.authorizationType())
                    .authorizerId(m.authorizerId()).apiKeyRequired(m.apiKeyRequired())
                    .authorizationScopes(m.authorizationScopes()).methodIntegration(m.methodIntegration()).build();
        }
        Integration integration = method.methodIntegration();
        RestIntegration restIntegration = integration == null || integration.typeAsString() == null ? null
                : new RestIntegration(integration.typeAsString(), integration.uri(), integration.httpMethod(),
                        integration.credentials());
        return new RestMethod(method.httpMethod() != null ? method.httpMethod() : verb, method.authorizationType(),
                method.authorizerId(), Boolean.TRUE.equals(method.apiKeyRequired()), method.authorizationScopes(),
                restIntegration);
    }

    private void stages(ApiState api) {
        var result = ctx.call(SERVICE, region, "GetStages", api.id, () -> apigateway.getStages(r -> r.restApiId(api.id)));
        if (result.outcome() == ScanContext.Outcome.NOT_FOUND) {
            api.deleted = true;
            return;
        }
        if (!result.ok()) {
            return;
        }
        for (Stage stage : result.value().item()) {
            synchronized (api) {
                api.stages.add(new RestStage(stage.stageName(), stage.deploymentId(), stage.variables(),
                        stage.webAclArn()));
            }
        }
    }

    private void authorizers(ApiState api, String position) {
        var result = ctx.call(SERVICE, region, "GetAuthorizers", api.id,
                () -> apigateway.getAuthorizers(r -> r.restApiId(api.id).limit(500).position(position)));
        if (result.outcome() == ScanContext.Outcome.NOT_FOUND) {
            api.deleted = true;
            return;
        }
        if (!result.ok()) {
            return;
        }
        GetAuthorizersResponse response = result.value();
        for (Authorizer a : response.items()) {
            synchronized (api) {
                api.authorizers.add(new RestAuthorizer(a.id(), a.name(), a.typeAsString(), a.authorizerUri(),
                        a.authorizerCredentials(), a.providerARNs(), a.identitySource()));
            }
        }
        if (response.position() != null && !response.position().isEmpty()) {
            ctx.submit(SERVICE, region, MANAGEMENT, () -> authorizers(api, response.position()));
        }
    }

    /** Adds the region's REST APIs, in the order API Gateway listed them. */
    void contributeTo(AccountSnapshot.Builder snapshot) {
        List<ApiState> states;
        synchronized (apis) {
            states = new ArrayList<>(apis.values());
        }
        for (ApiState state : states) {
            if (!state.deleted) {
                synchronized (state) {
                    snapshot.restApi(state.builder.resources(state.resources).stages(state.stages)
                            .authorizers(state.authorizers).build());
                }
            }
        }
    }

    private static final class ApiState {
        final String id;
        final RestApi.Builder builder;
        final List<RestResource> resources = new ArrayList<>();
        final List<RestStage> stages = new ArrayList<>();
        final List<RestAuthorizer> authorizers = new ArrayList<>();
        volatile boolean deleted;

        ApiState(String id, RestApi.Builder builder) {
            this.id = id;
            this.builder = builder;
        }
    }
}
