package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RouteV2;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Changes how a route is authorized: a REST method ({@code aws apigateway update-method ... /authorizationType})
 * or an HTTP/WebSocket route ({@code aws apigatewayv2 update-route --authorization-type}).
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html">Control and manage access to REST APIs</a>
 */
public final class SetRouteAuthorization implements SnapshotEdit {
    private final String apiId;
    private final boolean v2;
    private final String path;
    private final String method;
    private final String routeKey;
    private final String authorizationType;
    private final String authorizerId;
    private Object before;

    private SetRouteAuthorization(String apiId, boolean v2, String path, String method, String routeKey,
            String authorizationType, String authorizerId) {
        this.apiId = Objects.requireNonNull(apiId, "apiId");
        this.v2 = v2;
        this.path = path;
        this.method = method;
        this.routeKey = routeKey;
        this.authorizationType = Objects.requireNonNull(authorizationType, "authorizationType");
        this.authorizerId = authorizerId;
    }

    /** A REST method, by resource path and HTTP method. */
    public static SetRouteAuthorization rest(String apiId, String path, String httpMethod, String authorizationType,
            String authorizerId) {
        return new SetRouteAuthorization(apiId, false, Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(httpMethod, "httpMethod"), null, authorizationType, authorizerId);
    }

    /** An HTTP or WebSocket route, by route key. */
    public static SetRouteAuthorization http(String apiId, String routeKey, String authorizationType, String authorizerId) {
        return new SetRouteAuthorization(apiId, true, null, null, Objects.requireNonNull(routeKey, "routeKey"),
                authorizationType, authorizerId);
    }

    @Override
    public String description() {
        return "set authorization of " + (v2 ? routeKey : method + " " + path) + " in API " + apiId + " to "
                + authorizationType + (authorizerId == null ? "" : " (" + authorizerId + ")");
    }

    @Override
    public AccountSnapshot execute(AccountSnapshot snapshot) {
        if (v2) {
            ApiV2 api = Entities.apiV2(snapshot, apiId);
            List<RouteV2> routes = new ArrayList<>();
            boolean found = false;
            for (RouteV2 r : api.routes()) {
                if (r.routeKey().equals(routeKey)) {
                    found = true;
                    routes.add(new RouteV2(r.routeId(), r.routeKey(), authorizationType, authorizerId, r.apiKeyRequired(),
                            r.authorizationScopes(), r.target()));
                } else {
                    routes.add(r);
                }
            }
            if (!found) {
                throw new IllegalArgumentException("API " + apiId + " has no route " + routeKey);
            }
            before = api;
            return Entities.replace(snapshot, api.toBuilder().routes(routes).build());
        }
        RestApi api = Entities.restApi(snapshot, apiId);
        List<RestResource> resources = new ArrayList<>();
        boolean found = false;
        for (RestResource r : api.resources()) {
            if (!r.path().equals(path)) {
                resources.add(r);
                continue;
            }
            List<RestMethod> methods = new ArrayList<>();
            for (RestMethod m : r.methods()) {
                if (m.httpMethod().equalsIgnoreCase(method)) {
                    found = true;
                    methods.add(new RestMethod(m.httpMethod(), authorizationType, authorizerId, m.apiKeyRequired(),
                            m.authorizationScopes(), m.integration()));
                } else {
                    methods.add(m);
                }
            }
            resources.add(new RestResource(r.id(), r.parentId(), r.path(), methods));
        }
        if (!found) {
            throw new IllegalArgumentException("REST API " + apiId + " has no method " + method + " " + path);
        }
        before = api;
        return Entities.replace(snapshot, api.toBuilder().resources(resources).build());
    }

    @Override
    public AccountSnapshot undo(AccountSnapshot snapshot) {
        if (before == null) {
            throw new IllegalStateException("undo before execute: " + description());
        }
        return before instanceof ApiV2 ? Entities.replace(snapshot, (ApiV2) before)
                : Entities.replace(snapshot, (RestApi) before);
    }

    @Override
    public String toString() {
        return description();
    }
}
