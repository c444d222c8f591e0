package dev.iamatlas.app.explore;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramEdge;
import dev.iamatlas.app.diagram.DiagramGroup;
import dev.iamatlas.app.diagram.DiagramNode;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.NodeIds;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which part of a diagram to show. A small account is shown whole; a large one (the synthetic account has 70,000
 * nodes) cannot be laid out or read at once, so the app and the headless export start from a filtered view of at
 * most a few thousand nodes and let search, focus and the navigator reveal the rest.
 *
 * <p>Views, each capped at a number of nodes:
 * <ul>
 *   <li>{@link Kind#ALL}: everything;</li>
 *   <li>{@link Kind#FINDINGS}: the paths of the findings, most severe first, whole findings only;</li>
 *   <li>{@link Kind#INTERNET}: what the Internet reaches, breadth first over working links (a broken link's target
 *   is shown, not followed);</li>
 *   <li>{@link Kind#AROUND}: one node's upstream and downstream reach, nearest first;</li>
 *   <li>{@link Kind#DEFAULT}: what to look at first: everything for a small account (up to {@value #SMALL}
 *   nodes); else the most severe findings' paths (up to {@value #FIRST_LOOK} nodes: what is wrong, compact and
 *   readable) when there are findings; else
 *   everything when it fits, else the Internet's reach.</li>
 * </ul>
 * All run in time linear in the part of the diagram they visit.
 */
public final class ViewSelection {
    /** Up to this many nodes, the default view is the whole account. */
    public static final int SMALL = 40;
    /**
     * The default view of a large account shows the most severe findings' paths up to this many nodes: what one can
     * take in at first; the Findings view shows them all (up to its own budget).
     */
    public static final int FIRST_LOOK = 300;
    /** How many nodes a view shows at most unless told otherwise: the canvas stays fluid at this size. */
    public static final int DEFAULT_MAX_NODES = 1500;

    /** The kinds of view. */
    public enum Kind { DEFAULT, ALL, FINDINGS, INTERNET, AROUND }

    /**
     * A view.
     *
     * @param kind what it shows
     * @param nodeId for {@link Kind#AROUND}, the node; else null
     */
    public record View(Kind kind, String nodeId) {
        public View {
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.AROUND) {
                Objects.requireNonNull(nodeId, "nodeId");
            }
        }

        public static final View DEFAULT = new View(Kind.DEFAULT, null);
        public static final View ALL = new View(Kind.ALL, null);
        public static final View FINDINGS = new View(Kind.FINDINGS, null);
        public static final View INTERNET = new View(Kind.INTERNET, null);

        public static View around(String nodeId) {
            return new View(Kind.AROUND, nodeId);
        }

        /**
         * Reads a view as the command line writes it: {@code default}, {@code all}, {@code findings},
         * {@code internet}, or {@code around:NODE_ID} (a node id is an ARN or a synthetic id such as
         * {@code internet}).
         *
         * @throws IllegalArgumentException naming the value and the accepted ones
         */
        public static View parse(String text) {
            Objects.requireNonNull(text, "text");
            String t = text.strip();
            if (t.toLowerCase(Locale.ROOT).startsWith("around:") && t.length() > 7) {
                return around(t.substring(7));
            }
            return switch (t.toLowerCase(Locale.ROOT)) {
                case "default" -> DEFAULT;
                case "all" -> ALL;
                case "findings" -> FINDINGS;
                case "internet" -> INTERNET;
                default -> throw new IllegalArgumentException("unknown view '" + text + "' (use default, all,"
                        + " findings, internet or around:NODE_ID)");
            };
        }

        /** A few words for a status line, such as "the findings' paths". */
        public String describe() {
            return switch (kind) {
                case DEFAULT -> "the default view";
                case ALL -> "everything";
                case FINDINGS -> "the findings' paths";
                case INTERNET -> "what the Internet reaches";
                case AROUND -> "the reach of " + nodeId;
            };
        }
    }

    /** Above this many nodes after folding qualifiers and capabilities, APIs start folded too. */
    public static final int FOLD_APIS_ABOVE = 90;

    private ViewSelection() {
    }

    /**
     * What starts folded, in the app and in exports: nothing when at most {@value #SMALL} nodes are shown; else each
     * function's aliases, versions and URLs into the function, capabilities by service, and, when that still leaves
     * more than {@value #FOLD_APIS_ABOVE} nodes, each API's routes into the API. A finding's path, a search or a double-click unfolds what it needs.
     *
     * @param shown the nodes shown, or null for all
     */
    public static Set<String> defaultFolding(Diagram diagram, Set<String> shown) {
        Set<String> folded = new LinkedHashSet<>();
        Diagram visible = shown == null ? diagram : diagram.restrictTo(shown);
        if (visible.nodeCount() <= SMALL) {
            return folded;
        }
        Set<String> apis = new LinkedHashSet<>();
        for (DiagramGroup group : diagram.groups()) {
            switch (group.kind()) {
                case CAPABILITY, LAMBDA_FUNCTION -> folded.add(group.id());
                case REST_API, HTTP_API -> apis.add(group.id());
                default -> {
                }
            }
        }
        if (visible.collapse(folded).nodeCount() > FOLD_APIS_ABOVE) {
            folded.addAll(apis);
        }
        return folded;
    }

    /**
     * The nodes a view shows.
     *
     * @return the node ids, or null for the whole diagram (only when it has at most {@code maxNodes} nodes or the
     *     view is {@link Kind#ALL})
     */
    public static Set<String> nodes(Diagram diagram, List<FindingRow> findings, View view, int maxNodes) {
        Objects.requireNonNull(diagram, "diagram");
        Objects.requireNonNull(view, "view");
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be at least 1: " + maxNodes);
        }
        return switch (view.kind()) {
            case ALL -> null;
            case FINDINGS -> findings(diagram, findings, maxNodes);
            case INTERNET -> internet(diagram, maxNodes);
            case AROUND -> around(diagram, view.nodeId(), maxNodes);
            case DEFAULT -> {
                if (diagram.nodeCount() <= SMALL) {
                    yield null;
                }
                Set<String> nodes = findings(diagram, findings, Math.min(maxNodes, FIRST_LOOK));
                if (!nodes.isEmpty()) {
                    yield nodes;
                }
                yield diagram.nodeCount() <= maxNodes ? null : internet(diagram, maxNodes);
            }
        };
    }

    /**
     * The diagram nodes behind some boxes of a laid-out diagram (the part of the canvas the window shows, say): a
     * box that is a node stands for itself; a box that is a group (folded: an API, an account's roles, a service's
     * capabilities, a function with its aliases) stands for its members, those in {@code shown} when that is not
     * null. A function's aliases, versions and URLs come with the function even when its group is not folded. Ids the
     * diagram does not know are ignored. Linear in the diagram's nodes.
     *
     * @param boxIds ids of laid-out boxes
     * @param shown the nodes the view shows, or null for all
     * @return node ids of {@code diagram}, in diagram order
     */
    public static Set<String> unfold(Diagram diagram, Collection<String> boxIds, Set<String> shown) {
        Objects.requireNonNull(diagram, "diagram");
        Set<String> wanted = Set.copyOf(boxIds);
        Set<String> nodes = new LinkedHashSet<>();
        for (DiagramNode node : diagram.nodes()) {
            boolean inView = shown == null || shown.contains(node.id());
            if (wanted.contains(node.id()) || inView && node.groupId() != null && wanted.contains(node.groupId())) {
                nodes.add(node.id());
            }
        }
        return nodes;
    }

    /** The nodes on the findings' paths (and the resources they are about), most severe first, whole findings. */
    public static Set<String> findings(Diagram diagram, List<FindingRow> findings, int maxNodes) {
        Set<String> nodes = new LinkedHashSet<>();
        List<FindingRow> sorted = findings.stream()
                .sorted((a, b) -> Integer.compare(b.severityRank(), a.severityRank())).toList();
        for (FindingRow finding : sorted) {
            Set<String> mine = new LinkedHashSet<>();
            for (String edgeId : finding.pathEdgeIds()) {
                diagram.edge(edgeId).ifPresent(e -> {
                    mine.add(e.source());
                    mine.add(e.target());
                });
            }
            if (finding.resourceArn() != null && diagram.containsNode(finding.resourceArn())) {
                String resource = finding.resourceArn();
                mine.add(resource);
                if (finding.pathEdgeIds().isEmpty()) {
                    diagram.incoming(resource).stream().limit(3).forEach(e -> mine.add(e.source()));
                }
            }
            mine.removeAll(nodes);
            if (nodes.size() + mine.size() <= maxNodes) {
                nodes.addAll(mine);
            }
            if (nodes.size() >= maxNodes) {
                break;
            }
        }
        return nodes;
    }

    /** What the Internet reaches over working links, breadth first; a broken link's target is shown, not followed. */
    public static Set<String> internet(Diagram diagram, int maxNodes) {
        Set<String> nodes = new LinkedHashSet<>();
        if (!diagram.containsNode(NodeIds.INTERNET)) {
            return nodes;
        }
        nodes.add(NodeIds.INTERNET);
        Deque<String> queue = new ArrayDeque<>(List.of(NodeIds.INTERNET));
        while (!queue.isEmpty() && nodes.size() < maxNodes) {
            String id = queue.poll();
            for (DiagramEdge edge : diagram.outgoing(id)) {
                if (nodes.size() >= maxNodes) {
                    break;
                }
                if (nodes.add(edge.target()) && edge.status() != EdgeStatus.DENIED) {
                    queue.add(edge.target());
                }
            }
        }
        return nodes;
    }

    /** A node and what it reaches and what reaches it, nearest first: half the budget each way. */
    public static Set<String> around(Diagram diagram, String nodeId, int maxNodes) {
        Set<String> nodes = new LinkedHashSet<>();
        if (!diagram.containsNode(nodeId)) {
            return nodes;
        }
        nodes.add(nodeId);
        int half = Math.max(1, (maxNodes - 1) / 2);
        walk(diagram, nodeId, false, nodes, Math.min(maxNodes, 1 + half));
        walk(diagram, nodeId, true, nodes, maxNodes);
        return nodes;
    }

    private static void walk(Diagram diagram, String start, boolean upstream, Set<String> nodes, int limit) {
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new LinkedHashSet<>(List.of(start));
        while (!queue.isEmpty() && nodes.size() < limit) {
            String id = queue.poll();
            for (DiagramEdge edge : upstream ? diagram.incoming(id) : diagram.outgoing(id)) {
                String next = upstream ? edge.source() : edge.target();
                if (seen.add(next)) {
                    nodes.add(next);
                    queue.add(next);
                    if (nodes.size() >= limit) {
                        return;
                    }
                }
            }
        }
    }
}
