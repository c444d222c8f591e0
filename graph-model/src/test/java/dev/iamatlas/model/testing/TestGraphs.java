package dev.iamatlas.model.testing;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.rules.AccessEngine;
import dev.iamatlas.model.rules.AccessRule;
import dev.iamatlas.model.rules.AnalysisServices;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.util.List;
import java.util.stream.Collectors;

/** Builds graphs for tests and finds edges in them. */
public final class TestGraphs {
    private static final AnalysisServices SERVICES = new AnalysisServices();

    private TestGraphs() {
    }

    /** The graph of a snapshot built with every rule, on one thread. */
    public static AccessGraph build(AccountSnapshot snapshot) {
        AccessEngine engine = new AccessEngine(SERVICES, 1);
        try {
            return engine.build(snapshot);
        } finally {
            engine.close();
        }
    }

    /** The graph of a snapshot built with one rule only. */
    public static AccessGraph build(AccountSnapshot snapshot, AccessRule rule) {
        AccessEngine engine = new AccessEngine(List.of(rule), SERVICES, 1);
        try {
            return engine.build(snapshot);
        } finally {
            engine.close();
        }
    }

    /** The edges of a type between two nodes. */
    public static List<AccessEdge> edges(AccessGraph graph, EdgeType type, String from, String to) {
        return graph.outgoing(from).stream().filter(e -> e.type() == type && e.targetId().equals(to))
                .collect(Collectors.toList());
    }

    /**
     * The one edge of a type between two nodes.
     *
     * @throws AssertionError naming the edges there are when there is not exactly one
     */
    public static AccessEdge edge(AccessGraph graph, EdgeType type, String from, String to) {
        List<AccessEdge> found = edges(graph, type, from, to);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " edge " + from + " -> " + to + ", found " + found.size()
                    + "; edges from " + from + ": " + graph.outgoing(from));
        }
        return found.get(0);
    }

    /** The edges of a type, anywhere. */
    public static List<AccessEdge> edgesOfType(AccessGraph graph, EdgeType type) {
        return graph.edges().stream().filter(e -> e.type() == type).collect(Collectors.toList());
    }
}
