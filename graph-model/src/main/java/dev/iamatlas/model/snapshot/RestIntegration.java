package dev.iamatlas.model.snapshot;

import java.util.Objects;

/**
 * The integration of one REST API method: where API Gateway sends the request.
 *
 * @param type AWS_PROXY, AWS, HTTP, HTTP_PROXY or MOCK (kept as AWS wrote it)
 * @param uri for Lambda, {@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations},
 *     where FUNCTION_ARN may be qualified and may contain {@code ${stageVariables.x}}; null for MOCK
 * @param httpMethod the method API Gateway uses towards the backend, or null
 * @param credentials the role API Gateway assumes to call the backend, {@code arn:aws:iam::*:user/*} to pass the
 *     caller's own credentials, or null when API Gateway calls with the function's resource policy
 */
public record RestIntegration(String type, String uri, String httpMethod, String credentials) {
    public RestIntegration {
        Objects.requireNonNull(type, "type");
    }
}
