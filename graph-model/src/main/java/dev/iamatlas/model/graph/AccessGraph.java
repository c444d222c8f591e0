package dev.iamatlas.model.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.EdgeSetFactory;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.graph.MaskSubgraph;

/**
 * Who can reach what: a directed multigraph of {@link Node}s (value keys: ARNs and synthetic caller ids) and
 * {@link AccessEdge}s (identity objects carrying type, status and evidence), wrapping a JGraphT directed
 * pseudograph. Several edges may join the same two nodes (two rules, two reasons); self-loops are
 * allowed (a role that trusts itself).
 *
 * <p>Read access is for everyone: lookups by id, incoming and outgoing edges, and views instead of copies —
 * {@link #view()} (unmodifiable, for exporters), {@link #reversed()} ("who can reach this?"),
 * {@link #subgraph(Collection)} (a focused view) and {@link #filtered(Predicate)} (for example only working edges).
 * Views are live: they show later changes. Changes go through {@link GraphWriter}, which only the analysis engine
 * uses.
 *
 * <p>Running times: lookups by id and {@link #outgoing}/{@link #incoming} are constant time (the returned sets are
 * live, unmodifiable views); creating a view is constant time.
 *
 * <p>Not thread-safe for writing; reading from several threads is safe while nobody writes.
 */
public final class AccessGraph {
    private final String accountId;
    private final String partition;
    private final Graph<Node, AccessEdge> graph = new Pseudograph();
    private final Graph<Node, AccessEdge> unmodifiable = new AsUnmodifiableGraph<>(graph);
    private final Map<String, Node> nodesById = new HashMap<>();
    private final Map<String, AccessEdge> edgesById = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * JGraphT's directed pseudograph (several edges between two nodes, self-loops), with the edges of each node in an
     * {@link EdgeSet}: removing an edge from a hub is constant time, not linear in the hub's degree. Without JGraphT's
     * index of the edges between each pair of nodes (its "fast lookup"): nothing here asks for the edges between two
     * given nodes (a node's edges are what the queries, detectors and exporters walk), and keeping that index would
     * cost a map entry per edge and a lookup per edge added or removed.
     */
    private static final class Pseudograph extends AbstractBaseGraph<Node, AccessEdge> {
        private static final long serialVersionUID = 1L;

        Pseudograph() {
            super(null, null, new DefaultGraphType.Builder().directed().allowMultipleEdges(true).allowSelfLoops(true)
                    .weighted(false).build(), new HubFriendlyStrategy());
        }
    }

    /** JGraphT's default specifics, with {@link EdgeSet}s. */
    private static final class HubFriendlyStrategy extends DefaultGraphSpecificsStrategy<Node, AccessEdge> {
        private static final long serialVersionUID = 1L;

        @Override
        public EdgeSetFactory<Node, AccessEdge> getEdgeSetFactory() {
            return vertex -> new EdgeSet<>();
        }
    }

    /**
     * An empty graph for one account.
     *
     * @param accountId the analysed account
     * @param partition its partition, such as {@code aws}
     */
    public AccessGraph(String accountId, String partition) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.partition = Objects.requireNonNull(partition, "partition");
    }

    /** The analysed account. */
    public String accountId() {
        return accountId;
    }

    /** The analysed account's partition. */
    public String partition() {
        return partition;
    }

    /** The node with this id, or empty. Constant time. */
    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodesById.get(id));
    }

    /**
     * The node with this id.
     *
     * @throws IllegalArgumentException naming the id when there is no such node
     */
    public Node requireNode(String id) {
        Node node = nodesById.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node with id " + id + " in the access graph of account " + accountId);
        }
        return node;
    }

    /** Whether a node has this id. */
    public boolean contains(String id) {
        return nodesById.containsKey(id);
    }

    /** Every node, in insertion order; a live, unmodifiable view. */
    public Set<Node> nodes() {
        return unmodifiable.vertexSet();
    }

    /** The nodes of one kind, sorted by id. Linear in the number of nodes. */
    public List<Node> nodes(NodeKind kind) {
        return graph.vertexSet().stream().filter(n -> n.kind() == kind)
                .sorted((a, b) -> a.id().compareTo(b.id())).collect(Collectors.toList());
    }

    /** Every edge; a live, unmodifiable view. */
    public Set<AccessEdge> edges() {
        return unmodifiable.edgeSet();
    }

    /** The edge with this id, or empty. Constant time. */
    public Optional<AccessEdge> edge(String id) {
        return Optional.ofNullable(edgesById.get(id));
    }

    /** Edges leaving the node; empty when there is no such node. Live and unmodifiable. */
    public Set<AccessEdge> outgoing(String nodeId) {
        Node node = nodesById.get(nodeId);
        return node == null ? Set.of() : unmodifiable.outgoingEdgesOf(node);
    }

    /** Edges entering the node; empty when there is no such node. Live and unmodifiable. */
    public Set<AccessEdge> incoming(String nodeId) {
        Node node = nodesById.get(nodeId);
        return node == null ? Set.of() : unmodifiable.incomingEdgesOf(node);
    }

    /** The node an edge starts at. */
    public Node source(AccessEdge edge) {
        return graph.getEdgeSource(edge);
    }

    /** The node an edge points to. */
    public Node target(AccessEdge edge) {
        return graph.getEdgeTarget(edge);
    }

    /** The whole graph as an unmodifiable JGraphT graph, for exporters and algorithms. A live view. */
    public Graph<Node, AccessEdge> view() {
        return unmodifiable;
    }

    /** The graph with every edge reversed, answering "who can reach this?" by forward traversal. A live view. */
    public Graph<Node, AccessEdge> reversed() {
        return new EdgeReversedGraph<>(unmodifiable);
    }

    /**
     * The subgraph induced by the given node ids (unknown ids are ignored): those nodes and every edge between them.
     * A live view; creating it is linear in the number of ids and their edges.
     */
    public Graph<Node, AccessEdge> subgraph(Collection<String> nodeIds) {
        Set<Node> vertices = new LinkedHashSet<>();
        for (String id : nodeIds) {
            Node node = nodesById.get(id);
            if (node != null) {
                vertices.add(node);
            }
        }
        return new AsSubgraph<>(unmodifiable, vertices);
    }

    /** All nodes, and only the edges {@code keep} accepts (for example ALLOWED and CONDITIONAL ones). A live view. */
    public Graph<Node, AccessEdge> filtered(Predicate<AccessEdge> keep) {
        Objects.requireNonNull(keep, "keep");
        return new MaskSubgraph<>(unmodifiable, v -> false, e -> !keep.test(e));
    }

    /**
     * Notes about the analysis as a whole, such as "Organizations could not be read: SCPs may further restrict
     * every principal" or "lambda us-west-2 ListFunctions: AccessDenied". Unmodifiable.
     */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    // ---- changes, through GraphWriter ----

    /** Adds a node, or replaces the node with the same id (keeping its edges) when its definition differs. */
    void putNode(Node node) {
        Node old = nodesById.get(node.id());
        if (old == null) {
            graph.addVertex(node);
            nodesById.put(node.id(), node);
            return;
        }
        if (old.sameDefinition(node)) {
            return;
        }
        Set<AccessEdge> edges = new LinkedHashSet<>(graph.outgoingEdgesOf(old));
        edges.addAll(graph.incomingEdgesOf(old));
        List<Object[]> ends = new ArrayList<>(edges.size());
        for (AccessEdge e : edges) {
            ends.add(new Object[] {e, graph.getEdgeSource(e).id(), graph.getEdgeTarget(e).id()});
        }
        graph.removeVertex(old);
        graph.addVertex(node);
        nodesById.put(node.id(), node);
        for (Object[] end : ends) {
            graph.addEdge(nodesById.get((String) end[1]), nodesById.get((String) end[2]), (AccessEdge) end[0]);
        }
    }

    /** Removes a node and its edges; nothing when absent. */
    void removeNode(String id) {
        Node node = nodesById.remove(id);
        if (node != null) {
            for (AccessEdge e : new ArrayList<>(graph.edgesOf(node))) {
                edgesById.remove(e.id());
            }
            graph.removeVertex(node);
        }
    }

    /** Adds an edge between existing nodes. */
    void addEdge(AccessEdge edge) {
        Node source = nodesById.get(edge.sourceId());
        Node target = nodesById.get(edge.targetId());
        if (source == null || target == null) {
            throw new IllegalStateException("edge " + edge.id() + " joins a node that is not in the graph");
        }
        AccessEdge previous = edgesById.putIfAbsent(edge.id(), edge);
        if (previous != null) {
            throw new IllegalStateException("two edges have the id " + edge.id());
        }
        graph.addEdge(source, target, edge);
    }

    /** Removes an edge; nothing when absent. */
    void removeEdge(AccessEdge edge) {
        if (edgesById.remove(edge.id(), edge)) {
            graph.removeEdge(edge);
        }
    }

    void setNotes(List<String> values) {
        notes.clear();
        notes.addAll(values);
    }
}
