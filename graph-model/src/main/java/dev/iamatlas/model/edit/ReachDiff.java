package dev.iamatlas.model.edit;

import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.graph.AccessEdge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What reach was gained or lost between two analyses: edges added, removed or changed (status, label or
 * attributes), and findings new or resolved. Edges and findings are matched by their stable ids.
 *
 * @param added edges that are new, sorted by id
 * @param removed edges that are gone, sorted by id
 * @param changed edges whose status (or label) changed, sorted by id
 * @param newFindings findings that are new
 * @param resolvedFindings findings that are gone
 */
public record ReachDiff(List<EdgeChange> added, List<EdgeChange> removed, List<EdgeChange> changed,
        List<Finding> newFindings, List<Finding> resolvedFindings) {

    public ReachDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        newFindings = List.copyOf(newFindings);
        resolvedFindings = List.copyOf(resolvedFindings);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && newFindings.isEmpty() && resolvedFindings.isEmpty();
    }

    /** The edge changes through which reach grew. */
    public List<EdgeChange> gained() {
        return all().stream().filter(EdgeChange::gained).collect(Collectors.toList());
    }

    /** The edge changes through which reach shrank. */
    public List<EdgeChange> lost() {
        return all().stream().filter(EdgeChange::lost).collect(Collectors.toList());
    }

    private List<EdgeChange> all() {
        List<EdgeChange> out = new ArrayList<>(added);
        out.addAll(removed);
        out.addAll(changed);
        out.sort(Comparator.comparing(EdgeChange::id));
        return out;
    }

    /**
     * The difference between two sets of edges and findings. Linear in their sizes.
     *
     * @param before edges before (edges whose id is also in {@code after} with the same content are not reported)
     * @param after edges after
     */
    static ReachDiff of(Collection<AccessEdge> before, Collection<AccessEdge> after, List<Finding> newFindings,
            List<Finding> resolvedFindings) {
        Map<String, AccessEdge> was = new LinkedHashMap<>(before.size() * 4 / 3 + 1); // sized: edits change thousands
        before.forEach(e -> was.put(e.id(), e));
        Map<String, AccessEdge> now = new LinkedHashMap<>(after.size() * 4 / 3 + 1);
        after.forEach(e -> now.put(e.id(), e));
        List<EdgeChange> added = new ArrayList<>();
        List<EdgeChange> removed = new ArrayList<>();
        List<EdgeChange> changed = new ArrayList<>();
        for (AccessEdge e : now.values()) {
            AccessEdge old = was.get(e.id());
            if (old == null) {
                added.add(EdgeChange.of(null, e));
            } else if (!old.sameAs(e)) {
                changed.add(EdgeChange.of(old, e));
            }
        }
        for (AccessEdge e : was.values()) {
            if (!now.containsKey(e.id())) {
                removed.add(EdgeChange.of(e, null));
            }
        }
        Comparator<EdgeChange> byId = Comparator.comparing(EdgeChange::id);
        added.sort(byId);
        removed.sort(byId);
        changed.sort(byId);
        return new ReachDiff(added, removed, changed, newFindings, resolvedFindings);
    }
}
