package dev.iamatlas.app.diagram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns each node a layer (column) from its tier, so that columns read callers → routes → functions → roles →
 * capabilities. Links inside one tier (a route guarded by an authorizer, a user in a group, a role that assumes
 * another) push their target one sub-layer right, longest path first. Linear in nodes plus edges.
 */
final class TierLayers {
    private TierLayers() {
    }

    /** Layer index per node id, 0 for the leftmost. */
    static Map<String, Integer> assign(Diagram d) {
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Integer> inside = new HashMap<>();
        for (DiagramNode node : d.nodes()) {
            depth.put(node.id(), 0);
            inside.put(node.id(), 0);
        }
        for (DiagramEdge edge : d.edges()) {
            if (sameTier(d, edge) && !edge.source().equals(edge.target())) {
                inside.merge(edge.target(), 1, Integer::sum);
            }
        }
        // Kahn's algorithm over the links inside tiers; nodes on a cycle keep the depth reached so far.
        Deque<String> ready = new ArrayDeque<>();
        inside.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        while (!ready.isEmpty()) {
            String id = ready.poll();
            for (DiagramEdge edge : d.outgoing(id)) {
                if (!sameTier(d, edge) || edge.source().equals(edge.target())) {
                    continue;
                }
                depth.merge(edge.target(), depth.get(id) + 1, Math::max);
                if (inside.merge(edge.target(), -1, Integer::sum) == 0) {
                    ready.add(edge.target());
                }
            }
        }
        int tiers = dev.iamatlas.model.graph.NodeKind.Tier.values().length;
        int[] width = new int[tiers];
        for (DiagramNode node : d.nodes()) {
            int t = node.column().ordinal();
            width[t] = Math.max(width[t], depth.get(node.id()) + 1);
        }
        int[] offset = new int[tiers];
        for (int t = 1; t < tiers; t++) {
            offset[t] = offset[t - 1] + width[t - 1];
        }
        Map<String, Integer> layers = new HashMap<>();
        for (DiagramNode node : d.nodes()) {
            layers.put(node.id(), offset[node.column().ordinal()] + depth.get(node.id()));
        }
        return layers;
    }

    private static boolean sameTier(Diagram d, DiagramEdge edge) {
        List<DiagramNode> ends = List.of(d.node(edge.source()).orElseThrow(), d.node(edge.target()).orElseThrow());
        return ends.get(0).column() == ends.get(1).column();
    }
}
