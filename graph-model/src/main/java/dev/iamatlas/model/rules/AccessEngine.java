package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.GraphWriter;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.policy.ResourcePattern;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanGap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;

/**
 * Builds the access graph from a snapshot by running every {@link AccessRule} unit, and keeps it up to date
 * incrementally: after {@link #update} only the units (or unit parts) that read a changed entity run again, their
 * old edges are removed and their new ones added. The result is exactly the graph a full build of the new
 * snapshot gives.
 *
 * <p>Units run in parallel on a fork-join pool; merging their results into the graph is sequential. A full build
 * is linear in the number of units plus the evaluations they make; an update is linear in the size of the
 * snapshot (to index it and find what changed) plus the work of the dirty units.
 *
 * <p>Not thread-safe: one thread drives an engine.
 */
public final class AccessEngine {
    private final List<AccessRule> rules;
    private final AnalysisServices services;
    private final ForkJoinPool pool;
    private AccessGraph graph;
    private SnapshotIndex index;
    private AnalysisRun run;
    private List<List<String>> lastSubjects = List.of();
    private final Map<UnitKey, Map<String, UnitContext.Part>> units = new HashMap<>();
    private final Map<EntityKey, Set<PartRef>> readers = new HashMap<>();
    /** Node declarations by node id; concurrent because workers look slots up while the merge adds some. */
    private final Map<String, NodeSlot> slots = new java.util.concurrent.ConcurrentHashMap<>();
    private Set<String> assumers = new TreeSet<>();

    /** One unit: a rule and a subject. */
    record UnitKey(int rule, String subject) {
        /**
         * Spreads the rule over the whole hash: the record default ({@code 31 * rule + hash(subject)}) collides for
         * ARNs that differ by one in their second-to-last character, as numbered resource names do.
         */
        @Override
        public int hashCode() {
            return subject.hashCode() * 31 + rule;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UnitKey k && k.rule == rule && k.subject.equals(subject);
        }
    }

    /** One part of one unit. */
    record PartRef(UnitKey unit, String part) {
    }

    /**
     * What changed in the graph after an update.
     *
     * @param changedEntities the snapshot entities that differ
     * @param changedNodes ids of nodes added, removed, or whose definition (label, attributes, ...) changed
     * @param rewiredNodes ids of nodes that gained or lost an edge, or one of whose edges changed (content or
     *     explanation); may include a few more (the ends of an edge that moved unchanged from one unit to another)
     * @param removedEdges edges taken out of the graph (some may have come back with the same id and content)
     * @param addedEdges edges put in
     * @param unitsRecomputed how many units ran again
     * @param partsRecomputed how many of them ran only in part
     * @param fullRebuild whether the graph was rebuilt from scratch
     */
    public record Update(Set<EntityKey> changedEntities, Set<String> changedNodes, Set<String> rewiredNodes,
            List<AccessEdge> removedEdges,
            List<AccessEdge> addedEdges, int unitsRecomputed, int partsRecomputed, boolean fullRebuild) {
    }

    /**
     * An engine over the registered rules, the given services and parallelism.
     *
     * @param services shared services (policy library, catalogue, capability cache)
     * @param parallelism threads for running units; 1 runs them on one pool thread
     */
    public AccessEngine(AnalysisServices services, int parallelism) {
        this(RuleRegistry.rules(), services, parallelism);
    }

    /** An engine over the given rules (tests use a single rule). */
    public AccessEngine(List<AccessRule> rules, AnalysisServices services, int parallelism) {
        this.rules = List.copyOf(rules);
        this.services = Objects.requireNonNull(services, "services");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.pool = new ForkJoinPool(parallelism);
    }

    /** Builds the graph of {@code snapshot} with every registered rule, on all available processors. */
    public static AccessGraph buildGraph(AccountSnapshot snapshot) {
        AccessEngine engine = new AccessEngine(new AnalysisServices(), Runtime.getRuntime().availableProcessors());
        try {
            engine.build(snapshot);
            return engine.graph();
        } finally {
            engine.close();
        }
    }

    /** The current graph (live: later updates change it). */
    public AccessGraph graph() {
        return graph;
    }

    /** The index of the current snapshot. */
    public SnapshotIndex index() {
        return index;
    }

    /** The current analysis run (identities, organization policies). */
    public AnalysisRun run() {
        return run;
    }

    /** The shared services. */
    public AnalysisServices services() {
        return services;
    }

    /** The worker pool, for related analysis work (findings) that should share its threads. */
    public ForkJoinPool pool() {
        return pool;
    }

    /** Stops the worker threads. */
    public void close() {
        pool.shutdown();
    }

    /** Builds the graph of {@code snapshot} from scratch. */
    public AccessGraph build(AccountSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        units.clear();
        readers.clear();
        slots.clear();
        index = new SnapshotIndex(snapshot);
        run = new AnalysisRun(index, services);
        graph = new AccessGraph(snapshot.accountId(), snapshot.metadata().partition());
        assumers = computeAssumers(index.principals());
        run.setAssumers(List.copyOf(assumers));
        List<Task> tasks = new ArrayList<>();
        lastSubjects = subjects(null);
        for (int r = 0; r < rules.size(); r++) {
            for (String subject : new LinkedHashSet<>(lastSubjects.get(r))) { // once each, even if listed twice
                tasks.add(new Task(new UnitKey(r, subject), null, false));
            }
        }
        runAndMerge(tasks, new HashSet<>(), new ArrayList<>(), new ArrayList<>(), new HashSet<>(), new HashSet<>());
        GraphWriter.of(graph).setNotes(graphNotes());
        return graph;
    }

    /**
     * Brings the graph up to date with {@code snapshot}, an edited version of the current one, running only the
     * units whose inputs changed. A snapshot of another account, partition or set of regions is built from scratch.
     *
     * @return what changed
     */
    public Update update(AccountSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (graph == null || SnapshotChanges.metadataChanged(index.snapshot(), snapshot)) {
            AccessGraph old = graph;
            build(snapshot);
            Set<String> all = graph.nodes().stream().map(Node::id).collect(Collectors.toSet());
            return new Update(Set.of(), all, all, old == null ? List.of() : new ArrayList<>(old.edges()),
                    new ArrayList<>(graph.edges()), units.size(), 0, true);
        }
        SnapshotIndex before = index;
        AnalysisRun previousRun = run;
        index = new SnapshotIndex(before, snapshot);
        run = new AnalysisRun(index, services);
        Set<EntityKey> changed = SnapshotChanges.between(before, index);
        Set<String> affectedPrincipals = affectedPrincipals(changed, before, index);
        Set<String> assumerDelta = new TreeSet<>();
        if (!affectedPrincipals.isEmpty()) {
            Set<String> next = new TreeSet<>(assumers);
            // Builds each affected principal's identity (which its units then reuse), on every worker.
            Set<String> specific = inPool(() -> affectedPrincipals.parallelStream().filter(this::specificAssumer)
                    .collect(Collectors.toSet()));
            for (String p : affectedPrincipals) {
                boolean was = assumers.contains(p);
                boolean is = specific.contains(p);
                if (is) {
                    next.add(p);
                } else {
                    next.remove(p);
                }
                if (was || is) {
                    assumerDelta.add(p); // joined, left, or its policies changed: its parts run again
                }
            }
            assumers = next;
        }
        run.setAssumers(List.copyOf(assumers));
        run.reuseAssumerIndex(previousRun, assumerDelta);

        Map<UnitKey, Task> work = new LinkedHashMap<>();
        List<List<String>> subjects = subjects(before);
        for (int r = 0; r < rules.size(); r++) {
            List<String> was = r < lastSubjects.size() ? lastSubjects.get(r) : List.of();
            SubjectChanges changes = SubjectChanges.between(was, subjects.get(r));
            for (String subject : changes.gone()) {
                UnitKey key = new UnitKey(r, subject);
                if (units.containsKey(key)) {
                    work.put(key, new Task(key, null, true));
                }
            }
            for (String subject : changes.added()) {
                UnitKey key = new UnitKey(r, subject);
                work.put(key, new Task(key, null, false));
            }
        }
        lastSubjects = subjects;
        for (EntityKey key : changed) {
            for (PartRef ref : readers.getOrDefault(key, Set.of())) {
                Task task = work.get(ref.unit());
                if (task != null && (task.remove || task.parts == null)) {
                    continue;
                }
                if (ref.part().equals(UnitContext.MAIN)) {
                    work.put(ref.unit(), new Task(ref.unit(), null, false));
                } else {
                    Set<String> parts = task == null ? new TreeSet<>() : task.parts;
                    parts.add(ref.part());
                    work.put(ref.unit(), new Task(ref.unit(), parts, false));
                }
            }
        }
        if (!assumerDelta.isEmpty()) {
            planAssumerParts(work, assumerDelta, previousRun);
        }
        Set<String> touched = new HashSet<>();
        List<Task> tasks = new ArrayList<>(work.values());
        int parts = 0;
        for (Task t : tasks) {
            parts += t.parts == null ? 0 : t.parts.size();
        }
        List<AccessEdge> removed = new ArrayList<>();
        List<AccessEdge> added = new ArrayList<>();
        Set<String> changedNodes = new HashSet<>();
        Set<String> rewired = new HashSet<>();
        runAndMerge(tasks, touched, removed, added, changedNodes, rewired);
        GraphWriter.of(graph).setNotes(graphNotes());
        for (List<AccessEdge> changedEdges : List.of(removed, added)) {
            for (AccessEdge e : changedEdges) {
                rewired.add(e.sourceId());
                rewired.add(e.targetId());
            }
        }
        return new Update(changed, changedNodes, rewired, removed, added, tasks.size(), parts, false);
    }

    /**
     * A principal that can assume some roles is a part of the units that consider every such principal (roles that
     * trust their own account, see {@link EntityKey#ASSUMERS}), but its part holds something only in the units of the
     * roles its {@code sts:AssumeRole} statements can name ({@link AnalysisRun#assumersOf}). When it joins, leaves or
     * its policies change, its part runs again in the units of the roles it could name before or can name now, and
     * nowhere else: in the other units it was no candidate and still is none. Linear in the changed principals'
     * Resource entries, times the units for wildcard entries.
     */
    private void planAssumerParts(Map<UnitKey, Task> work, Set<String> assumerDelta, AnalysisRun previousRun) {
        Map<String, List<UnitKey>> bySubject = new HashMap<>();
        for (PartRef ref : readers.getOrDefault(EntityKey.ASSUMERS, Set.of())) {
            bySubject.computeIfAbsent(ref.unit().subject(), k -> new ArrayList<>(1)).add(ref.unit());
        }
        for (String principal : assumerDelta) {
            List<ResourcePattern> named = new ArrayList<>(previousRun.assumeRoleResources(principal));
            named.addAll(run.assumeRoleResources(principal));
            for (ResourcePattern resource : named) {
                if (AnalysisRun.namesExactly(resource)) {
                    for (UnitKey unit : bySubject.getOrDefault(resource.text(), List.of())) {
                        addPart(work, unit, principal);
                    }
                    continue;
                }
                for (Map.Entry<String, List<UnitKey>> e : bySubject.entrySet()) {
                    if (resource.template().hasVariables() || resource.matches(e.getKey())) {
                        for (UnitKey unit : e.getValue()) {
                            addPart(work, unit, principal);
                        }
                    }
                }
            }
        }
    }

    /** Adds one part to a unit's task, unless the whole unit runs or goes anyway. */
    private static void addPart(Map<UnitKey, Task> work, UnitKey unit, String part) {
        Task task = work.get(unit);
        if (task != null && (task.remove || task.parts == null)) {
            return;
        }
        Set<String> parts = task == null ? new TreeSet<>() : task.parts;
        parts.add(part);
        if (task == null) {
            work.put(unit, new Task(unit, parts, false));
        }
    }

    /**
     * The subjects of every rule in the current index. A unit whose subject stays and that read nothing (it emitted
     * nothing either, so it is not kept) cannot change: only added and removed subjects need a look. A rule whose
     * subjects come from lists the edit did not replace keeps its last ones.
     *
     * @param previous the index the last subjects were listed from, or null
     */
    private List<List<String>> subjects(SnapshotIndex previous) {
        List<List<String>> out = new ArrayList<>(rules.size());
        for (int r = 0; r < rules.size(); r++) {
            AccessRule rule = rules.get(r);
            Set<EntityKey.Kind> kinds = rule.subjectKinds();
            boolean same = previous != null && kinds != null && r < lastSubjects.size()
                    && index.sameEntities(previous, kinds);
            out.add(same ? lastSubjects.get(r) : rule.subjects(index));
        }
        return out;
    }

    private Set<String> affectedPrincipals(Set<EntityKey> changed, SnapshotIndex before, SnapshotIndex after) {
        Set<String> out = new TreeSet<>();
        for (EntityKey key : changed) {
            switch (key.kind()) {
                case ROLE:
                case USER:
                    out.add(key.id());
                    break;
                case GROUP:
                    out.addAll(before.usersOf(key.id()));
                    out.addAll(after.usersOf(key.id()));
                    break;
                case MANAGED_POLICY:
                    for (SnapshotIndex idx : List.of(before, after)) {
                        out.addAll(idx.attachersOf(key.id()));
                        for (String group : idx.groupsAttaching(key.id())) {
                            out.addAll(idx.usersOf(group));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        out.removeIf(p -> after.role(p) == null && after.user(p) == null && !assumers.contains(p));
        return out;
    }

    private Set<String> computeAssumers(List<String> principals) {
        Set<String> out = new TreeSet<>();
        for (String p : principals) {
            if (specificAssumer(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Whether a principal's identity policies can allow {@code sts:AssumeRole} on some roles but not on any role
     * (a role name nobody uses does not match). Principals allowed to assume any role get no per-role edges for
     * roles that trust their account: their capability ("sts: AssumeRole on *") stands for them, and queries
     * expand it on demand.
     */
    private boolean specificAssumer(String principal) {
        Identity identity = run.identity(principal);
        return identity != null && identity.mayAllow("sts:AssumeRole")
                && !identity.mayAllowOn("sts:AssumeRole", PrincipalsAssumeRoles.probeRole(index.partition(), index.account()));
    }

    private List<String> graphNotes() {
        List<String> notes = new ArrayList<>(run.organizationNotes());
        notes.addAll(index.duplicates());
        for (ScanGap gap : index.globalGaps()) {
            notes.add("the scan could not read " + gap.describe() + "; what it would have shown is missing from the graph");
        }
        return notes;
    }

    // ---- running units ----

    /** A unit to (re)compute: all of it ({@code parts == null}), some parts, or remove it. */
    private record Task(UnitKey key, Set<String> parts, boolean remove) {
    }

    /**
     * A unit's new parts, and for each one that replaces a part in the graph, how it differs.
     *
     * @param current the unit's parts in the graph (as the worker found them), or null
     */
    private record Result(Task task, UnitContext context, Map<String, UnitContext.Part> current,
            Map<String, PartDiff> diffs) {
    }

    /**
     * Runs the tasks on the workers and merges each result into the graph as soon as it and every earlier one are
     * done, in task order (so the graph is the same whatever the timing): the sequential merge overlaps the units
     * still running, where it used to wait for all of them. Workers take the tasks in order; each task's current
     * parts are looked up first, since the merge changes them.
     */
    private void runAndMerge(List<Task> tasks, Set<String> touched, List<AccessEdge> removed, List<AccessEdge> added,
            Set<String> changedNodes, Set<String> rewired) {
        int n = tasks.size();
        List<Map<String, UnitContext.Part>> currents = new ArrayList<>(n);
        List<java.util.concurrent.CompletableFuture<Result>> results = new ArrayList<>(n);
        for (Task t : tasks) {
            currents.add(units.get(t.key));
            results.add(new java.util.concurrent.CompletableFuture<>());
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n && !stop.get(); i = next.getAndIncrement()) {
                try {
                    results.get(i).complete(run(tasks.get(i), currents.get(i)));
                } catch (RuntimeException | Error e) {
                    stop.set(true);
                    results.get(i).completeExceptionally(e);
                }
            }
        };
        List<java.util.concurrent.ForkJoinTask<?>> workers = new ArrayList<>();
        for (int w = Math.min(pool.getParallelism(), n); w > 0; w--) {
            workers.add(pool.submit(worker));
        }
        GraphWriter writer = GraphWriter.of(graph);
        try {
            for (int i = 0; i < n; i++) {
                merge(await(results.get(i)), writer, touched, removed, added, rewired);
            }
        } finally {
            stop.set(true);
            for (java.util.concurrent.ForkJoinTask<?> w : workers) {
                w.quietlyJoin();
            }
        }
        finish(writer, touched, added, changedNodes);
    }

    private static <T> T await(java.util.concurrent.Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Runs {@code work} (a parallel stream) on the engine's workers and waits for it. */
    private <T> T inPool(java.util.concurrent.Callable<T> work) {
        return await(pool.submit(work));
    }

    private Result run(Task task, Map<String, UnitContext.Part> current) {
        if (task.remove) {
            return new Result(task, null, current, Map.of());
        }
        AccessRule rule = rules.get(task.key.rule());
        UnitContext ctx = new UnitContext(run);
        try {
            if (task.parts == null) {
                rule.compute(task.key.subject(), ctx);
            } else {
                rule.computeParts(task.key.subject(), task.parts, ctx);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("rule " + rule.name() + " failed for " + task.key.subject() + ": " + e, e);
        }
        // A unit's parts change only when its own result is merged, so the worker compares its parts with the ones
        // they replace, and the sequential merge only applies the differences. The edges that stay take the new
        // evidence here too: each edge belongs to one part, so no two threads touch the same edge, and neither the
        // merge nor anything else reads an edge's evidence during an update.
        Map<String, PartDiff> diffs = Map.of();
        if (current != null) {
            diffs = new HashMap<>();
            GraphWriter writer = GraphWriter.of(graph);
            for (Map.Entry<String, UnitContext.Part> e : ctx.parts().entrySet()) {
                UnitContext.Part old = current.get(e.getKey());
                if (old != null && !e.getValue().isEmpty() && (task.parts == null || task.parts.contains(e.getKey()))) {
                    PartDiff diff = new PartDiff(old, e.getValue());
                    diff.resolveSlots(slots::get);
                    for (int i = 0; i < diff.kept.size(); i++) {
                        writer.keep(diff.kept.get(i), diff.keptNewer.get(i));
                    }
                    diffs.put(e.getKey(), diff);
                }
            }
        }
        return new Result(task, ctx, current, diffs);
    }

    // ---- merging ----

    /**
     * Puts one unit's result into the graph. A part computed again is compared with the one it replaces: what it
     * read is re-indexed only where it differs, its nodes are declared again only when their definitions differ, and
     * each of its edges that is the {@link AccessEdge#sameAs same} as before stays in the graph (explained as of the
     * new analysis) instead of being removed and added again. So an edit that re-runs many units changes the graph,
     * and reports, only where their results changed. New edges are only collected: {@link #finish} adds them once
     * their nodes are in.
     *
     * @param touched ids of nodes whose declarations or edges changed (filled)
     * @param removed edges taken out of the graph (filled)
     * @param added edges to put into the graph (filled)
     * @param rewired ends of kept edges whose explanation changed (filled; detectors quote explanations)
     */
    private void merge(Result result, GraphWriter writer, Set<String> touched, List<AccessEdge> removed,
            List<AccessEdge> added, Set<String> rewired) {
        UnitKey key = result.task.key;
        Map<String, UnitContext.Part> fresh = new LinkedHashMap<>();
        if (result.context != null) {
            for (Map.Entry<String, UnitContext.Part> e : result.context.parts().entrySet()) {
                if (result.task.parts != null && !result.task.parts.contains(e.getKey())) {
                    continue;
                }
                if (!e.getValue().isEmpty()) {
                    fresh.put(e.getKey(), e.getValue());
                }
            }
        }
        Map<String, UnitContext.Part> current = result.current;
        if (current == null) {
            if (fresh.isEmpty()) {
                return;
            }
            current = new LinkedHashMap<>();
            units.put(key, current);
        }
        Collection<String> replaced = result.task.parts == null ? new ArrayList<>(current.keySet()) : result.task.parts;
        Map<String, UnitContext.Part> reconciled = new HashMap<>();
        for (String partKey : replaced) {
            UnitContext.Part old = current.remove(partKey);
            if (old == null) {
                continue;
            }
            PartRef ref = new PartRef(key, partKey);
            UnitContext.Part next = fresh.get(partKey);
            if (next == null) {
                removed.addAll(old.edges);
                retire(ref, old, writer, touched);
            } else {
                reconciled.put(partKey, reconcile(ref, old, next, result.diffs.get(partKey), writer, touched, removed,
                        added, rewired));
            }
        }
        for (Map.Entry<String, UnitContext.Part> e : fresh.entrySet()) {
            if (reconciled.containsKey(e.getKey())) {
                current.put(e.getKey(), reconciled.get(e.getKey()));
            } else {
                current.put(e.getKey(), e.getValue());
                admit(new PartRef(key, e.getKey()), e.getValue(), added, touched);
            }
        }
        if (current.isEmpty()) {
            units.remove(key);
        }
    }

    /**
     * After every result is merged: puts the touched nodes' chosen definitions into the graph (or takes out those
     * nobody declares any more), then the new edges.
     */
    private void finish(GraphWriter writer, Set<String> touched, List<AccessEdge> added, Set<String> changedNodes) {
        for (String id : touched) {
            NodeSlot slot = slots.get(id);
            Node before = graph.node(id).orElse(null);
            if (slot == null || slot.isEmpty()) {
                slots.remove(id);
                writer.removeNode(id);
                if (before != null) {
                    changedNodes.add(id);
                }
            } else {
                Node chosen = slot.chosen();
                if (before == null || !before.sameDefinition(chosen)) {
                    changedNodes.add(id);
                }
                writer.putNode(chosen);
            }
        }
        for (AccessEdge edge : added) {
            writer.addEdge(edge);
        }
    }

    /**
     * Replaces {@code old}, a part in the graph, by {@code next}, the same part computed again, applying only what
     * {@code diff} (worked out by the worker, which also let the kept edges take the new evidence) says differs.
     * Linear in the differences.
     *
     * @return the part to keep: {@code old} itself when only its edges' evidence changed, else {@code next}
     */
    private UnitContext.Part reconcile(PartRef ref, UnitContext.Part old, UnitContext.Part next, PartDiff diff,
            GraphWriter writer, Set<String> touched, List<AccessEdge> removed, List<AccessEdge> added,
            Set<String> rewired) {
        rewired.addAll(diff.rewired);
        if (diff.unchanged()) {
            return old; // its kept edges already took the new evidence
        }
        if (diff.sameReads) {
            next.reads = old.reads;
        } else {
            for (EntityKey read : old.reads) {
                if (!next.reads.contains(read)) {
                    unregister(ref, read);
                }
            }
            for (EntityKey read : next.reads) {
                if (!old.reads.contains(read)) {
                    readers.computeIfAbsent(read, k -> new HashSet<>()).add(ref);
                }
            }
        }
        next.owned = redeclare(diff.owned, diff.ownedOut, diff.ownedOutSlots, diff.ownedIn, diff.ownedInSlots, true,
                touched);
        next.references = redeclare(diff.references, diff.referencesOut, diff.referencesOutSlots, diff.referencesIn,
                diff.referencesInSlots, false, touched);
        for (AccessEdge gone : diff.dropped) {
            writer.removeEdge(gone);
            removed.add(gone);
            touched.add(gone.sourceId());
            touched.add(gone.targetId());
        }
        for (AccessEdge e : diff.fresh) {
            added.add(e);
            touched.add(e.sourceId());
            touched.add(e.targetId());
        }
        next.edges = diff.edges;
        next.freeze();
        return next;
    }

    /**
     * Withdraws the declarations {@code out} and counts the new ones at positions {@code in} of {@code nodes}, in the
     * slots the worker found for them ({@code null}: none yet).
     */
    private List<Node> redeclare(List<Node> nodes, List<Node> out, List<NodeSlot> outSlots, List<Integer> in,
            List<NodeSlot> inSlots, boolean authority, Set<String> touched) {
        for (int i = 0; i < out.size(); i++) {
            Node n = out.get(i);
            outSlots.get(i).remove(n, authority);
            touched.add(n.id());
        }
        for (int k = 0; k < in.size(); k++) {
            int i = in.get(k);
            Node n = nodes.get(i);
            NodeSlot slot = inSlots.get(k);
            if (slot == null) {
                slot = slots.computeIfAbsent(n.id(), id -> new NodeSlot());
            }
            nodes.set(i, slot.add(n, authority));
            touched.add(n.id());
        }
        return nodes;
    }

    private void unregister(PartRef ref, EntityKey read) {
        Set<PartRef> set = readers.get(read);
        if (set != null) {
            set.remove(ref);
            if (set.isEmpty()) {
                readers.remove(read);
            }
        }
    }

    private void retire(PartRef ref, UnitContext.Part part, GraphWriter writer, Set<String> touched) {
        for (AccessEdge edge : part.edges) {
            writer.removeEdge(edge);
            touched.add(edge.sourceId());
            touched.add(edge.targetId());
        }
        for (EntityKey read : part.reads) {
            unregister(ref, read);
        }
        for (Node n : part.owned) {
            slots.get(n.id()).remove(n, true);
            touched.add(n.id());
        }
        for (Node n : part.references) {
            slots.get(n.id()).remove(n, false);
            touched.add(n.id());
        }
    }

    private void admit(PartRef ref, UnitContext.Part part, List<AccessEdge> added, Set<String> touched) {
        for (EntityKey read : part.reads) {
            readers.computeIfAbsent(read, k -> new HashSet<>()).add(ref);
        }
        for (int i = 0; i < part.owned.size(); i++) {
            Node n = part.owned.get(i);
            part.owned.set(i, slots.computeIfAbsent(n.id(), k -> new NodeSlot()).add(n, true));
            touched.add(n.id());
        }
        for (int i = 0; i < part.references.size(); i++) {
            Node n = part.references.get(i);
            part.references.set(i, slots.computeIfAbsent(n.id(), k -> new NodeSlot()).add(n, false));
            touched.add(n.id());
        }
        for (AccessEdge edge : part.edges) {
            added.add(edge);
            touched.add(edge.sourceId());
            touched.add(edge.targetId());
        }
        part.freeze();
    }

    /** The declarations of one node: the authority's definition wins over references; ties broken by content. */
    static final class NodeSlot {
        private final List<Node> owned = new ArrayList<>(1);
        private final List<Integer> ownedCounts = new ArrayList<>(1);
        private final List<Node> refs = new ArrayList<>(1);
        private final List<Integer> refCounts = new ArrayList<>(1);

        /** Counts a declaration; returns the instance kept for that definition (so equal nodes are stored once). */
        Node add(Node n, boolean authority) {
            List<Node> defs = authority ? owned : refs;
            List<Integer> counts = authority ? ownedCounts : refCounts;
            for (int i = 0; i < defs.size(); i++) {
                if (defs.get(i).sameDefinition(n)) {
                    counts.set(i, counts.get(i) + 1);
                    return defs.get(i);
                }
            }
            defs.add(n);
            counts.add(1);
            return n;
        }

        void remove(Node n, boolean authority) {
            List<Node> defs = authority ? owned : refs;
            List<Integer> counts = authority ? ownedCounts : refCounts;
            for (int i = 0; i < defs.size(); i++) {
                if (defs.get(i).sameDefinition(n)) {
                    int c = counts.get(i) - 1;
                    if (c == 0) {
                        defs.remove(i);
                        counts.remove(i);
                    } else {
                        counts.set(i, c);
                    }
                    return;
                }
            }
            throw new IllegalStateException("node " + n.id() + " was retired but never declared");
        }

        boolean isEmpty() {
            return owned.isEmpty() && refs.isEmpty();
        }

        Node chosen() {
            List<Node> defs = owned.isEmpty() ? refs : owned;
            return defs.size() == 1 ? defs.get(0) : defs.stream().min(CANONICAL).orElseThrow();
        }
    }

    private static final Comparator<Node> CANONICAL = Comparator.comparing((Node n) -> n.kind().name())
            .thenComparing(Node::label)
            .thenComparing(n -> String.valueOf(n.arn()))
            .thenComparing(n -> String.valueOf(n.account()))
            .thenComparing(n -> String.valueOf(n.region()))
            .thenComparing(n -> String.valueOf(n.groupId()))
            .thenComparing(n -> n.attributes().toString());
}
