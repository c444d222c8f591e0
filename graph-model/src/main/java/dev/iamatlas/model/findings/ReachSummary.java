package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.rules.Check;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the Internet can reach, for {@code analyze}: the public routes — those anyone on the Internet can call
 * without authorization (the Internet's edge to them is ALLOWED: not a private API, not restricted by the API's
 * resource policy to some addresses; an API key is not authorization) — the functions reachable from them and from
 * public function URLs, and the roles those functions run as. Routes behind an authorizer or IAM are not public.
 * Statuses are the weakest along the best path (ALLOWED beats CONDITIONAL); DENIED links are not followed.
 *
 * @param publicRoutes routes the Internet can call, sorted by id
 * @param functions functions, aliases and versions reachable from the Internet, sorted by id
 * @param roles roles those run as, sorted by id
 */
public record ReachSummary(List<PublicRoute> publicRoutes, List<ReachedFunction> functions, List<RoleBehind> roles) {

    public ReachSummary {
        publicRoutes = List.copyOf(publicRoutes);
        functions = List.copyOf(functions);
        roles = List.copyOf(roles);
    }

    /**
     * A route the Internet can call.
     *
     * @param routeId the route's execute-api ARN (node id)
     * @param label such as {@code GET /orders [prod]}
     * @param apiId the API id
     * @param stage the stage
     * @param authorizationType the route's authorization (NONE)
     * @param status ALLOWED
     */
    public record PublicRoute(String routeId, String label, String apiId, String stage, String authorizationType,
            EdgeStatus status) {
    }

    /**
     * A function (or alias, or version) reachable from the Internet.
     *
     * @param functionId the node id (function ARN, qualified for an alias or version)
     * @param label its label
     * @param status the best reach status
     * @param via the public routes and function URLs that lead to it
     * @param roles the roles it runs as
     */
    public record ReachedFunction(String functionId, String label, EdgeStatus status, List<String> via,
            List<String> roles) {
    }

    /**
     * A role behind an Internet-reachable function.
     *
     * @param roleId the role ARN
     * @param label the role name
     * @param adminEquivalent whether it is admin-equivalent
     * @param adminReasons why, or null
     * @param functions the reachable functions that run as it
     */
    public record RoleBehind(String roleId, String label, boolean adminEquivalent, String adminReasons,
            List<String> functions) {
    }

    /**
     * Summarises the graph. Linear in the edges reachable from the Internet and authorizer-gated callers.
     */
    public static ReachSummary of(AccessGraph graph) {
        Objects.requireNonNull(graph, "graph");
        Map<String, PublicRoute> routes = new TreeMap<>();
        Map<String, EdgeStatus> best = new HashMap<>();
        Map<String, TreeSet<String>> via = new HashMap<>();
        Deque<String[]> queue = new ArrayDeque<>(); // {node id, entry id (route or url)}
        for (String start : List.of(NodeIds.INTERNET)) {
            for (AccessEdge e : graph.outgoing(start)) {
                if (e.status() != EdgeStatus.ALLOWED) {
                    continue;
                }
                Node target = graph.target(e);
                if (e.type() == EdgeType.CALLS_ROUTE) {
                    PublicRoute existing = routes.get(target.id());
                    EdgeStatus s = existing == null ? e.status() : Check.strongest(existing.status(), e.status());
                    routes.put(target.id(), new PublicRoute(target.id(), target.label(), target.attribute(Node.API_ID),
                            target.attribute(Node.STAGE), target.attribute(Node.AUTHORIZATION_TYPE), s));
                } else if (e.type() != EdgeType.CALLS_FUNCTION_URL) {
                    continue;
                }
                if (improve(best, target.id(), e.status())) {
                    queue.add(new String[] {target.id(), target.id()});
                }
                via.computeIfAbsent(target.id(), k -> new TreeSet<>()).add(target.id());
            }
        }
        Map<String, TreeSet<String>> rolesOf = new TreeMap<>();
        while (!queue.isEmpty()) {
            String[] item = queue.poll();
            String id = item[0];
            EdgeStatus here = best.get(id);
            for (AccessEdge e : graph.outgoing(id)) {
                if (e.status() == EdgeStatus.DENIED) {
                    continue;
                }
                boolean follow = e.type() == EdgeType.INVOKES || e.type() == EdgeType.INVOKES_VIA_ROLE
                        || e.type() == EdgeType.RESOLVES_TO || e.type() == EdgeType.RUNS_AS;
                if (!follow) {
                    continue;
                }
                String next = e.targetId();
                EdgeStatus s = Check.weakest(here, e.status());
                via.computeIfAbsent(next, k -> new TreeSet<>()).addAll(via.getOrDefault(id, new TreeSet<>()));
                if (e.type() == EdgeType.RUNS_AS) {
                    rolesOf.computeIfAbsent(id, k -> new TreeSet<>()).add(next);
                    improve(best, next, s);
                    continue;
                }
                if (improve(best, next, s)) {
                    queue.add(new String[] {next, item[1]});
                }
            }
        }
        List<ReachedFunction> functions = new ArrayList<>();
        Map<String, TreeSet<String>> functionsOfRole = new TreeMap<>();
        for (Map.Entry<String, EdgeStatus> e : new TreeMap<>(best).entrySet()) {
            Node n = graph.node(e.getKey()).orElse(null);
            if (n == null) {
                continue;
            }
            if (n.kind() == NodeKind.LAMBDA_FUNCTION || n.kind() == NodeKind.LAMBDA_ALIAS || n.kind() == NodeKind.LAMBDA_VERSION) {
                List<String> roles = new ArrayList<>(rolesOf.getOrDefault(n.id(), new TreeSet<>()));
                functions.add(new ReachedFunction(n.id(), n.label(), e.getValue(),
                        new ArrayList<>(via.getOrDefault(n.id(), new TreeSet<>())), roles));
                for (String r : roles) {
                    functionsOfRole.computeIfAbsent(r, k -> new TreeSet<>()).add(n.id());
                }
            }
        }
        List<RoleBehind> roles = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : functionsOfRole.entrySet()) {
            Node role = graph.node(e.getKey()).orElse(null);
            if (role != null) {
                roles.add(new RoleBehind(role.id(), role.label(), role.flag(Node.ADMIN_EQUIVALENT),
                        role.attribute(Node.ADMIN_REASONS), new ArrayList<>(e.getValue())));
            }
        }
        return new ReachSummary(new ArrayList<>(routes.values()), functions, roles);
    }

    private static boolean improve(Map<String, EdgeStatus> best, String id, EdgeStatus s) {
        EdgeStatus old = best.get(id);
        if (old == null || (old == EdgeStatus.CONDITIONAL && s == EdgeStatus.ALLOWED)) {
            best.put(id, s);
            return true;
        }
        return false;
    }
}
