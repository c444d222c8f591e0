package dev.iamatlas.model.query;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.rules.AnalysisRun;
import dev.iamatlas.model.rules.LambdaArns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who can invoke a function: every caller, and the path by which it reaches the function or one of its qualifiers
 * (aliases, versions, function URLs), with the path's status (the weakest of its edges).
 *
 * <p>The search walks the graph backwards from the function and its qualifiers — through routes and authorizers
 * that invoke them, principals a resource policy names, roles that can be assumed, and functions whose execution
 * role can invoke — and adds the principals of the account whose identity policies allow
 * {@code lambda:InvokeFunction} on them (decided on demand, see {@link AccessEdge#derived()}). Every node on a path
 * that can act on its own (a caller, a user, a role) is reported as a caller.
 *
 * <p>Running time: a bounded depth-first search, at most {@link #MAX_DEPTH} edges deep and {@link #MAX_PATHS}
 * paths; each step is linear in the node's incoming edges. The identity-based callers cost one evaluation per
 * principal holding a matching capability.
 */
public final class WhoCanInvoke {
    /** The longest path considered, in edges. */
    public static final int MAX_DEPTH = 8;
    /** The most caller paths returned. */
    public static final int MAX_PATHS = 500;

    private WhoCanInvoke() {
    }

    /**
     * The answer.
     *
     * @param function the function ARN asked about (unqualified)
     * @param targets the node ids searched from: the function, its aliases, versions and URLs
     * @param callers each caller with one path, best status first, then shortest
     * @param truncated whether {@link #MAX_PATHS} cut the search short
     */
    public record Result(String function, List<String> targets, List<CallerPath> callers, boolean truncated) {
        public Result {
            targets = List.copyOf(targets);
            callers = List.copyOf(callers);
        }
    }

    /**
     * One caller and how it gets there.
     *
     * @param callerId the caller's node id (ARN or synthetic id such as {@code internet})
     * @param label its label
     * @param kind its kind
     * @param status the weakest status along the path
     * @param path the edges from the caller to the function or qualifier, in order (derived edges included)
     */
    public record CallerPath(String callerId, String label, NodeKind kind, EdgeStatus status, List<AccessEdge> path) {
        public CallerPath {
            path = List.copyOf(path);
        }

        /** The ids of the path's edges. */
        public List<String> edgeIds() {
            List<String> out = new ArrayList<>();
            path.forEach(e -> out.add(e.id()));
            return out;
        }
    }

    /**
     * Answers the question.
     *
     * @param graph the access graph
     * @param run the analysis run of the same snapshot (for the identity-based callers)
     * @param functionArn the function, qualified or not (a qualified ARN searches from that qualifier only)
     * @param includeDenied whether DENIED edges may be followed (to see broken paths)
     * @throws IllegalArgumentException when the graph has no such function
     */
    public static Result of(AccessGraph graph, AnalysisRun run, String functionArn, boolean includeDenied) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(functionArn, "functionArn");
        LambdaArns.FunctionArn arn = LambdaArns.parse(functionArn);
        if (arn == null || !graph.contains(functionArn)) {
            throw new IllegalArgumentException("no function " + functionArn + " in the access graph of account "
                    + graph.accountId());
        }
        List<String> targets = new ArrayList<>();
        targets.add(functionArn);
        if (arn.qualifier() == null) {
            for (Node n : graph.nodes()) {
                if (functionArn.equals(n.groupId()) && (n.kind() == NodeKind.LAMBDA_ALIAS
                        || n.kind() == NodeKind.LAMBDA_VERSION)) {
                    targets.add(n.id());
                }
            }
        }
        Search search = new Search(graph, run, includeDenied);
        for (String t : targets) {
            search.from(t);
        }
        List<CallerPath> callers = new ArrayList<>(search.found.values());
        callers.sort(Comparator.comparingInt((CallerPath c) -> Step.rank(c.status())).thenComparingInt(c -> c.path().size())
                .thenComparing(CallerPath::callerId));
        return new Result(functionArn, targets, callers, search.truncated);
    }

    /** A backward search that keeps, per caller, its best path. */
    private static final class Search {
        private final AccessGraph graph;
        private final AnalysisRun run;
        private final boolean includeDenied;
        private final Map<String, CallerPath> found = new HashMap<>();
        private final Map<String, List<AccessEdge>> derivedInto = new HashMap<>();
        private int paths;
        private boolean truncated;

        Search(AccessGraph graph, AnalysisRun run, boolean includeDenied) {
            this.graph = graph;
            this.run = run;
            this.includeDenied = includeDenied;
        }

        void from(String target) {
            walk(target, new ArrayList<>(), new LinkedHashSet<>(List.of(target)));
        }

        private List<AccessEdge> into(String id) {
            List<AccessEdge> edges = new ArrayList<>(graph.incoming(id));
            Node n = graph.node(id).orElse(null);
            if (run != null && n != null && (n.kind() == NodeKind.LAMBDA_FUNCTION || n.kind() == NodeKind.LAMBDA_ALIAS
                    || n.kind() == NodeKind.LAMBDA_VERSION || n.kind() == NodeKind.API_ROUTE
                    || n.kind() == NodeKind.IAM_ROLE)) {
                edges.addAll(derivedInto.computeIfAbsent(id, k -> DerivedEdges.identityCallers(graph, run, k)));
            }
            return edges;
        }

        private void walk(String id, List<AccessEdge> suffix, Set<String> onPath) {
            if (paths >= MAX_PATHS) {
                truncated = true;
                return;
            }
            for (AccessEdge e : into(id)) {
                if (!followable(e) || onPath.contains(e.sourceId())) {
                    continue;
                }
                List<AccessEdge> path = new ArrayList<>();
                path.add(e);
                path.addAll(suffix);
                Node source = graph.node(e.sourceId()).orElse(null);
                if (source == null) {
                    continue;
                }
                if (isCaller(source)) {
                    record(source, path);
                }
                if (path.size() < MAX_DEPTH) {
                    onPath.add(source.id());
                    walk(source.id(), path, onPath);
                    onPath.remove(source.id());
                }
            }
        }

        private boolean followable(AccessEdge e) {
            if (e.status() == EdgeStatus.DENIED && !includeDenied) {
                return false;
            }
            return e.type() != EdgeType.GUARDED_BY && e.type() != EdgeType.MEMBER_OF
                    && e.type() != EdgeType.USES_CREDENTIALS_ROLE && e.type() != EdgeType.CAN_PERFORM;
        }

        private static boolean isCaller(Node n) {
            return n.kind().tier() == NodeKind.Tier.CALLER || n.kind() == NodeKind.IAM_ROLE;
        }

        private void record(Node caller, List<AccessEdge> path) {
            paths++;
            CallerPath candidate = new CallerPath(caller.id(), caller.label(), caller.kind(), Step.status(path), path);
            CallerPath best = found.get(caller.id());
            if (best == null || Step.rank(candidate.status()) < Step.rank(best.status())
                    || (candidate.status() == best.status() && candidate.path().size() < best.path().size())) {
                found.put(caller.id(), candidate);
            }
        }
    }

    /** The ids of the callers in a result, for tests and quick checks. */
    public static Set<String> callerIds(Result result) {
        Set<String> out = new HashSet<>();
        result.callers().forEach(c -> out.add(c.callerId()));
        return out;
    }
}
