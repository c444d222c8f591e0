package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.rules.AnalysisRun;
import dev.iamatlas.model.rules.EntityKey;
import dev.iamatlas.model.rules.SubjectChanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;

/**
 * Runs the {@link FindingDetector}s over an access graph, and after an edit runs again only the detector units
 * (one detector, one subject) that read a node the edit touched or a snapshot entity it changed. Units run in
 * parallel. Not thread-safe: one thread drives an engine.
 */
public final class FindingEngine {
    /** Orders findings: most severe first, then by rule, resource and id. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::ruleId).thenComparing(Finding::resource).thenComparing(Finding::id);

    private final List<FindingDetector> detectors;
    private List<List<String>> lastSubjects = List.of();
    /** The index {@link #lastSubjects} were listed from. */
    private dev.iamatlas.model.rules.SnapshotIndex lastIndex;
    private final ForkJoinPool pool;
    private final Map<Unit, State> units = new HashMap<>();
    private final Map<String, Set<Unit>> nodeReaders = new HashMap<>();
    private final Map<String, Set<Unit>> adjacencyReaders = new HashMap<>();
    private final Map<EntityKey, Set<Unit>> entityReaders = new HashMap<>();

    private record Unit(int detector, String subject) {
        /** Spreads the detector over the whole hash (the record default collides for numbered resource names). */
        @Override
        public int hashCode() {
            return subject.hashCode() * 31 + detector;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unit u && u.detector == detector && u.subject.equals(subject);
        }
    }

    private record State(Set<String> nodes, Set<String> adjacency, Set<EntityKey> entities, List<Finding> findings) {
    }

    /** What an update changed. */
    public record Change(List<Finding> added, List<Finding> removed, int unitsRerun) {
    }

    /** An engine over every detector. */
    public FindingEngine(ForkJoinPool pool) {
        this(Detectors.all(), pool);
    }

    /** An engine over the given detectors (tests use one). */
    public FindingEngine(List<FindingDetector> detectors, ForkJoinPool pool) {
        this.detectors = List.copyOf(detectors);
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** Runs every detector on every subject; replaces any earlier results. */
    public List<Finding> computeAll(AccessGraph graph, AnalysisRun run) {
        units.clear();
        nodeReaders.clear();
        adjacencyReaders.clear();
        entityReaders.clear();
        List<Unit> work = new ArrayList<>();
        lastSubjects = subjects(run, null);
        lastIndex = run.index();
        for (int d = 0; d < detectors.size(); d++) {
            for (String subject : new LinkedHashSet<>(lastSubjects.get(d))) { // once each, even if listed twice
                work.add(new Unit(d, subject));
            }
        }
        apply(run(work, graph, run), Set.of());
        return findings();
    }

    /**
     * Runs again the units that read a changed node definition, the edges of a rewired node, or a changed entity,
     * and the units of new subjects; drops the units of subjects that are gone.
     */
    public Change update(AccessGraph graph, AnalysisRun run, Set<EntityKey> changed, Set<String> changedNodes,
            Set<String> rewiredNodes) {
        Set<Unit> dirty = new LinkedHashSet<>();
        Set<Unit> gone = new LinkedHashSet<>();
        List<List<String>> subjects = subjects(run, lastIndex);
        for (int d = 0; d < detectors.size(); d++) {
            List<String> was = d < lastSubjects.size() ? lastSubjects.get(d) : List.of();
            SubjectChanges changes = SubjectChanges.between(was, subjects.get(d));
            for (String s : changes.gone()) {
                Unit u = new Unit(d, s);
                if (units.containsKey(u)) {
                    gone.add(u);
                }
            }
            for (String s : changes.added()) {
                dirty.add(new Unit(d, s));
            }
        }
        lastSubjects = subjects;
        lastIndex = run.index();
        for (String node : changedNodes) {
            dirty.addAll(nodeReaders.getOrDefault(node, Set.of()));
        }
        for (String node : rewiredNodes) {
            dirty.addAll(adjacencyReaders.getOrDefault(node, Set.of()));
        }
        for (EntityKey key : changed) {
            dirty.addAll(entityReaders.getOrDefault(key, Set.of()));
        }
        dirty.removeAll(gone);
        List<Finding> before = new ArrayList<>();
        for (Unit u : dirty) {
            State s = units.get(u);
            if (s != null) {
                before.addAll(s.findings());
            }
        }
        for (Unit u : gone) {
            before.addAll(units.get(u).findings());
            retire(u);
        }
        Map<Unit, FindingContext> results = run(new ArrayList<>(dirty), graph, run);
        List<Finding> after = new ArrayList<>();
        results.values().forEach(c -> after.addAll(c.findings()));
        apply(results, gone);
        Map<String, Finding> was = new LinkedHashMap<>();
        before.forEach(f -> was.put(f.id(), f));
        Map<String, Finding> now = new LinkedHashMap<>();
        after.forEach(f -> now.put(f.id(), f));
        List<Finding> added = new ArrayList<>();
        List<Finding> removed = new ArrayList<>();
        now.forEach((id, f) -> {
            if (!was.containsKey(id)) {
                added.add(f);
            }
        });
        was.forEach((id, f) -> {
            if (!now.containsKey(id)) {
                removed.add(f);
            }
        });
        added.sort(ORDER);
        removed.sort(ORDER);
        return new Change(added, removed, dirty.size());
    }

    /**
     * The subjects of every detector in the run's index; a detector whose subjects come from lists the edit did not
     * replace keeps its last ones.
     *
     * @param previous the index the last subjects were listed from, or null
     */
    private List<List<String>> subjects(AnalysisRun run, dev.iamatlas.model.rules.SnapshotIndex previous) {
        List<List<String>> out = new ArrayList<>(detectors.size());
        for (int d = 0; d < detectors.size(); d++) {
            FindingDetector detector = detectors.get(d);
            Set<EntityKey.Kind> kinds = detector.subjectKinds();
            boolean same = previous != null && kinds != null && d < lastSubjects.size()
                    && run.index().sameEntities(previous, kinds);
            out.add(same ? lastSubjects.get(d) : detector.subjects(run.index()));
        }
        return out;
    }

    /** Every current finding, in {@link #ORDER}. */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (State s : units.values()) {
            out.addAll(s.findings());
        }
        out.sort(ORDER);
        return out;
    }

    private Map<Unit, FindingContext> run(List<Unit> work, AccessGraph graph, AnalysisRun run) {
        try {
            List<Map.Entry<Unit, FindingContext>> done = pool.submit(() -> work.parallelStream().map(u -> {
                FindingContext ctx = new FindingContext(graph, run);
                FindingDetector detector = detectors.get(u.detector());
                try {
                    detector.detect(u.subject(), ctx);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("detector " + detector.ruleId() + " failed for " + u.subject() + ": " + e, e);
                }
                return Map.entry(u, ctx);
            }).collect(Collectors.toList())).get();
            Map<Unit, FindingContext> out = new LinkedHashMap<>();
            done.forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        }
    }

    private void apply(Map<Unit, FindingContext> results, Set<Unit> gone) {
        for (Map.Entry<Unit, FindingContext> e : results.entrySet()) {
            retire(e.getKey());
            FindingContext ctx = e.getValue();
            State state = new State(Set.copyOf(ctx.nodeReads()), Set.copyOf(ctx.adjacencyReads()),
                    Set.copyOf(ctx.entityReads()), List.copyOf(ctx.findings()));
            units.put(e.getKey(), state);
            for (String n : state.nodes()) {
                nodeReaders.computeIfAbsent(n, k -> new HashSet<>()).add(e.getKey());
            }
            for (String n : state.adjacency()) {
                adjacencyReaders.computeIfAbsent(n, k -> new HashSet<>()).add(e.getKey());
            }
            for (EntityKey k : state.entities()) {
                entityReaders.computeIfAbsent(k, x -> new HashSet<>()).add(e.getKey());
            }
        }
    }

    private static void unindex(Map<String, Set<Unit>> index, Set<String> keys, Unit u) {
        for (String n : keys) {
            Set<Unit> set = index.get(n);
            if (set != null) {
                set.remove(u);
                if (set.isEmpty()) {
                    index.remove(n);
                }
            }
        }
    }

    private void retire(Unit u) {
        State old = units.remove(u);
        if (old == null) {
            return;
        }
        unindex(nodeReaders, old.nodes(), u);
        unindex(adjacencyReaders, old.adjacency(), u);
        for (EntityKey k : old.entities()) {
            Set<Unit> set = entityReaders.get(k);
            if (set != null) {
                set.remove(u);
                if (set.isEmpty()) {
                    entityReaders.remove(k);
                }
            }
        }
    }
}
