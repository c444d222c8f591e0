package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the rules that link API Gateway to Lambda share: the target node (the authority's definition, or a
 * placeholder saying why there is none), and the request API Gateway makes when it invokes a function with the
 * function's resource policy — principal {@code apigateway.amazonaws.com}, action {@code lambda:InvokeFunction},
 * resource the qualified function ARN, context {@code aws:SourceArn} (the route's or authorizer's execute-api ARN)
 * and {@code aws:SourceAccount}.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: Granting API Gateway access</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html">The confused deputy problem</a>
 */
final class LambdaInvocations {
    static final String API_GATEWAY = "apigateway.amazonaws.com";

    private LambdaInvocations() {
    }

    /** Emits the node the target stands for (reference), a placeholder when the snapshot does not hold it. */
    static Node targetNode(UnitContext ctx, LambdaTarget t) {
        Node node;
        if (t.function() != null && t.problem() == null) {
            if (t.alias() != null) {
                node = Nodes.alias(t.function(), t.alias(), ctx.account());
            } else if (t.version() != null) {
                node = Nodes.version(t.function(), t.version(), ctx.account());
            } else {
                node = Nodes.function(t.function(), ctx.account());
            }
        } else {
            String reason = t.problem() != null ? t.problem()
                    : t.sameAccount() ? "in a region the scan did not cover" : "in another account (" + t.arn().account() + ")";
            node = Nodes.missingFunction(t.nodeId(), t.kind(), reason);
        }
        ctx.reference(node);
        return node;
    }

    /** The resource policy that governs invoking the target, as a source for requests, or null when it has none. */
    static PolicySource policy(UnitContext ctx, LambdaTarget t) {
        return t.resourcePolicy() == null ? null
                : ctx.source(t.policyLabel(), PolicyType.RESOURCE, t.nodeId(), t.resourcePolicy());
    }

    /** The gap notes about the target function (its policy could not be read, ...). */
    static List<String> gaps(UnitContext ctx, LambdaTarget t) {
        return t.function() == null ? List.of() : ctx.gapNotes(EntityKey.function(t.function().arn()));
    }

    /**
     * The {@code aws:SourceArn} values API Gateway sends when it invokes {@code t} for a route, by method: ANY kept
     * for REST ({@link ApiRoutes.Route#lambdaSourceArns()}), in the function's region.
     */
    static Map<String, String> sourceArns(ApiRoutes.Route route, LambdaTarget t) {
        return ApiRoutes.inRegion(route.lambdaSourceArns(), region(t));
    }

    /**
     * An execute-api ARN as the source ARN of an invocation of {@code t}: "If your function and API are in different
     * regions, the region identifier in the source ARN must match the region of the function, not the region of the
     * API" (Lambda guide, services-apigateway, Permissions).
     */
    static String sourceArn(String executeApiArn, LambdaTarget t) {
        return ApiRoutes.inRegion(executeApiArn, region(t));
    }

    private static String region(LambdaTarget t) {
        return t.arn() == null ? null : t.arn().region();
    }

    /**
     * One request per source ARN (one per HTTP method of an HTTP API ANY route): may API Gateway invoke the target for it?
     */
    static List<Check> apiGatewayChecks(UnitContext ctx, LambdaTarget t, Map<String, String> sourceArns) {
        PolicySource policy = policy(ctx, t);
        List<String> gaps = gaps(ctx, t);
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, String> e : sourceArns.entrySet()) {
            String purpose = sourceArns.size() > 1 ? "API Gateway may invoke the function (" + e.getKey() + ")"
                    : "API Gateway may invoke the function";
            Check.Builder b = Check.request(purpose).principal(API_GATEWAY).action("lambda:InvokeFunction")
                    .resource(t.invokedArn()).context("aws:SourceArn", e.getValue())
                    .context("aws:SourceAccount", ctx.account()).absent(Callers.SERVICE_ABSENT)
                    .resourcePolicy(policy).uncertainties(gaps);
            orgSource(ctx, b);
            checks.add(b.evaluate());
        }
        return checks;
    }

    /** Sets {@code aws:SourceOrgID} when the organization is known. */
    static void orgSource(UnitContext ctx, Check.Builder b) {
        if (ctx.run().index().organization() != null && ctx.run().index().organization().organizationId() != null) {
            ctx.read(EntityKey.ORGANIZATION);
            b.context("aws:SourceOrgID", ctx.run().index().organization().organizationId());
        }
    }

    /** An edge to a target that cannot be invoked whatever the policies say, or whose policy is not in the snapshot. */
    static AccessEdge.Builder unresolvable(EdgeType type, String from, LambdaTarget t, String lead) {
        if (t.problem() != null) {
            return Edges.structural(type, from, t.nodeId(), EdgeStatus.DENIED, lead + " — fails: " + t.problem(),
                    List.of(t.problem())).attribute(AccessEdge.BROKEN_BECAUSE, t.problem());
        }
        String why = t.sameAccount()
                ? "function " + t.arn().name() + " is in " + t.arn().region() + ", a region the scan did not cover, so its"
                        + " resource policy is unknown"
                : "function " + t.arn().name() + " is in account " + t.arn().account() + ", so its resource policy is"
                        + " not in this snapshot";
        return Edges.structural(type, from, t.nodeId(), EdgeStatus.CONDITIONAL, lead + " — " + why, List.of(why));
    }

    /** "orders:live" for a target. */
    static String targetName(LambdaTarget t) {
        if (t.arn() == null) {
            return t.configured();
        }
        return t.arn().qualifier() == null ? t.arn().name() : t.arn().name() + ":" + t.arn().qualifier();
    }

    /** Whether the route's integration invokes Lambda. */
    static boolean invokesLambda(ApiRoutes.Integration i) {
        return i != null && LambdaTarget.lambdaIntegrationType(i.type()) && LambdaTarget.functionArnOf(i.uri()) != null;
    }

    /** Whether credentials name a role (not none, not the caller's own credentials). */
    static boolean usesRole(String credentials) {
        return credentials != null && !credentials.isBlank() && !isCallerPassthrough(credentials);
    }

    /** {@code arn:aws:iam::*:user/*}: API Gateway calls with the caller's own credentials. */
    static boolean isCallerPassthrough(String credentials) {
        return credentials != null && credentials.matches("arn:[^:]+:iam::\\*:user/\\*");
    }

    /** The function name, for labels. */
    static String name(LambdaFunction f) {
        return f.name();
    }
}
