package dev.iamatlas.model.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One HTTP method on a REST API resource, with how callers are authorized and what it integrates with.
 *
 * @param httpMethod GET, POST, ..., or ANY
 * @param authorizationType NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS (kept as AWS wrote it)
 * @param authorizerId the authorizer, for CUSTOM and COGNITO_USER_POOLS, or null
 * @param apiKeyRequired whether callers must send an API key
 * @param authorizationScopes OAuth scopes required with a Cognito authorizer
 * @param integration the integration, or null when none is configured
 */
public record RestMethod(
        String httpMethod,
        String authorizationType,
        String authorizerId,
        boolean apiKeyRequired,
        List<String> authorizationScopes,
        RestIntegration integration) {

    public RestMethod {
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(authorizationType, "authorizationType");
        authorizationScopes = Copies.list(authorizationScopes);
    }
}
