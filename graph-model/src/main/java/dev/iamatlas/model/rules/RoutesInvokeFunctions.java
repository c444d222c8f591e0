package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeType;
import java.util.List;
import java.util.Map;

/**
 * INVOKES: API Gateway invokes a Lambda function (or alias, or version) for a route in a stage, or for a Lambda
 * authorizer, under the target's own resource policy. The permission is decided by evaluating the target
 * qualifier's policy for principal {@code apigateway.amazonaws.com}, action {@code lambda:InvokeFunction}, resource
 * the qualified function ARN, with {@code aws:SourceArn} the route's execute-api ARN as API Gateway sends it
 * ({@code ANY} as configured for a REST method, one request per method of an HTTP API {@code ANY} route;
 * {@code .../API_ID/authorizers/ID} for an authorizer), in the function's region when it differs from the API's, and
 * {@code aws:SourceAccount} the API's account. AWS_PROXY and AWS integrations, REST and HTTP/WebSocket APIs;
 * {@code ${stageVariables.x}} is resolved per stage. A link that cannot work stays as a DENIED edge: a missing
 * permission, an unset stage variable, a function, alias or version that does not exist. Integrations with a
 * credentials role are {@link RoutesInvokeViaCredentialsRole}'s.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: Granting API Gateway access</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html">Lambda proxy integrations</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/amazon-api-gateway-using-stage-variables.html">Stage variables</a>
 */
public final class RoutesInvokeFunctions extends BaseApiRule {

    @Override
    public String name() {
        return "RoutesInvokeFunctions";
    }

    @Override
    void compute(ApiSubjects.Api api, UnitContext ctx) {
        for (ApiRoutes.Route route : api.routes()) {
            ApiRoutes.Integration integration = route.integration();
            if (!LambdaInvocations.invokesLambda(integration) || LambdaInvocations.usesRole(integration.credentials())
                    || LambdaInvocations.isCallerPassthrough(integration.credentials())) {
                continue;
            }
            LambdaTarget target = LambdaTarget.resolve(integration.uri(), route.stageVariables(), ctx);
            ctx.node(Nodes.route(route, ctx.partition(), ctx.account()));
            java.util.function.Supplier<String> lead = () -> "API Gateway invokes " + LambdaInvocations.targetName(target)
                    + " for " + route.displayName() + " in stage " + route.stage();
            emit(ctx, route.arn(), target, LambdaInvocations.sourceArns(route, target), route, lead, null, route.stage());
        }
        for (ApiRoutes.Authorizer a : api.authorizers()) {
            if (!a.lambda() || LambdaTarget.functionArnOf(a.uri()) == null || LambdaInvocations.usesRole(a.credentials())) {
                continue;
            }
            ctx.node(Nodes.authorizer(a, api.v2(), ctx.partition(), ctx.account(), api.region()));
            for (ApiSubjects.StagedTarget t : api.authorizerTargets(a, ctx)) {
                emit(ctx, a.arn(), t.target(), Map.of("", LambdaInvocations.sourceArn(a.arn(), t.target())), null,
                        () -> authorizerLead(a, t.target(), t.stage()), t.stage(), t.stage());
            }
        }
    }

    private static String authorizerLead(ApiRoutes.Authorizer a, LambdaTarget target, String stage) {
        return "API Gateway invokes " + LambdaInvocations.targetName(target) + " as Lambda authorizer "
                + (a.name() != null ? a.name() : a.id()) + (stage == null ? "" : " in stage " + stage);
    }

    private static void emit(UnitContext ctx, String from, LambdaTarget target, Map<String, String> sourceArns,
            ApiRoutes.Route route, java.util.function.Supplier<String> lead, String discriminator, String stage) {
        LambdaInvocations.targetNode(ctx, target);
        AccessEdge.Builder b;
        if (target.problem() != null || target.outsideSnapshot()) {
            b = LambdaInvocations.unresolvable(EdgeType.INVOKES, from, target, lead.get());
        } else {
            List<Check> checks = LambdaInvocations.apiGatewayChecks(ctx, target, sourceArns);
            MethodStatus ms = route == null ? null : MethodStatus.of(sourceArns.keySet(), checks);
            b = Edges.checked(EdgeType.INVOKES, from, target.nodeId(), lead, checks, List.of());
            if (ms != null) {
                b.status(ms.status);
                ms.annotate(b);
            }
        }
        b.discriminator(discriminator).attribute(AccessEdge.STAGE, stage)
                .attribute(AccessEdge.FUNCTION_ARN, target.resolved() != null ? target.resolved() : target.configured())
                .attribute(AccessEdge.SOURCE_ARN, sourceArns.size() == 1 ? sourceArns.values().iterator().next()
                        : route != null ? LambdaInvocations.sourceArn(route.arn(), target) : null);
        ctx.edge(b.build());
    }
}
