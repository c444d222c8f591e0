package dev.iamatlas.app.scan;

import java.util.List;

/**
 * The API rate limits AWS documents, as quota buckets: which bucket an operation draws from, and its rate and
 * burst. Each bucket exists once per account and region ({@code global} for IAM, STS and Organizations).
 *
 * <ul>
 *   <li>Lambda (<a href="https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html#api-requests">Lambda
 *       quotas</a>): {@code GetPolicy} 15 requests per second; every other control-plane call (ListFunctions,
 *       ListAliases, ListFunctionUrlConfigs, ...) shares 15 requests per second. Neither can be raised.</li>
 *   <li>API Gateway (<a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html">API Gateway
 *       quotas</a>, "creating, deploying and managing an API"): {@code GetResources} 5 requests every 2 seconds;
 *       all other management calls 10 requests per second with a burst of 40, which REST and HTTP/WebSocket APIs
 *       share. A {@code GetResources} call also counts against the shared bucket.</li>
 *   <li>IAM, STS and Organizations publish no per-operation read rate; the scanner makes few calls to them and
 *       paces them conservatively (IAM 10/s, Organizations 5/s, STS 20/s), relying on adaptive pacing and
 *       retries should AWS throttle anyway.</li>
 * </ul>
 */
final class RateLimits {

    /** One quota: a name unique within its service and region, a rate per second and a burst. */
    record Quota(String name, double rate, double burst) {
    }

    static final Quota LAMBDA_GET_POLICY = new Quota("GetPolicy", 15, 5);
    static final Quota LAMBDA_CONTROL_PLANE = new Quota("control-plane", 15, 5);
    static final Quota APIGATEWAY_GET_RESOURCES = new Quota("GetResources", 2.5, 5);
    static final Quota APIGATEWAY_MANAGEMENT = new Quota("management", 10, 40);
    static final Quota IAM = new Quota("iam", 10, 10);
    static final Quota STS = new Quota("sts", 20, 20);
    static final Quota ORGANIZATIONS = new Quota("organizations", 5, 5);

    private RateLimits() {
    }

    /**
     * The quotas one call draws from, in the order they are taken.
     *
     * @param service the scanner's service id ({@code apigatewayv2} shares API Gateway's buckets)
     * @param operation the API operation
     */
    static List<Quota> quotasFor(String service, String operation) {
        switch (service) {
            case "lambda":
                return List.of("GetPolicy".equals(operation) ? LAMBDA_GET_POLICY : LAMBDA_CONTROL_PLANE);
            case "apigateway":
            case "apigatewayv2":
                return "GetResources".equals(operation)
                        ? List.of(APIGATEWAY_GET_RESOURCES, APIGATEWAY_MANAGEMENT)
                        : List.of(APIGATEWAY_MANAGEMENT);
            case "iam":
                return List.of(IAM);
            case "organizations":
                return List.of(ORGANIZATIONS);
            default:
                return List.of(STS);
        }
    }

    /** The bucket family a service's quotas live in: API Gateway v1 and v2 share one. */
    static String quotaService(String service) {
        return "apigatewayv2".equals(service) ? "apigateway" : service;
    }
}
