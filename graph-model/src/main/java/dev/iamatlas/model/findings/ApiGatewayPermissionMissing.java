package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.EvaluatedRequest;
import dev.iamatlas.model.graph.InvolvedPolicy;
import dev.iamatlas.model.graph.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code APIGW_LAMBDA_PERMISSION_MISSING}: a route or Lambda authorizer (one some route uses) invokes an existing
 * function, alias or version whose resource policy does not let API Gateway invoke it from that source ARN (the
 * INVOKES edge is DENIED, or CONDITIONAL because only some HTTP methods of an HTTP API ANY route are allowed). The fix is the exact
 * {@code aws lambda add-permission} on the qualifier the integration names, or, when a statement explicitly denies,
 * the statement to remove.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: Granting API Gateway access</a>
 */
public final class ApiGatewayPermissionMissing extends BaseApiDetector {

    @Override
    public String ruleId() {
        return RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING;
    }

    @Override
    public void detect(String subject, FindingContext ctx) {
        // API Gateway calls a Lambda authorizer only for the methods (routes) whose authorizerId names it: one that
        // nothing references is never invoked, so its missing permission breaks nothing.
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
        java.util.Set<String> used = new java.util.HashSet<>();
        routes(subject, ctx).forEach(r -> used.add(r.authorizerId()));
        java.util.Set<String> unusedAuthorizers = new java.util.HashSet<>();
        authorizers(subject, ctx).forEach(a -> {
            if (!used.contains(a.id())) {
                unusedAuthorizers.add(a.arn());
            }
        });
        for (String source : invokingSources(subject, ctx)) {
            if (unusedAuthorizers.contains(source)) {
                continue;
            }
            for (AccessEdge e : ctx.outgoing(source)) {
                if (e.type() != EdgeType.INVOKES || e.attribute(AccessEdge.BROKEN_BECAUSE) != null) {
                    continue;
                }
                boolean partial = e.status() == EdgeStatus.CONDITIONAL && e.attribute(AccessEdge.DENIED_METHODS) != null;
                if (e.status() != EdgeStatus.DENIED && !partial) {
                    continue;
                }
                Node target = ctx.node(e.targetId()).orElse(null);
                if (target == null || target.isPlaceholder()) {
                    continue;
                }
                report(ctx, e, ctx.node(source).orElseThrow(), target, partial);
            }
        }
    }

    private void report(FindingContext ctx, AccessEdge e, Node source, Node target, boolean partial) {
        boolean authorizer = source.kind() == dev.iamatlas.model.graph.NodeKind.API_AUTHORIZER;
        String stage = source.attribute(Node.STAGE);
        // The source ARN as API Gateway sends it: in the function's region, and for a REST ANY method with ANY itself
        // (Lambda guide, services-apigateway, Permissions); an HTTP API ANY route gets every method.
        String sourceArn = dev.iamatlas.model.rules.ApiRoutes.inRegion(source.id(), region(target.id()));
        if ("ANY".equals(source.attribute(Node.METHOD)) && !"REST".equals(source.attribute(Node.PROTOCOL))) {
            sourceArn = sourceArn.replace("/" + stage + "/ANY/", "/" + stage + "/*/");
        }
        String what = authorizer ? "Lambda authorizer " + source.label() : source.label();
        List<String> denying = new ArrayList<>();
        if (!partial && "EXPLICIT_DENY".equals(e.attribute(AccessEdge.DECISION_REASON))) {
            for (EvaluatedRequest r : e.evidence().requests()) {
                for (InvolvedPolicy p : r.policies()) {
                    if (!p.denying().isEmpty()) {
                        denying.add(p.label() + " statement(s) " + p.denying());
                    }
                }
            }
        }
        String message = "API Gateway cannot invoke " + target.label() + " for " + what
                + (partial ? ": the permission covers only " + e.attribute(AccessEdge.ALLOWED_METHODS) + ", not "
                        + e.attribute(AccessEdge.DENIED_METHODS) : "")
                + (denying.isEmpty() ? "; calls fail with 500 (Invalid permissions on Lambda function)."
                        : "; it is explicitly denied by " + String.join(", ", denying) + ".");
        String sid = Fixes.statementId("apigateway", source.attribute(Node.API_ID),
                stage == null ? "authorizer" : stage, source.attribute(Node.METHOD) == null ? "" : source.attribute(Node.METHOD),
                source.attribute(Node.PATH) == null ? (source.attribute(Node.ROUTE_KEY) == null ? source.label()
                        : source.attribute(Node.ROUTE_KEY)) : source.attribute(Node.PATH));
        Fix fix;
        if (denying.isEmpty()) {
            fix = new Fix("Allow apigateway.amazonaws.com to invoke " + target.label() + " from " + sourceArn,
                    List.of(Fixes.addPermission(target.id(), sid, "apigateway.amazonaws.com", sourceArn, ctx.account())),
                    null, RuleCatalogue.require(ruleId()).documentation());
        } else {
            fix = new Fix("Remove or narrow the statement that denies API Gateway in " + String.join(", ", denying)
                    + ", then allow the route", List.of(Fixes.addPermission(target.id(), sid, "apigateway.amazonaws.com",
                            sourceArn, ctx.account())), null, RuleCatalogue.require(ruleId()).documentation());
        }
        ctx.report(finding(e.id(), Severity.HIGH, message, target.id(), "apigateway.amazonaws.com", List.of(e),
                List.of(), fix));
    }
}
