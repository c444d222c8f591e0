package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.graph.NodeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GUARDED_BY: a route whose authorization is an authorizer (Lambda, Cognito user pool, JWT) points at that
 * authorizer; an authorizer id the API does not have gives a DENIED edge to a placeholder. For WebSocket APIs the
 * {@code $connect} route's authorizer guards every route.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html">Lambda authorizers</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html">JWT authorizers</a>
 */
public final class RoutesGuardedByAuthorizers extends BaseApiRule {

    @Override
    public String name() {
        return "RoutesGuardedByAuthorizers";
    }

    @Override
    void compute(ApiSubjects.Api api, UnitContext ctx) {
        Map<String, ApiRoutes.Authorizer> byId = new LinkedHashMap<>();
        for (ApiRoutes.Authorizer a : api.authorizers()) {
            byId.put(a.id(), a);
        }
        for (ApiRoutes.Route route : api.routes()) {
            String type = route.authorizationType();
            if (route.authorizerId() == null || type.equals("NONE") || type.equals("AWS_IAM")) {
                continue;
            }
            ctx.node(Nodes.route(route, ctx.partition(), ctx.account()));
            ApiRoutes.Authorizer a = byId.get(route.authorizerId());
            String lead = route.displayName() + " in stage " + route.stage() + " is guarded by ";
            if (a == null) {
                String arn = NodeIds.authorizer(ctx.partition(), api.region(), ctx.account(), api.id(), route.authorizerId());
                String why = "authorizer " + route.authorizerId() + " does not exist in the API";
                ctx.reference(Node.builder(arn, NodeKind.API_AUTHORIZER).arn(arn).label(route.authorizerId())
                        .account(ctx.account()).region(api.region())
                        .groupId(Nodes.apiNodeId(api.v2(), ctx.partition(), api.region(), api.id()))
                        .flag(Node.PLACEHOLDER, true).attribute(Node.PLACEHOLDER_REASON, why).build());
                ctx.edge(Edges.structural(EdgeType.GUARDED_BY, route.arn(), arn, EdgeStatus.DENIED,
                        lead + "authorizer " + route.authorizerId() + " — " + why, List.of(why))
                        .attribute(AccessEdge.BROKEN_BECAUSE, why).build());
                continue;
            }
            ctx.node(Nodes.authorizer(a, api.v2(), ctx.partition(), ctx.account(), api.region()));
            String name = a.name() != null ? a.name() : a.id();
            String note = "authorizer " + name + " (" + a.type() + ")"
                    + (a.identitySource() != null && !a.identitySource().isEmpty() ? " reads " + a.identitySource() : "")
                    + "; only the callers it accepts reach the route";
            ctx.edge(Edges.structural(EdgeType.GUARDED_BY, route.arn(), a.arn(), EdgeStatus.ALLOWED, lead + note,
                    List.of(note)).attribute(AccessEdge.STAGE, route.stage()).build());
        }
    }
}
