package dev.iamatlas.model.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * An authorizer of a REST API. A Lambda authorizer (TOKEN or REQUEST) is itself an invocation of a function and
 * needs the same invoke permission as an integration.
 *
 * @param id the authorizer id
 * @param name the authorizer name
 * @param type TOKEN, REQUEST or COGNITO_USER_POOLS (kept as AWS wrote it)
 * @param authorizerUri for Lambda authorizers, the function's invocation URI (as for integrations), or null
 * @param authorizerCredentials the role API Gateway assumes to invoke the authorizer, or null
 * @param providerArns for Cognito, the user pool ARNs
 * @param identitySource where the identity comes from, such as {@code method.request.header.Authorization}
 */
public record RestAuthorizer(
        String id,
        String name,
        String type,
        String authorizerUri,
        String authorizerCredentials,
        List<String> providerArns,
        String identitySource) {

    public RestAuthorizer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        providerArns = Copies.list(providerArns);
    }
}
