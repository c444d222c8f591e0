package dev.iamatlas.model.query;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.rules.AnalysisRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The blast radius of a principal: every function, role, route and capability it can reach, followed transitively —
 * roles it can assume (and the roles those can assume), functions it can invoke (through resource policies, or
 * through its identity policies, decided on demand) and the roles those functions run as, routes it can call and
 * what they invoke, and every capability of every principal reached.
 *
 * <p>Each reached node comes with its best path: fewest non-ALLOWED edges first (an ALLOWED path beats a CONDITIONAL
 * one), then fewest edges. DENIED edges are not followed.
 *
 * <p>Running time: a Dijkstra-style search, O((V + E) log V) over the reachable part of the graph, plus one
 * evaluation per function or IAM route a reached lambda/execute-api capability covers.
 */
public final class CanReach {
    private CanReach() {
    }

    /**
     * One thing reached.
     *
     * @param id the node id
     * @param label its label
     * @param kind its kind
     * @param status the weakest status along its best path
     * @param adminEquivalent for roles and users: whether it is admin-equivalent; for capabilities, whether the
     *     capability gives admin-equivalent access
     * @param path the best path from the principal
     */
    public record Reached(String id, String label, NodeKind kind, EdgeStatus status, boolean adminEquivalent,
            List<AccessEdge> path) {
        public Reached {
            path = List.copyOf(path);
        }
    }

    /**
     * The answer.
     *
     * @param principal the principal asked about
     * @param roles roles reached (by assuming them, or as the execution role of a reached function)
     * @param functions functions, aliases and versions reached
     * @param routes routes reached
     * @param capabilities capabilities of every principal reached
     * @param adminReachable whether any reached role or capability is admin-equivalent
     */
    public record Result(String principal, List<Reached> roles, List<Reached> functions, List<Reached> routes,
            List<Reached> capabilities, boolean adminReachable) {
        public Result {
            roles = List.copyOf(roles);
            functions = List.copyOf(functions);
            routes = List.copyOf(routes);
            capabilities = List.copyOf(capabilities);
        }
    }

    /**
     * Answers the question.
     *
     * @param graph the access graph
     * @param run the analysis run of the same snapshot (for identity-based invocations)
     * @param principalArn a role, user, account root ({@code arn:aws:iam::ACCOUNT:root}) or synthetic caller id
     *     ({@code internet}, {@code aws:any-principal}, a service principal)
     * @throws IllegalArgumentException when the graph has no such node
     */
    public static Result of(AccessGraph graph, AnalysisRun run, String principalArn) {
        Objects.requireNonNull(principalArn, "principalArn");
        Node start = graph.node(principalArn).orElseThrow(() -> new IllegalArgumentException(
                "no principal " + principalArn + " in the access graph of account " + graph.accountId()));
        Map<String, Entry> best = new HashMap<>();
        PriorityQueue<Entry> queue = new PriorityQueue<>(Comparator.comparingInt((Entry e) -> e.cost).thenComparingInt(e -> e.path.size()));
        Entry first = new Entry(start.id(), new ArrayList<>(), 0);
        best.put(start.id(), first);
        queue.add(first);
        Map<String, List<AccessEdge>> derived = new HashMap<>();
        while (!queue.isEmpty()) {
            Entry here = queue.poll();
            if (best.get(here.id) != here) {
                continue;
            }
            Node node = graph.node(here.id).orElse(null);
            if (node == null) {
                continue;
            }
            List<AccessEdge> out = new ArrayList<>();
            for (AccessEdge e : graph.outgoing(here.id)) {
                if (follow(e)) {
                    out.add(e);
                }
            }
            if (node.kind() == NodeKind.CAPABILITY && run != null && !here.path.isEmpty()) {
                String principal = here.path.get(here.path.size() - 1).sourceId();
                for (Node target : DerivedEdges.targetsOf(graph, node)) {
                    List<AccessEdge> cached = derived.computeIfAbsent(principal + "|" + target.id(), k -> {
                        AccessEdge d = DerivedEdges.derive(graph, run, principal, target);
                        return d == null ? List.of() : List.of(d);
                    });
                    for (AccessEdge d : cached) {
                        if (d.status() != EdgeStatus.DENIED) {
                            out.add(d);
                        }
                    }
                }
            }
            for (AccessEdge e : out) {
                String next = e.targetId();
                int cost = here.cost + (e.status() == EdgeStatus.ALLOWED ? 0 : 1);
                Entry known = best.get(next);
                List<AccessEdge> path = new ArrayList<>(here.path);
                path.add(e); // a derived edge starts at the principal that holds the capability
                if (known == null || cost < known.cost || (cost == known.cost && path.size() < known.path.size())) {
                    Entry entry = new Entry(next, path, cost);
                    best.put(next, entry);
                    queue.add(entry);
                }
            }
        }
        List<Reached> roles = new ArrayList<>();
        List<Reached> functions = new ArrayList<>();
        List<Reached> routes = new ArrayList<>();
        List<Reached> capabilities = new ArrayList<>();
        boolean admin = false;
        for (Entry e : best.values()) {
            if (e.id.equals(start.id())) {
                continue;
            }
            Node n = graph.node(e.id).orElse(null);
            if (n == null) {
                continue;
            }
            boolean isAdmin = n.flag(Node.ADMIN_EQUIVALENT) || (!e.path.isEmpty()
                    && "true".equals(e.path.get(e.path.size() - 1).attribute(AccessEdge.ADMIN_EQUIVALENT)));
            Reached r = new Reached(n.id(), n.label(), n.kind(), Step.status(e.path), isAdmin, e.path);
            switch (n.kind()) {
                case IAM_ROLE:
                case IAM_USER:
                    roles.add(r);
                    admin |= isAdmin;
                    break;
                case LAMBDA_FUNCTION:
                case LAMBDA_ALIAS:
                case LAMBDA_VERSION:
                    functions.add(r);
                    break;
                case API_ROUTE:
                    routes.add(r);
                    break;
                case CAPABILITY:
                    capabilities.add(r);
                    admin |= isAdmin;
                    break;
                default:
                    break;
            }
        }
        Comparator<Reached> order = Comparator.comparingInt((Reached r) -> Step.rank(r.status())).thenComparing(Reached::id);
        roles.sort(order);
        functions.sort(order);
        routes.sort(order);
        capabilities.sort(order);
        return new Result(start.id(), roles, functions, routes, capabilities, admin);
    }

    private static boolean follow(AccessEdge e) {
        if (e.status() == EdgeStatus.DENIED) {
            return false;
        }
        switch (e.type()) {
            case CAN_ASSUME:
            case CAN_PERFORM:
            case CAN_INVOKE:
            case CALLS_ROUTE:
            case CALLS_FUNCTION_URL:
            case INVOKES:
            case INVOKES_VIA_ROLE:
            case RESOLVES_TO:
            case RUNS_AS:
            case MEMBER_OF:
                return true;
            default:
                return false;
        }
    }

    /** A node reached, with its best path so far and the number of non-ALLOWED edges on it. */
    private static final class Entry {
        final String id;
        final List<AccessEdge> path;
        final int cost;

        Entry(String id, List<AccessEdge> path, int cost) {
            this.id = id;
            this.path = path;
            this.cost = cost;
        }
    }
}
