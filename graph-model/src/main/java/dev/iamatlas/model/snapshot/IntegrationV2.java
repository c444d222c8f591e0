package dev.iamatlas.model.snapshot;

import java.util.Objects;

/**
 * An integration of an HTTP or WebSocket API (API Gateway v2).
 *
 * @param integrationId the integration id
 * @param integrationType AWS_PROXY, AWS, HTTP_PROXY, HTTP or MOCK (kept as AWS wrote it)
 * @param integrationUri for Lambda, the function ARN (possibly qualified, possibly with {@code ${stageVariables.x}})
 *     or the v1-style invocation URI; null for MOCK
 * @param credentialsArn the role API Gateway assumes to invoke the backend, or null
 * @param payloadFormatVersion 1.0 or 2.0, or null
 */
public record IntegrationV2(
        String integrationId,
        String integrationType,
        String integrationUri,
        String credentialsArn,
        String payloadFormatVersion) {

    public IntegrationV2 {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(integrationType, "integrationType");
    }
}
