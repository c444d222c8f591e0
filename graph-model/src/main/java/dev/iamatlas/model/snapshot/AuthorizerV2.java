package dev.iamatlas.model.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * An authorizer of an HTTP or WebSocket API: JWT (issuer and audiences) or a Lambda (REQUEST) authorizer, which
 * is itself an invocation of a function.
 *
 * @param authorizerId the authorizer id
 * @param name the authorizer name
 * @param authorizerType JWT or REQUEST (kept as AWS wrote it)
 * @param authorizerUri for Lambda authorizers, the function's invocation URI, or null
 * @param authorizerCredentialsArn the role API Gateway assumes to invoke the authorizer, or null
 * @param identitySource where the identity comes from, such as {@code $request.header.Authorization}
 * @param jwtIssuer the JWT issuer, or null
 * @param jwtAudience the accepted JWT audiences
 */
public record AuthorizerV2(
        String authorizerId,
        String name,
        String authorizerType,
        String authorizerUri,
        String authorizerCredentialsArn,
        List<String> identitySource,
        String jwtIssuer,
        List<String> jwtAudience) {

    public AuthorizerV2 {
        Objects.requireNonNull(authorizerId, "authorizerId");
        Objects.requireNonNull(authorizerType, "authorizerType");
        identitySource = Copies.list(identitySource);
        jwtAudience = Copies.list(jwtAudience);
    }
}
