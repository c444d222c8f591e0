package dev.iamatlas.model.graph;

import java.util.List;
import java.util.Objects;

/**
 * Changes an {@link AccessGraph}. Only the analysis engine (which builds the graph from rule results and updates it
 * incrementally after an edit) writes graphs; everything else reads them. Not thread-safe.
 */
public final class GraphWriter {
    private final AccessGraph graph;

    private GraphWriter(AccessGraph graph) {
        this.graph = graph;
    }

    /** A writer for {@code graph}. */
    public static GraphWriter of(AccessGraph graph) {
        return new GraphWriter(Objects.requireNonNull(graph, "graph"));
    }

    /** Adds a node, or replaces the node with the same id, keeping its edges. Constant time plus its degree. */
    public void putNode(Node node) {
        graph.putNode(Objects.requireNonNull(node, "node"));
    }

    /** Removes a node and every edge touching it. */
    public void removeNode(String id) {
        graph.removeNode(id);
    }

    /**
     * Adds an edge between two nodes already in the graph.
     *
     * @throws IllegalStateException when an endpoint is missing or another edge has the same id
     */
    public void addEdge(AccessEdge edge) {
        graph.addEdge(Objects.requireNonNull(edge, "edge"));
    }

    /** Removes an edge (this very object); nothing when it is not in the graph. */
    public void removeEdge(AccessEdge edge) {
        graph.removeEdge(edge);
    }

    /**
     * Keeps {@code kept}, an edge of the graph, in place of {@code newer}, an edge with the same content from a later
     * analysis ({@link AccessEdge#sameAs}: the caller has compared them): {@code kept} takes {@code newer}'s evidence
     * and explanation. Constant time, where removing one edge and adding the other is linear in the degree of their
     * nodes.
     */
    public void keep(AccessEdge kept, AccessEdge newer) {
        Objects.requireNonNull(kept, "kept").adopt(Objects.requireNonNull(newer, "newer"));
    }

    /** Replaces the graph-level notes. */
    public void setNotes(List<String> notes) {
        graph.setNotes(notes);
    }
}
