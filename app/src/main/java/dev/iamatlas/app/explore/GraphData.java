package dev.iamatlas.app.explore;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A frozen copy of an access graph's nodes, edges and adjacency, taken when an exploration is built. The graph
 * itself is live (a what-if edit changes it from a worker thread) and not safe to read while it changes; its nodes
 * and edges are immutable, so holding them in these maps lets the inspector read an exploration on the UI thread
 * while the next edit runs. Taking it is linear in nodes plus edges.
 */
final class GraphData {
    private final String accountId;
    private final String partition;
    private final Map<String, Node> nodes;
    private final Map<String, AccessEdge> edges;
    private final Map<String, List<AccessEdge>> incoming;
    private final Map<String, List<AccessEdge>> outgoing;

    private GraphData(String accountId, String partition, Map<String, Node> nodes, Map<String, AccessEdge> edges,
            Map<String, List<AccessEdge>> incoming, Map<String, List<AccessEdge>> outgoing) {
        this.accountId = accountId;
        this.partition = partition;
        this.nodes = nodes;
        this.edges = edges;
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    /** Copies what the graph holds now. */
    static GraphData capture(AccessGraph graph) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Node node : graph.nodes()) {
            nodes.put(node.id(), node);
        }
        Map<String, AccessEdge> edges = new LinkedHashMap<>();
        Map<String, List<AccessEdge>> in = new HashMap<>();
        Map<String, List<AccessEdge>> out = new HashMap<>();
        List<AccessEdge> sorted = new ArrayList<>(graph.edges());
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        for (AccessEdge edge : sorted) {
            edges.put(edge.id(), edge);
            out.computeIfAbsent(edge.sourceId(), k -> new ArrayList<>()).add(edge);
            in.computeIfAbsent(edge.targetId(), k -> new ArrayList<>()).add(edge);
        }
        return new GraphData(graph.accountId(), graph.partition(), Collections.unmodifiableMap(nodes),
                Collections.unmodifiableMap(edges), in, out);
    }

    String accountId() {
        return accountId;
    }

    String partition() {
        return partition;
    }

    Map<String, Node> nodes() {
        return nodes;
    }

    Map<String, AccessEdge> edges() {
        return edges;
    }

    Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    Optional<AccessEdge> edge(String id) {
        return Optional.ofNullable(edges.get(id));
    }

    /** Edges into the node, sorted by id; empty for none. */
    List<AccessEdge> incoming(String id) {
        return incoming.getOrDefault(id, List.of());
    }

    /** Edges out of the node, sorted by id; empty for none. */
    List<AccessEdge> outgoing(String id) {
        return outgoing.getOrDefault(id, List.of());
    }

    /** A node's label, or the id itself when there is no such node. */
    String label(String id) {
        Node node = nodes.get(id);
        return node == null ? id : NodeText.label(node);
    }
}
