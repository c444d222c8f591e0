package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * How a part of a unit, computed again, differs from the part it replaces: which reads, node declarations and edges
 * are new, gone or changed, and which edges are the {@link AccessEdge#sameAs same} (those stay in the graph). Worked
 * out on the worker thread that computed the part, so that the sequential merge only applies what differs.
 *
 * <p>Elements are matched in order, allowing for one inserted or removed element at a time (what an edit usually
 * does to a sorted list of capabilities); what does not line up counts as removed and added, which is still
 * correct, only more work for the merge. Linear in the sizes of the two parts.
 */
final class PartDiff {
    /** Whether the part read exactly the same entities as before. */
    final boolean sameReads;
    /** The owned nodes in their new order: the old instance where the definition is the same, else the new one. */
    final List<Node> owned;
    /** Old owned nodes to withdraw. */
    final List<Node> ownedOut = new ArrayList<>(0);
    /** Positions in {@link #owned} of new owned declarations. */
    final List<Integer> ownedIn = new ArrayList<>(0);
    /** The referenced nodes, as for {@link #owned}. */
    final List<Node> references;
    /** Old referenced nodes to withdraw. */
    final List<Node> referencesOut = new ArrayList<>(0);
    /** Positions in {@link #references} of new referenced declarations. */
    final List<Integer> referencesIn = new ArrayList<>(0);
    /** The edges in their new order: the old object where it is the same, else the new one. */
    final List<AccessEdge> edges;
    /** Old edges that stay, each with {@link #keptNewer} at the same position: the newer edge they are the same as. */
    final List<AccessEdge> kept = new ArrayList<>();
    /** See {@link #kept}. */
    final List<AccessEdge> keptNewer = new ArrayList<>();
    /** Old edges to take out of the graph. */
    final List<AccessEdge> dropped = new ArrayList<>(0);
    /** New edges to put into the graph. */
    final List<AccessEdge> fresh = new ArrayList<>(0);
    /** Ends of kept edges whose explanation changed (detectors quote explanations of all but capability edges). */
    final Set<String> rewired = new HashSet<>(0);
    /** The slots of {@link #ownedOut}, {@link #ownedIn}, {@link #referencesOut}, {@link #referencesIn} (null: none). */
    final List<AccessEngine.NodeSlot> ownedOutSlots = new ArrayList<>(0);
    final List<AccessEngine.NodeSlot> ownedInSlots = new ArrayList<>(0);
    final List<AccessEngine.NodeSlot> referencesOutSlots = new ArrayList<>(0);
    final List<AccessEngine.NodeSlot> referencesInSlots = new ArrayList<>(0);

    PartDiff(UnitContext.Part old, UnitContext.Part next) {
        this.sameReads = old.reads.equals(next.reads);
        this.owned = align(old.owned, next.owned, (a, b) -> a.id().equals(b.id()), Node::sameDefinition, ownedOut,
                ownedIn, null, null);
        this.references = align(old.references, next.references, (a, b) -> a.id().equals(b.id()), Node::sameDefinition,
                referencesOut, referencesIn, null, null);
        List<Integer> freshAt = new ArrayList<>(0);
        this.edges = align(old.edges, next.edges, AccessEdge::sameKey, AccessEdge::sameAs, dropped, freshAt,
                kept, keptNewer);
        for (int i : freshAt) {
            fresh.add(edges.get(i));
        }
        for (int i = 0; i < kept.size(); i++) {
            AccessEdge was = kept.get(i);
            AccessEdge now = keptNewer.get(i);
            // No finding quotes a capability edge's explanation (finding paths end at roles), and comparing would build
            // the lazy evidence of every capability of every principal an edit touched.
            if (was.type() != EdgeType.CAN_PERFORM && !was.explanation().equals(now.explanation())) {
                rewired.add(was.sourceId());
                rewired.add(was.targetId());
            }
        }
    }

    /**
     * Looks up the slots of the declarations to withdraw and to add, so that the sequential merge does not: a worker
     * may read the engine's slots while units run (nobody changes them then).
     */
    void resolveSlots(java.util.function.Function<String, AccessEngine.NodeSlot> slots) {
        for (Node n : ownedOut) {
            ownedOutSlots.add(slots.apply(n.id()));
        }
        for (int i : ownedIn) {
            ownedInSlots.add(slots.apply(owned.get(i).id()));
        }
        for (Node n : referencesOut) {
            referencesOutSlots.add(slots.apply(n.id()));
        }
        for (int i : referencesIn) {
            referencesInSlots.add(slots.apply(references.get(i).id()));
        }
    }

    /**
     * Whether the part is the same as before but for its edges' evidence: the old part can stay, its edges taking
     * the newer ones' evidence.
     */
    boolean unchanged() {
        return sameReads && ownedOut.isEmpty() && ownedIn.isEmpty() && referencesOut.isEmpty() && referencesIn.isEmpty()
                && dropped.isEmpty() && fresh.isEmpty();
    }

    /**
     * Lines up {@code next} with {@code old}. Returns the merged list: an old element where it matches and is the
     * same, the new element otherwise; old elements left out go to {@code out}, positions of new ones to {@code in},
     * and when {@code keptOld} is given, each kept old element with the new one it stands for.
     */
    private static <T> List<T> align(List<T> old, List<T> next, BiPredicate<T, T> matches, BiPredicate<T, T> same,
            List<T> out, List<Integer> in, List<T> keptOld, List<T> keptNew) {
        List<T> merged = new ArrayList<>(next.size());
        int i = 0;
        int j = 0;
        while (i < old.size() || j < next.size()) {
            if (i >= old.size()) {
                in.add(merged.size());
                merged.add(next.get(j++));
                continue;
            }
            if (j >= next.size()) {
                out.add(old.get(i++));
                continue;
            }
            T a = old.get(i);
            T b = next.get(j);
            if (!matches.test(a, b)) {
                if (i + 1 < old.size() && matches.test(old.get(i + 1), b)) {
                    out.add(a); // a was removed
                    i++;
                    continue;
                }
                if (j + 1 < next.size() && matches.test(a, next.get(j + 1))) {
                    in.add(merged.size()); // b was inserted
                    merged.add(b);
                    j++;
                    continue;
                }
            }
            if (matches.test(a, b) && same.test(a, b)) {
                merged.add(a);
                if (keptOld != null) {
                    keptOld.add(a);
                    keptNew.add(b);
                }
            } else {
                out.add(a);
                in.add(merged.size());
                merged.add(b);
            }
            i++;
            j++;
        }
        return merged;
    }
}
