package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.rules.ApiRoutes;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RouteV2;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PUBLIC_ROUTE_TO_PRIVILEGED_ROLE}: the Internet can call a route with no authorization — its CALLS_ROUTE
 * edge from the Internet is ALLOWED, so the API is not private and its resource policy does not restrict callers
 * (an IP condition makes the edge CONDITIONAL), or, for an ANY method, allows some methods outright (the caller picks
 * the method) — and the route invokes a function (directly, or through an alias and version) whose execution role is admin-equivalent or has permissions-management access on everything.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html">Control and manage access to REST APIs</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege">Grant least privilege</a>
 */
public final class PublicRouteToPrivilegedRole extends BaseApiDetector {

    @Override
    public String ruleId() {
        return RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE;
    }

    @Override
    public void detect(String subject, FindingContext ctx) {
        for (ApiRoutes.Route route : routes(subject, ctx)) {
            AccessEdge call = null;
            for (AccessEdge e : ctx.incoming(route.arn())) {
                if (e.type() == EdgeType.CALLS_ROUTE && e.sourceId().equals(NodeIds.INTERNET)
                        && (e.status() == EdgeStatus.ALLOWED || someMethodOpen(e, subject, ctx))) {
                    call = e;
                }
            }
            if (call == null) {
                continue;
            }
            for (AccessEdge invoke : ctx.outgoing(route.arn())) {
                if ((invoke.type() != EdgeType.INVOKES && invoke.type() != EdgeType.INVOKES_VIA_ROLE)
                        || invoke.status() == EdgeStatus.DENIED) {
                    continue;
                }
                for (List<AccessEdge> tail : rolesBehind(invoke.targetId(), ctx)) {
                    AccessEdge runsAs = tail.get(tail.size() - 1);
                    Node role = ctx.node(runsAs.targetId()).orElse(null);
                    if (role == null || !role.flag(Node.ADMIN_EQUIVALENT) && !role.flag(Node.PERMISSIONS_MANAGEMENT)) {
                        continue;
                    }
                    List<AccessEdge> path = new ArrayList<>();
                    path.add(call);
                    path.add(invoke);
                    path.addAll(tail);
                    report(ctx, subject, route, role, path);
                }
            }
        }
    }

    /**
     * Whether a CONDITIONAL Internet edge to an ANY route is CONDITIONAL only because the resource policy allows some
     * methods and not others: the caller picks the method, so the route is open for the ones allowed outright. An
     * edge also capped by a disabled default endpoint is left alone.
     */
    private static boolean someMethodOpen(AccessEdge e, String subject, FindingContext ctx) {
        if (e.status() != EdgeStatus.CONDITIONAL || e.attribute(AccessEdge.ALLOWED_METHODS) == null) {
            return false;
        }
        RestApi api = subject.startsWith("rest:") ? ctx.restApi(subject.substring(5)) : null;
        if (api == null || api.disableExecuteApiEndpoint()) {
            return false;
        }
        for (dev.iamatlas.model.graph.EvaluatedRequest r : e.evidence().requests()) {
            if (r.status() == EdgeStatus.ALLOWED) {
                return true;
            }
        }
        return false;
    }

    /** The first three reasons, and how many more. */
    static String shortReasons(String reasons) {
        if (reasons == null) {
            return "";
        }
        String[] all = reasons.split("; ");
        if (all.length <= 3) {
            return reasons;
        }
        return String.join("; ", java.util.Arrays.copyOf(all, 3)) + "; and " + (all.length - 3) + " more";
    }

    /** Paths from a function, alias or version to the roles it runs as: [RUNS_AS] or [RESOLVES_TO, RUNS_AS]. */
    static List<List<AccessEdge>> rolesBehind(String targetId, FindingContext ctx) {
        List<List<AccessEdge>> out = new ArrayList<>();
        Node target = ctx.node(targetId).orElse(null);
        if (target == null) {
            return out;
        }
        for (AccessEdge e : ctx.outgoing(targetId)) {
            if (e.status() == EdgeStatus.DENIED) {
                continue;
            }
            if (e.type() == EdgeType.RUNS_AS) {
                out.add(List.of(e));
            } else if (e.type() == EdgeType.RESOLVES_TO && target.kind() == NodeKind.LAMBDA_ALIAS) {
                for (AccessEdge r : ctx.outgoing(e.targetId())) {
                    if (r.type() == EdgeType.RUNS_AS && r.status() != EdgeStatus.DENIED) {
                        out.add(List.of(e, r));
                    }
                }
            }
        }
        return out;
    }

    private void report(FindingContext ctx, String subject, ApiRoutes.Route route, Node role, List<AccessEdge> path) {
        String function = label(ctx, path.get(1).targetId());
        String methods = path.get(0).status() == EdgeStatus.CONDITIONAL
                ? " (with " + path.get(0).attribute(AccessEdge.ALLOWED_METHODS) + ")" : "";
        // Admin-equivalent (account takeover) is CRITICAL; permissions management on every resource of a service
        // (make any bucket public, let anyone invoke any function) is HIGH.
        boolean admin = role.flag(Node.ADMIN_EQUIVALENT);
        String message = "Anyone on the Internet can call " + route.displayName() + " in stage " + route.stage()
                + methods + " without authorization, and it runs " + function + " as " + role.label()
                + (admin ? ", which is admin-equivalent (" + shortReasons(role.attribute(Node.ADMIN_REASONS)) + ")."
                        : ", which may change permissions on every resource of a service ("
                                + shortReasons(role.attribute(Node.PERMISSIONS_MANAGEMENT_REASONS)) + ").");
        List<String> commands = new ArrayList<>();
        String id = route.apiId();
        if (subject.startsWith("rest:")) {
            RestApi api = ctx.restApi(id);
            String resourceId = null;
            for (RestResource r : api.resources()) {
                if (r.path().equals(route.path())) {
                    resourceId = r.id();
                }
            }
            commands.add("aws apigateway update-method --rest-api-id " + id + " --resource-id " + Fixes.q(String.valueOf(resourceId))
                    + " --http-method " + route.method() + " --patch-operations op=replace,path=/authorizationType,value=AWS_IAM"
                    + " --region " + route.region());
            commands.add("aws apigateway create-deployment --rest-api-id " + id + " --stage-name " + Fixes.q(route.stage())
                    + " --region " + route.region());
        } else {
            ApiV2 api = ctx.apiV2(id);
            for (RouteV2 r : api.routes()) {
                if (r.routeKey().equals(route.routeKey())) {
                    commands.add("aws apigatewayv2 update-route --api-id " + id + " --route-id " + r.routeId()
                            + " --authorization-type AWS_IAM --region " + route.region());
                }
            }
        }
        ctx.report(finding(route.arn() + " " + role.id(), admin ? Severity.CRITICAL : Severity.HIGH, message, route.arn(), role.id(), path,
                List.of(path.get(path.size() - 1).explanation()),
                new Fix("Require authorization on the route (AWS_IAM or an authorizer), and give " + function
                        + " a least-privilege execution role instead of " + role.label(), commands, null,
                        RuleCatalogue.require(ruleId()).documentation())));
    }
}
