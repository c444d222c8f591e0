package dev.iamatlas.app.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import dev.iamatlas.model.findings.Severity;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable diagram: nodes, the edges between them, and the groups nodes can be folded into. It knows nothing
 * of where it came from (a snapshot's configuration or the evaluated access graph) nor of positions; see
 * {@link DiagramLayout} for those.
 *
 * <p>Lookups by id are O(1); {@link #outgoing(String)} and {@link #incoming(String)} return unmodifiable lists.
 */
public final class Diagram {
    private static final Diagram EMPTY = new Builder().build();

    private final Map<String, DiagramNode> nodes;
    private final Map<String, DiagramEdge> edges;
    private final Map<String, DiagramGroup> groups;
    private final Map<String, List<DiagramEdge>> outgoing;
    private final Map<String, List<DiagramEdge>> incoming;

    private Diagram(Builder builder) {
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.nodes));
        this.edges = Collections.unmodifiableMap(new LinkedHashMap<>(builder.edges));
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(builder.groups));
        Map<String, List<DiagramEdge>> out = new HashMap<>();
        Map<String, List<DiagramEdge>> in = new HashMap<>();
        for (DiagramEdge edge : edges.values()) {
            out.computeIfAbsent(edge.source(), k -> new ArrayList<>()).add(edge);
            in.computeIfAbsent(edge.target(), k -> new ArrayList<>()).add(edge);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        in.replaceAll((k, v) -> List.copyOf(v));
        this.outgoing = out;
        this.incoming = in;
    }

    /** A diagram with nothing in it. */
    public static Diagram empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The nodes, in the order they were added. */
    public Collection<DiagramNode> nodes() {
        return nodes.values();
    }

    /** The edges, in the order they were added. */
    public Collection<DiagramEdge> edges() {
        return edges.values();
    }

    /** The groups, in the order they were added. */
    public Collection<DiagramGroup> groups() {
        return groups.values();
    }

    public Optional<DiagramNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<DiagramEdge> edge(String id) {
        return Optional.ofNullable(edges.get(id));
    }

    public Optional<DiagramGroup> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    public boolean containsNode(String id) {
        return nodes.containsKey(id);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int edgeCount() {
        return edges.size();
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** Edges that start at the node; empty when it has none or does not exist. */
    public List<DiagramEdge> outgoing(String nodeId) {
        return outgoing.getOrDefault(nodeId, List.of());
    }

    /** Edges that end at the node; empty when it has none or does not exist. */
    public List<DiagramEdge> incoming(String nodeId) {
        return incoming.getOrDefault(nodeId, List.of());
    }

    /** The members of a group, in node order; empty for an unknown group. Runs in O(nodes). */
    public List<DiagramNode> members(String groupId) {
        List<DiagramNode> result = new ArrayList<>();
        for (DiagramNode node : nodes.values()) {
            if (groupId.equals(node.groupId())) {
                result.add(node);
            }
        }
        return result;
    }

    /**
     * Everything that can reach the given nodes and everything they can reach, following edge direction
     * (breadth first, O(nodes + edges)). The result includes the start nodes that exist.
     */
    public Set<String> reach(Collection<String> start) {
        Set<String> result = new LinkedHashSet<>();
        for (String id : start) {
            if (nodes.containsKey(id)) {
                result.add(id);
            }
        }
        result.addAll(walk(start, true));
        result.addAll(walk(start, false));
        return result;
    }

    private Set<String> walk(Collection<String> start, boolean downstream) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String id : start) {
            if (nodes.containsKey(id) && seen.add(id)) {
                queue.add(id);
            }
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (DiagramEdge edge : downstream ? outgoing(id) : incoming(id)) {
                String next = downstream ? edge.target() : edge.source();
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    /**
     * The edges of a shortest directed path from {@code from} to {@code to}, or, when there is none, from
     * {@code to} to {@code from}; empty when neither exists. Breadth first, O(nodes + edges).
     */
    public List<DiagramEdge> shortestPath(String from, String to) {
        List<DiagramEdge> forward = directedPath(from, to);
        return forward.isEmpty() ? directedPath(to, from) : forward;
    }

    private List<DiagramEdge> directedPath(String from, String to) {
        if (!nodes.containsKey(from) || !nodes.containsKey(to) || from.equals(to)) {
            return List.of();
        }
        Map<String, DiagramEdge> via = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>(List.of(from));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (DiagramEdge edge : outgoing(id)) {
                if (seen.add(edge.target())) {
                    via.put(edge.target(), edge);
                    if (edge.target().equals(to)) {
                        List<DiagramEdge> path = new ArrayList<>();
                        for (String at = to; !at.equals(from); at = via.get(at).source()) {
                            path.add(via.get(at));
                        }
                        Collections.reverse(path);
                        return path;
                    }
                    queue.add(edge.target());
                }
            }
        }
        return List.of();
    }

    /**
     * The diagram with each of the given groups folded into one node (id = group id) that takes over the
     * members' edges (when the diagram has a node with the group's id, such as a function whose aliases fold into
     * it, that node stands for the group); edges inside a group disappear, parallel edges that folding creates are merged (keeping the
     * most permissive status: ALLOWED over CONDITIONAL over DENIED) and drawn without a label (one arrow stands for
     * several links). Unknown group ids are ignored.
     */
    public Diagram collapse(Set<String> groupIds) {
        if (groupIds.isEmpty()) {
            return this;
        }
        Map<String, String> replacement = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Severity> alerts = new HashMap<>();
        for (DiagramNode node : nodes.values()) {
            String group = node.groupId();
            if (group != null && groupIds.contains(group) && groups.containsKey(group)) {
                counts.merge(group, 1, Integer::sum);
                if (node.alert() != null) {
                    alerts.merge(group, node.alert(), (a, c) -> a.compareTo(c) <= 0 ? a : c);
                }
            }
        }
        Builder b = new Builder();
        Set<String> added = new HashSet<>();
        for (DiagramNode node : nodes.values()) {
            String group = node.groupId();
            if (counts.containsKey(node.id()) && !added.contains(node.id())) {
                // The group is named after one of the diagram's own nodes (a function and its qualifiers): that
                // node stands for the folded group.
                added.add(node.id());
                int count = counts.get(node.id());
                Severity alert = worst(node.alert(), alerts.get(node.id()));
                String detail = (node.secondaryLabel() == null ? "" : node.secondaryLabel() + " · ") + "+" + count
                        + " folded";
                b.node(new DiagramNode(node.id(), node.kind(), node.label(), detail, node.groupId(), alert));
            } else if (group != null && counts.containsKey(group)) {
                replacement.put(node.id(), group);
                if (!nodes.containsKey(group) && added.add(group)) {
                    DiagramGroup g = groups.get(group);
                    int count = counts.get(group);
                    String detail = (g.secondaryLabel() == null ? "" : g.secondaryLabel() + " · ") + count
                            + (count == 1 ? " item" : " items") + " folded";
                    b.node(new DiagramNode(group, g.kind(), g.label(), detail, null, alerts.get(group)));
                }
            } else {
                b.node(node);
            }
        }
        for (DiagramGroup group : groups.values()) {
            if (!groupIds.contains(group.id())) {
                b.group(group);
            }
        }
        Map<String, DiagramEdge> merged = new LinkedHashMap<>();
        for (DiagramEdge edge : edges.values()) {
            String source = replacement.getOrDefault(edge.source(), edge.source());
            String target = replacement.getOrDefault(edge.target(), edge.target());
            if (source.equals(target)) {
                continue;
            }
            if (source.equals(edge.source()) && target.equals(edge.target())) {
                merged.put(edge.id(), edge);
                continue;
            }
            String key = source + "\u0000" + target + "\u0000" + edge.type();
            DiagramEdge previous = merged.get(key);
            if (previous == null || rank(edge) > rank(previous)) {
                merged.put(key, new DiagramEdge("folded:" + key.replace('\u0000', '>'), source, target, edge.type(),
                        edge.status(), ""));
            }
        }
        merged.values().forEach(b::edge);
        return b.build();
    }

    private static Severity worst(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static int rank(DiagramEdge edge) {
        return switch (edge.status()) {
            case ALLOWED -> 2;
            case CONDITIONAL -> 1;
            case DENIED -> 0;
        };
    }

    /** The diagram restricted to the given nodes and the edges between them; unknown ids are ignored. */
    public Diagram restrictTo(Set<String> nodeIds) {
        Builder b = new Builder();
        Set<String> usedGroups = new HashSet<>();
        for (DiagramNode node : nodes.values()) {
            if (nodeIds.contains(node.id())) {
                b.node(node);
                if (node.groupId() != null) {
                    usedGroups.add(node.groupId());
                }
            }
        }
        for (DiagramGroup group : groups.values()) {
            if (usedGroups.contains(group.id())) {
                b.group(group);
            }
        }
        for (DiagramEdge edge : edges.values()) {
            if (nodeIds.contains(edge.source()) && nodeIds.contains(edge.target())) {
                b.edge(edge);
            }
        }
        return b.build();
    }

    /** Builds a {@link Diagram}; rejects duplicate ids and edges between unknown nodes. */
    public static final class Builder {
        private final Map<String, DiagramNode> nodes = new LinkedHashMap<>();
        private final Map<String, DiagramEdge> edges = new LinkedHashMap<>();
        private final Map<String, DiagramGroup> groups = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a node. @throws IllegalArgumentException when a node with the same id was added before */
        public Builder node(DiagramNode node) {
            Objects.requireNonNull(node, "node");
            if (nodes.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("duplicate node id: " + node.id());
            }
            return this;
        }

        /** Adds the node unless one with the same id is there already. */
        public Builder nodeIfAbsent(DiagramNode node) {
            nodes.putIfAbsent(node.id(), Objects.requireNonNull(node, "node"));
            return this;
        }

        public boolean hasNode(String id) {
            return nodes.containsKey(id);
        }

        public boolean hasEdge(String id) {
            return edges.containsKey(id);
        }

        /**
         * Adds an edge between nodes added before.
         *
         * @throws IllegalArgumentException for a duplicate edge id or an unknown end
         */
        public Builder edge(DiagramEdge edge) {
            Objects.requireNonNull(edge, "edge");
            if (!nodes.containsKey(edge.source())) {
                throw new IllegalArgumentException("edge " + edge.id() + ": unknown source node " + edge.source());
            }
            if (!nodes.containsKey(edge.target())) {
                throw new IllegalArgumentException("edge " + edge.id() + ": unknown target node " + edge.target());
            }
            if (edges.putIfAbsent(edge.id(), edge) != null) {
                throw new IllegalArgumentException("duplicate edge id: " + edge.id());
            }
            return this;
        }

        public Builder group(DiagramGroup group) {
            groups.putIfAbsent(group.id(), Objects.requireNonNull(group, "group"));
            return this;
        }

        public Diagram build() {
            return new Diagram(this);
        }
    }
}
