package dev.iamatlas.model.query;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * Every simple path between two nodes, bounded: at most {@code maxEdges} edges long and at most {@code maxPaths}
 * paths. By default only ALLOWED and CONDITIONAL edges are followed (a view of the graph without DENIED edges);
 * broken paths can be asked for too.
 *
 * <p>Running time: a depth-first search on a filtered view of the graph; in the worst case exponential in
 * {@code maxEdges}, cut off after {@code maxPaths} paths.
 */
public final class Paths {
    /** The default longest path, in edges. */
    public static final int DEFAULT_MAX_EDGES = 8;
    /** The default most paths. */
    public static final int DEFAULT_MAX_PATHS = 100;

    private Paths() {
    }

    /**
     * One path.
     *
     * @param edges the edges, in order from {@code from} to {@code to}
     * @param status the weakest status along it
     */
    public record Path(List<AccessEdge> edges, EdgeStatus status) {
        public Path {
            edges = List.copyOf(edges);
        }

        /** The node ids along the path, {@code from} first. */
        public List<String> nodeIds() {
            List<String> out = new ArrayList<>();
            if (!edges.isEmpty()) {
                out.add(edges.get(0).sourceId());
            }
            edges.forEach(e -> out.add(e.targetId()));
            return out;
        }
    }

    /**
     * The answer.
     *
     * @param from the start node id
     * @param to the end node id
     * @param paths the paths, best status first, then shortest
     * @param truncated whether {@code maxPaths} cut the search short
     */
    public record Result(String from, String to, List<Path> paths, boolean truncated) {
        public Result {
            paths = List.copyOf(paths);
        }
    }

    /** Paths with the default bounds, over ALLOWED and CONDITIONAL edges. */
    public static Result between(AccessGraph graph, String from, String to) {
        return between(graph, from, to, DEFAULT_MAX_EDGES, DEFAULT_MAX_PATHS, false);
    }

    /**
     * Every simple path from {@code from} to {@code to}.
     *
     * @param includeDenied whether DENIED edges may be on a path
     * @throws IllegalArgumentException when a node is not in the graph, or a bound is not positive
     */
    public static Result between(AccessGraph graph, String from, String to, int maxEdges, int maxPaths,
            boolean includeDenied) {
        Objects.requireNonNull(graph, "graph");
        Node start = graph.node(from).orElseThrow(() -> new IllegalArgumentException("no node " + from + " in the graph"));
        Node end = graph.node(to).orElseThrow(() -> new IllegalArgumentException("no node " + to + " in the graph"));
        if (maxEdges < 1 || maxPaths < 1) {
            throw new IllegalArgumentException("maxEdges and maxPaths must be positive, got " + maxEdges + " and " + maxPaths);
        }
        Graph<Node, AccessEdge> view = includeDenied ? graph.view() : graph.filtered(e -> e.status() != EdgeStatus.DENIED);
        List<Path> out = new ArrayList<>();
        boolean[] truncated = {false};
        Set<Node> onPath = new HashSet<>();
        onPath.add(start);
        dfs(view, start, end, new ArrayList<>(), onPath, maxEdges, maxPaths, out, truncated);
        out.sort(Comparator.comparingInt((Path p) -> Step.rank(p.status())).thenComparingInt(p -> p.edges().size()));
        return new Result(from, to, out, truncated[0]);
    }

    private static void dfs(Graph<Node, AccessEdge> view, Node here, Node end, List<AccessEdge> path, Set<Node> onPath,
            int maxEdges, int maxPaths, List<Path> out, boolean[] truncated) {
        for (AccessEdge e : view.outgoingEdgesOf(here)) {
            if (out.size() >= maxPaths) {
                truncated[0] = true;
                return;
            }
            Node next = view.getEdgeTarget(e);
            if (onPath.contains(next)) {
                continue;
            }
            path.add(e);
            if (next.equals(end)) {
                out.add(new Path(path, Step.status(path)));
            } else if (path.size() < maxEdges) {
                onPath.add(next);
                dfs(view, next, end, path, onPath, maxEdges, maxPaths, out, truncated);
                onPath.remove(next);
            }
            path.remove(path.size() - 1);
        }
    }
}
