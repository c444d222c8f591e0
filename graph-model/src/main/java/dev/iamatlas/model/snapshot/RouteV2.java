package dev.iamatlas.model.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A route of an HTTP or WebSocket API (API Gateway v2).
 *
 * @param routeId the route id
 * @param routeKey such as {@code GET /orders/{id}}, {@code ANY /{proxy+}}, {@code $default} or {@code $connect}
 * @param authorizationType NONE, AWS_IAM, JWT or CUSTOM (kept as AWS wrote it)
 * @param authorizerId the authorizer for JWT and CUSTOM, or null
 * @param apiKeyRequired whether an API key is required (WebSocket APIs only)
 * @param authorizationScopes scopes required by a JWT authorizer
 * @param target {@code integrations/INTEGRATION_ID}, or null when the route has no integration
 */
public record RouteV2(
        String routeId,
        String routeKey,
        String authorizationType,
        String authorizerId,
        boolean apiKeyRequired,
        List<String> authorizationScopes,
        String target) {

    public RouteV2 {
        Objects.requireNonNull(routeId, "routeId");
        Objects.requireNonNull(routeKey, "routeKey");
        authorizationScopes = Copies.list(authorizationScopes);
    }
}
