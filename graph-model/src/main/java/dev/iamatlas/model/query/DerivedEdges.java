package dev.iamatlas.model.query;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeEvidence;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.policy.ArnPattern;
import dev.iamatlas.model.rules.AnalysisRun;
import dev.iamatlas.model.rules.Check;
import dev.iamatlas.model.rules.Identity;
import dev.iamatlas.model.rules.LambdaArns;
import dev.iamatlas.model.rules.PolicySource;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import java.util.ArrayList;
import java.util.List;

/**
 * Links the graph does not store but a query needs: a principal of the account whose identity policies allow
 * {@code lambda:InvokeFunction}, {@code execute-api:Invoke} or {@code sts:AssumeRole} on a pattern — a capability —
 * can invoke every function, call every IAM-authorized route, or assume every role that trusts its account, that
 * the pattern matches. Each such link is decided on demand by the
 * policy evaluator for the exact principal and target (identity policies, boundary, SCPs, and the target's resource
 * policy for denies) and returned as a {@link AccessEdge#derived() derived} edge with its evidence.
 */
final class DerivedEdges {
    private DerivedEdges() {
    }

    /** Whether a capability node may cover {@code action} on {@code target}. */
    static boolean covers(Node capability, String service, String target) {
        String s = capability.attribute(Node.SERVICE);
        String pattern = capability.attribute(Node.RESOURCE_PATTERN);
        return s != null && pattern != null && (s.equals(service) || s.equals("*"))
                && ArnPattern.compile(pattern).matches(target);
    }

    /**
     * The principals of the account that hold a capability covering {@code action} on {@code targetId}, as derived
     * edges principal → target that are not DENIED.
     *
     * @param targetId a function, alias or version ARN, or a route ARN
     */
    static List<AccessEdge> identityCallers(AccessGraph graph, AnalysisRun run, String targetId) {
        Node target = graph.node(targetId).orElse(null);
        if (target == null) {
            return List.of();
        }
        boolean route = target.kind() == NodeKind.API_ROUTE;
        boolean role = target.kind() == NodeKind.IAM_ROLE;
        if (route && !"AWS_IAM".equals(target.attribute(Node.AUTHORIZATION_TYPE))) {
            return List.of();
        }
        if (role && !trustsOwnAccount(graph, target)) {
            return List.of();
        }
        String service = route ? "execute-api" : role ? "sts" : "lambda";
        List<AccessEdge> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Node capability : graph.nodes(NodeKind.CAPABILITY)) {
            if (!covers(capability, service, targetId)) {
                continue;
            }
            for (AccessEdge perform : graph.incoming(capability.id())) {
                if (perform.type() != EdgeType.CAN_PERFORM || perform.status() == EdgeStatus.DENIED
                        || !seen.add(perform.sourceId())) {
                    continue;
                }
                if (role && !graph.edge(AccessEdge.defaultId(EdgeType.CAN_ASSUME, perform.sourceId(), targetId, null)).isEmpty()) {
                    continue; // the graph already has this principal's edge
                }
                AccessEdge derived = derive(graph, run, perform.sourceId(), target);
                if (derived != null && derived.status() != EdgeStatus.DENIED) {
                    out.add(derived);
                }
            }
        }
        return out;
    }

    /** The derived edge principal → target, decided by the evaluator; null when the principal is not in the account. */
    static AccessEdge derive(AccessGraph graph, AnalysisRun run, String principal, Node target) {
        Identity identity = run.identity(principal);
        if (identity == null) {
            return null;
        }
        boolean route = target.kind() == NodeKind.API_ROUTE;
        boolean role = target.kind() == NodeKind.IAM_ROLE;
        String action = route ? "execute-api:Invoke" : role ? "sts:AssumeRole" : "lambda:InvokeFunction";
        Check check = identity.applyTo(Check.request("the principal's policies allow " + action)).action(action)
                .resource(target.id()).resourcePolicy(resourcePolicy(run, target)).absent(java.util.Set.of(
                        "aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid")).evaluate();
        String name = graph.node(principal).map(Node::label).orElse(principal);
        String lead = name + (route ? " can call " : role ? " can assume " : " can invoke ") + target.label()
                + " with its identity policies";
        EdgeType type = route ? EdgeType.CALLS_ROUTE : role ? EdgeType.CAN_ASSUME : EdgeType.CAN_INVOKE;
        return AccessEdge.builder(type, principal, target.id()).status(check.status()).derived(true)
                .discriminator("identity")
                .evidence(() -> new EdgeEvidence(List.of(check.explain()), check.notes()))
                .explanation(() -> lead + " — " + check.reasonClause(check.explain())).build();
    }

    /**
     * Whether a role's trust policy delegates to this account's principals (the graph has the "principals of this
     * account" CAN_ASSUME edge into it): only then can an identity policy let a principal of the account assume it.
     */
    static boolean trustsOwnAccount(AccessGraph graph, Node role) {
        String own = dev.iamatlas.model.graph.NodeIds.accountRoot(graph.partition(), graph.accountId());
        return graph.edge(AccessEdge.defaultId(EdgeType.CAN_ASSUME, own, role.id(), null))
                .map(e -> e.status() != EdgeStatus.DENIED).orElse(false);
    }

    private static PolicySource resourcePolicy(AnalysisRun run, Node target) {
        if (target.kind() == NodeKind.IAM_ROLE) {
            var r = run.index().role(target.id());
            return r == null || r.trustPolicy() == null ? null
                    : run.source("role " + r.name() + " trust policy", PolicyType.RESOURCE, r.arn(), r.trustPolicy());
        }
        if (target.kind() == NodeKind.API_ROUTE) {
            String apiId = target.attribute(Node.API_ID);
            RestApi api = apiId == null ? null : run.index().restApi(apiId);
            return api == null || api.policy() == null ? null
                    : run.source("REST API " + api.name() + " resource policy", PolicyType.RESOURCE, api.id(), api.policy());
        }
        LambdaArns.FunctionArn arn = LambdaArns.parse(target.id());
        if (arn == null) {
            return null;
        }
        LambdaFunction f = run.index().function(arn.unqualified());
        if (f == null) {
            return null;
        }
        PolicyText text = f.resourcePolicy();
        String label = "function " + f.name() + " resource policy";
        if (arn.qualifier() != null) {
            text = null;
            for (FunctionAlias a : f.aliases()) {
                if (a.name().equals(arn.qualifier())) {
                    text = a.resourcePolicy();
                    label = "alias " + f.name() + ":" + a.name() + " resource policy";
                }
            }
            for (FunctionVersion v : f.versions()) {
                if (v.version().equals(arn.qualifier())) {
                    text = v.resourcePolicy();
                    label = "version " + f.name() + ":" + v.version() + " resource policy";
                }
            }
        }
        return text == null ? null : run.source(label, PolicyType.RESOURCE, target.id(), text);
    }

    /**
     * Targets a capability covers that a principal reaching it could act on: functions (for lambda) and
     * IAM-authorized routes (for execute-api).
     */
    static List<Node> targetsOf(AccessGraph graph, Node capability) {
        List<Node> out = new ArrayList<>();
        String service = capability.attribute(Node.SERVICE);
        if (service == null || !(service.equals("lambda") || service.equals("execute-api") || service.equals("sts")
                || service.equals("*"))) {
            return out;
        }
        for (Node n : graph.nodes()) {
            boolean function = n.kind() == NodeKind.LAMBDA_FUNCTION || n.kind() == NodeKind.LAMBDA_ALIAS
                    || n.kind() == NodeKind.LAMBDA_VERSION;
            boolean route = n.kind() == NodeKind.API_ROUTE && "AWS_IAM".equals(n.attribute(Node.AUTHORIZATION_TYPE));
            boolean role = n.kind() == NodeKind.IAM_ROLE;
            if (n.isPlaceholder() || (!function && !route && !role)) {
                continue;
            }
            if (role && (!covers(capability, "sts", n.id()) || !trustsOwnAccount(graph, n))) {
                continue;
            }
            if (role || covers(capability, function ? "lambda" : "execute-api", n.id())) {
                out.add(n);
            }
        }
        return out;
    }
}
