package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.AuthorizerV2;
import dev.iamatlas.model.snapshot.IntegrationV2;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RestStage;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.snapshot.StageV2;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The callable routes of an API, one per stage and method (REST) or stage and route (HTTP, WebSocket), with the
 * {@code execute-api} ARN API Gateway uses for each: as the resource of {@code execute-api:Invoke} and as the
 * {@code aws:SourceArn} it sends when it invokes a Lambda function.
 *
 * <ul>
 *   <li>REST: {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH}, PATH without its leading slash
 *       (the root resource {@code /} gives {@code .../GET/});</li>
 *   <li>HTTP: {@code .../API_ID/STAGE/METHOD/PATH} for route key {@code METHOD /PATH}, {@code .../API_ID/STAGE/$default}
 *       for the default route;</li>
 *   <li>WebSocket: {@code .../API_ID/STAGE/ROUTE_KEY} ({@code $connect}, {@code sendMessage});</li>
 *   <li>authorizers: {@code .../API_ID/authorizers/AUTHORIZER_ID}.</li>
 * </ul>
 * An {@code ANY} method or route is called with a concrete HTTP method, which is what the {@code execute-api:Invoke}
 * resource carries: {@link Route#arnsByMethod()} lists one ARN per method that {@code ANY} stands for. The
 * {@code aws:SourceArn} API Gateway sends to Lambda for a REST {@code ANY} method keeps {@code ANY}, as configured
 * (the Lambda guide lists {@code mnh1xmpli7/prod/ANY/user}, "ANY method on the user resource"; execution logs show
 * {@code X-Amz-Source-Arn=.../Test/ANY/{resource+}} for a GET): {@link Route#lambdaSourceArns()}. For HTTP API
 * {@code ANY} routes AWS documents no format, so one ARN per method is kept there. When the function is in another
 * region than the API, the source ARN carries the function's region ({@link #inRegion}).
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html">API Gateway ARN reference</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: resource-based policy for API Gateway</a>
 */
public final class ApiRoutes {
    /** The HTTP methods an {@code ANY} method or route stands for. */
    public static final List<String> ANY_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private ApiRoutes() {
    }

    /** The Lambda-relevant part of an integration. */
    public record Integration(String type, String uri, String credentials) {
    }

    /**
     * One callable route in one stage.
     *
     * @param apiId the API id
     * @param v2 true for HTTP and WebSocket APIs
     * @param protocol REST, HTTP or WEBSOCKET
     * @param region the API's region
     * @param stage the stage name
     * @param method the HTTP method ({@code ANY} included), or null for WebSocket and {@code $default} routes
     * @param path the resource path ({@code /orders}), or null for WebSocket and {@code $default} routes
     * @param routeKey the v2 route key, or null for REST
     * @param arn the route's execute-api ARN (with {@code ANY} as written)
     * @param authorizationType NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT
     * @param authorizerId the authorizer id, or null
     * @param apiKeyRequired whether an API key is required
     * @param endpointType EDGE, REGIONAL or PRIVATE
     * @param integration the integration, or null
     * @param stageVariables the stage's variables
     */
    public record Route(String apiId, boolean v2, String protocol, String region, String stage, String method,
            String path, String routeKey, String arn, String authorizationType, String authorizerId,
            boolean apiKeyRequired, String endpointType, Integration integration, Map<String, String> stageVariables,
            Map<String, String> arnsByMethod) {

        /**
         * The {@code aws:SourceArn} values API Gateway sends when it invokes Lambda for this route, by method: the
         * route's own ARN for REST ({@code ANY} included, as configured), one per method of an HTTP API {@code ANY}
         * route (no AWS documentation says otherwise). In the API's region; see {@link ApiRoutes#inRegion}.
         *
         * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: resource-based policy for API Gateway</a>
         */
        public Map<String, String> lambdaSourceArns() {
            return v2 ? arnsByMethod : Map.of(method, arn);
        }

        /** Whether the path has {@code {id}} or {@code {proxy+}} templates: requests carry other paths. */
        public boolean templated() {
            return path != null && path.indexOf('{') >= 0;
        }

        /** {@code GET /orders}, {@code $default}, {@code $connect}. */
        public String displayName() {
            if (!v2) {
                return method + " " + path;
            }
            return routeKey;
        }
    }

    /** An authorizer of an API. */
    public record Authorizer(String apiId, String id, String name, String type, String uri, String credentials,
            String arn, String identitySource) {
        /** Whether it is a Lambda authorizer (a function invocation). */
        public boolean lambda() {
            return uri != null && !uri.isEmpty();
        }
    }

    /**
     * The execute-api ARN with its region replaced: "If your function and API are in different regions, the region
     * identifier in the source ARN must match the region of the function, not the region of the API" (Lambda guide,
     * services-apigateway, Permissions). Null region or a non-ARN leaves it as is.
     *
     * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: resource-based policy for API Gateway</a>
     */
    public static String inRegion(String executeApiArn, String region) {
        String[] p = executeApiArn.split(":", 6);
        if (region == null || region.isEmpty() || p.length != 6 || p[3].equals(region)) {
            return executeApiArn;
        }
        return p[0] + ":" + p[1] + ":" + p[2] + ":" + region + ":" + p[4] + ":" + p[5];
    }

    /** {@link #inRegion} for every value, keys kept in order. */
    public static Map<String, String> inRegion(Map<String, String> executeApiArns, String region) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        executeApiArns.forEach((k, v) -> out.put(k, inRegion(v, region)));
        return out;
    }

    /** The endpoint type of a REST API: PRIVATE when private, else EDGE or REGIONAL as configured (EDGE by default). */
    public static String endpointType(RestApi api) {
        if (api.privateEndpoint()) {
            return "PRIVATE";
        }
        return api.endpointTypes().isEmpty() ? "EDGE" : api.endpointTypes().get(0);
    }

    /** Every route of a REST API: stages × resources × methods. Linear in their product. */
    public static List<Route> of(RestApi api, String partition, String account) {
        List<Route> out = new ArrayList<>();
        String endpoint = endpointType(api);
        for (RestStage stage : api.stages()) {
            for (RestResource resource : api.resources()) {
                for (RestMethod m : resource.methods()) {
                    String method = m.httpMethod().toUpperCase(Locale.ROOT);
                    String arn = NodeIds.restRoute(partition, api.region(), account, api.id(), stage.name(), method,
                            resource.path());
                    Integration integration = m.integration() == null ? null
                            : new Integration(m.integration().type(), m.integration().uri(), m.integration().credentials());
                    out.add(new Route(api.id(), false, "REST", api.region(), stage.name(), method, resource.path(), null,
                            arn, m.authorizationType().toUpperCase(Locale.ROOT), m.authorizerId(), m.apiKeyRequired(),
                            endpoint, integration, stage.variables(),
                            byMethod(method, partition, api.region(), account, api.id(), stage.name(), resource.path())));
                }
            }
        }
        return out;
    }

    private static Map<String, String> byMethod(String method, String partition, String region, String account,
            String apiId, String stage, String path) {
        if (!method.equals("ANY")) {
            return Map.of(method, NodeIds.restRoute(partition, region, account, apiId, stage, method, path));
        }
        java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
        for (String m : ANY_METHODS) {
            out.put(m, NodeIds.restRoute(partition, region, account, apiId, stage, m, path));
        }
        return out;
    }

    /** Every route of an HTTP or WebSocket API: stages × routes. Linear in their product. */
    public static List<Route> of(ApiV2 api, String partition, String account) {
        List<Route> out = new ArrayList<>();
        boolean websocket = "WEBSOCKET".equalsIgnoreCase(api.protocolType());
        RouteV2 connect = null;
        for (RouteV2 r : api.routes()) {
            if (r.routeKey().equals("$connect")) {
                connect = r;
            }
        }
        for (StageV2 stage : api.stages()) {
            for (RouteV2 r : api.routes()) {
                String key = r.routeKey();
                String method = null;
                String path = null;
                int space = key.indexOf(' ');
                if (!websocket && space > 0) {
                    method = key.substring(0, space).toUpperCase(Locale.ROOT);
                    path = key.substring(space + 1);
                }
                String arn = NodeIds.v2Route(partition, api.region(), account, api.apiId(), stage.stageName(), key);
                Integration integration = null;
                if (r.target() != null && r.target().startsWith("integrations/")) {
                    String id = r.target().substring("integrations/".length());
                    for (IntegrationV2 i : api.integrations()) {
                        if (i.integrationId().equals(id)) {
                            integration = new Integration(i.integrationType(), i.integrationUri(), i.credentialsArn());
                        }
                    }
                }
                // WebSocket APIs authorize on $connect only; every other route is called over the connection.
                RouteV2 auth = websocket && connect != null ? connect : r;
                Map<String, String> byMethod;
                if ("ANY".equals(method)) {
                    java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
                    for (String each : ANY_METHODS) {
                        m.put(each, NodeIds.v2Route(partition, api.region(), account, api.apiId(), stage.stageName(),
                                each + " " + path));
                    }
                    byMethod = m;
                } else {
                    byMethod = Map.of(method == null ? "" : method, arn);
                }
                out.add(new Route(api.apiId(), true, websocket ? "WEBSOCKET" : "HTTP", api.region(), stage.stageName(),
                        method, path, key, arn, auth.authorizationType().toUpperCase(Locale.ROOT), auth.authorizerId(),
                        r.apiKeyRequired(), "REGIONAL", integration, stage.stageVariables(), byMethod));
            }
        }
        return out;
    }

    /** Every authorizer of a REST API. */
    public static List<Authorizer> authorizers(RestApi api, String partition, String account) {
        List<Authorizer> out = new ArrayList<>();
        for (RestAuthorizer a : api.authorizers()) {
            out.add(new Authorizer(api.id(), a.id(), a.name(), a.type(), a.authorizerUri(), a.authorizerCredentials(),
                    NodeIds.authorizer(partition, api.region(), account, api.id(), a.id()), a.identitySource()));
        }
        return out;
    }

    /** Every authorizer of an HTTP or WebSocket API. */
    public static List<Authorizer> authorizers(ApiV2 api, String partition, String account) {
        List<Authorizer> out = new ArrayList<>();
        for (AuthorizerV2 a : api.authorizers()) {
            out.add(new Authorizer(api.apiId(), a.authorizerId(), a.name(), a.authorizerType(), a.authorizerUri(),
                    a.authorizerCredentialsArn(), NodeIds.authorizer(partition, api.region(), account, api.apiId(),
                            a.authorizerId()),
                    String.join(",", a.identitySource())));
        }
        return out;
    }

    /** The stage variables of each stage of a REST API, by stage name. */
    public static Map<String, Map<String, String>> stageVariables(RestApi api) {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (RestStage s : api.stages()) {
            out.put(s.name(), s.variables());
        }
        return out;
    }

    /** The stage variables of each stage of a v2 API, by stage name. */
    public static Map<String, Map<String, String>> stageVariables(ApiV2 api) {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (StageV2 s : api.stages()) {
            out.put(s.stageName(), s.stageVariables());
        }
        return out;
    }
}
