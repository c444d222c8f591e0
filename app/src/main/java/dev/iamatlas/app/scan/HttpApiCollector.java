package dev.iamatlas.app.scan;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.AuthorizerV2;
import dev.iamatlas.model.snapshot.IntegrationV2;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.snapshot.StageV2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * Reads API Gateway HTTP and WebSocket APIs (v2) in one region: {@code GetApis}, then per API {@code GetRoutes},
 * {@code GetIntegrations}, {@code GetAuthorizers} and {@code GetStages}, every one paged with {@code NextToken}.
 * They share API Gateway's management quota with REST APIs. An API deleted meanwhile (404) is dropped.
 */
final class HttpApiCollector {
    static final String SERVICE = "apigatewayv2";
    private static final String MANAGEMENT = "management";

    private final ScanContext ctx;
    private final ApiGatewayV2Client apigateway;
    private final String region;
    private final Map<String, ApiState> apis = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Set when GetAuthorizers failed for a reason other than access: use GetAuthorizer per route instead. */
    private volatile boolean authorizerListBroken;

    HttpApiCollector(ScanContext ctx, ApiGatewayV2Client apigateway, String region) {
        this.ctx = ctx;
        this.apigateway = apigateway;
        this.region = region;
    }

    void start() {
        ctx.progress.register(SERVICE, region);
        ctx.submit(SERVICE, region, MANAGEMENT, () -> listApis(null, 1));
    }

    private void listApis(String token, int page) {
        var result = ctx.call(SERVICE, region, "GetApis", token == null ? null : "page " + page,
                () -> apigateway.getApis(r -> r.nextToken(token)));
        if (!result.ok()) {
            return;
        }
        result.value().items().forEach(api -> {
            ApiState state = new ApiState(api.apiId(), ApiV2.builder(api.apiId(), api.name(), region,
                    api.protocolTypeAsString()).apiEndpoint(api.apiEndpoint())
                    .disableExecuteApiEndpoint(Boolean.TRUE.equals(api.disableExecuteApiEndpoint())));
            apis.put(api.apiId(), state);
            ctx.progress.found(SERVICE, region, 1);
            ctx.submit(SERVICE, region, MANAGEMENT, () -> routes(state, null));
            ctx.submit(SERVICE, region, MANAGEMENT, () -> integrations(state, null));
            ctx.submit(SERVICE, region, MANAGEMENT, () -> stages(state, null));
        });
        String next = result.value().nextToken();
        if (next != null && !next.isEmpty()) {
            ctx.submit(SERVICE, region, MANAGEMENT, () -> listApis(next, page + 1));
        }
    }

    /** Routes first, then authorizers, so that the authorizers the routes use are known for the fallback. */
    private void routes(ApiState api, String token) {
        boolean more = page(api, "GetRoutes", token, t -> apigateway.getRoutes(r -> r.apiId(api.id).nextToken(t)),
                response -> response.items().forEach(route -> api.add(api.routes, new RouteV2(route.routeId(),
                        route.routeKey(), route.authorizationTypeAsString(), route.authorizerId(),
                        Boolean.TRUE.equals(route.apiKeyRequired()), route.authorizationScopes(), route.target()))),
                response -> response.nextToken(), next -> routes(api, next));
        if (!more && !api.deleted) {
            ctx.submit(SERVICE, region, MANAGEMENT, () -> authorizers(api));
        }
    }

    /**
     * {@code GetAuthorizers}, paged. Where it fails for another reason than access (some AWS-compatible servers
     * lack it and answer 500), the authorizers the routes name are read one by one with {@code GetAuthorizer}:
     * an authorizer no route uses cannot change who reaches what. Once that happened in a region, later APIs there
     * go straight to the fallback.
     */
    private void authorizers(ApiState api) {
        if (!authorizerListBroken) {
            String token = null;
            do {
                String pageToken = token;
                var result = ctx.tryCall(SERVICE, region, "GetAuthorizers", api.id,
                        () -> apigateway.getAuthorizers(r -> r.apiId(api.id).nextToken(pageToken)));
                if (result.outcome() == ScanContext.Outcome.CANCELLED) {
                    return;
                }
                if (result.outcome() == ScanContext.Outcome.NOT_FOUND) {
                    api.deleted = true;
                    return;
                }
                if (!result.ok()) {
                    if (AwsErrors.isAccessDenied(result.error()) || AwsErrors.isRegionNotEnabled(result.error())) {
                        ctx.gapFor(SERVICE, region, "GetAuthorizers", api.id, result.error());
                        return;
                    }
                    authorizerListBroken = true;
                    api.clear(api.authorizers);
                    break;
                }
                result.value().items().forEach(a -> api.add(api.authorizers, authorizer(a.authorizerId(), a.name(),
                        a.authorizerTypeAsString(), a.authorizerUri(), a.authorizerCredentialsArn(),
                        a.identitySource(), a.jwtConfiguration())));
                token = result.value().nextToken();
                if (token == null || token.isEmpty()) {
                    return;
                }
            } while (true);
        }
        List<String> ids;
        synchronized (api) {
            ids = api.routes.stream().map(RouteV2::authorizerId).filter(id -> id != null && !id.isEmpty())
                    .distinct().toList();
        }
        for (String id : ids) {
            var result = ctx.call(SERVICE, region, "GetAuthorizer", api.id + " " + id,
                    () -> apigateway.getAuthorizer(r -> r.apiId(api.id).authorizerId(id)));
            if (result.ok()) {
                var a = result.value();
                api.add(api.authorizers, authorizer(a.authorizerId(), a.name(), a.authorizerTypeAsString(),
                        a.authorizerUri(), a.authorizerCredentialsArn(), a.identitySource(), a.jwtConfiguration()));
            } else if (result.outcome() == ScanContext.Outcome.NOT_FOUND) {
                ctx.gapFor(SERVICE, region, "GetAuthorizer", api.id + " " + id, result.error());
            }
        }
    }

    private static AuthorizerV2 authorizer(String id, String name, String type, String uri, String credentials,
            List<String> identitySource, software.amazon.awssdk.services.apigatewayv2.model.JWTConfiguration jwt) {
        return new AuthorizerV2(id, name, type, uri, credentials, identitySource,
                jwt == null ? null : jwt.issuer(), jwt == null ? null : jwt.audience());
    }

    private void integrations(ApiState api, String token) {
        page(api, "GetIntegrations", token, t -> apigateway.getIntegrations(r -> r.apiId(api.id).nextToken(t)),
                response -> response.items().forEach(i -> api.add(api.integrations, new IntegrationV2(
                        i.integrationId(), i.integrationTypeAsString(), i.integrationUri(), i.credentialsArn(),
                        i.payloadFormatVersion()))),
                response -> response.nextToken(), next -> integrations(api, next));
    }

    private void stages(ApiState api, String token) {
        page(api, "GetStages", token, t -> apigateway.getStages(r -> r.apiId(api.id).nextToken(t)),
                response -> response.items().forEach(s -> api.add(api.stages, new StageV2(s.stageName(),
                        s.deploymentId(), Boolean.TRUE.equals(s.autoDeploy()), s.stageVariables()))),
                response -> response.nextToken(), next -> stages(api, next));
    }

    /** One page of a per-API listing: keep its items, queue the next page; true when a next page was queued. */
    private <R> boolean page(ApiState api, String operation, String token, Function<String, R> call, Consumer<R> keep,
            Function<R, String> nextToken, Consumer<String> nextPage) {
        var result = ctx.call(SERVICE, region, operation, api.id, () -> call.apply(token));
        if (result.outcome() == ScanContext.Outcome.NOT_FOUND) {
            api.deleted = true;
            return false;
        }
        if (!result.ok()) {
            return false;
        }
        keep.accept(result.value());
        String next = nextToken.apply(result.value());
        if (next != null && !next.isEmpty()) {
            ctx.submit(SERVICE, region, MANAGEMENT, () -> nextPage.accept(next));
            return true;
        }
        return false;
    }

    /** Adds the region's HTTP and WebSocket APIs, in the order API Gateway listed them. */
    void contributeTo(AccountSnapshot.Builder snapshot) {
        List<ApiState> states;
        synchronized (apis) {
            states = new ArrayList<>(apis.values());
        }
        for (ApiState state : states) {
            if (!state.deleted) {
                synchronized (state) {
                    snapshot.apiV2(state.builder.routes(state.routes).integrations(state.integrations)
                            .authorizers(state.authorizers).stages(state.stages).build());
                }
            }
        }
    }

    private static final class ApiState {
        final String id;
        final ApiV2.Builder builder;
        final List<RouteV2> routes = new ArrayList<>();
        final List<IntegrationV2> integrations = new ArrayList<>();
        final List<AuthorizerV2> authorizers = new ArrayList<>();
        final List<StageV2> stages = new ArrayList<>();
        volatile boolean deleted;

        ApiState(String id, ApiV2.Builder builder) {
            this.id = id;
            this.builder = builder;
        }

        synchronized <T> void add(List<T> list, T item) {
            list.add(item);
        }

        synchronized void clear(List<?> list) {
            list.clear();
        }
    }
}
