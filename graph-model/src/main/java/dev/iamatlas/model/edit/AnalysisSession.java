package dev.iamatlas.model.edit;

import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.findings.FindingEngine;
import dev.iamatlas.model.findings.ReachSummary;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.rules.AccessEngine;
import dev.iamatlas.model.rules.AnalysisRun;
import dev.iamatlas.model.rules.AnalysisServices;
import dev.iamatlas.model.rules.SnapshotIndex;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * An account under analysis: its snapshot, access graph and findings, kept up to date as the snapshot is edited.
 * After an edit, only the rule units that read a changed entity run again, and only the detectors that looked at
 * a touched node or changed entity; the graph and findings are then exactly those a full analysis of the edited
 * snapshot gives. Edits are commands with undo and redo; {@link #update} moves to any other snapshot of the same
 * account incrementally too.
 *
 * <p>The one service the GUI and the CLI share: {@code analyze} opens a session and reads {@link #findings()} and
 * {@link #reach()}; the what-if editor applies edits and shows each {@link ChangeSet}.
 *
 * <p>Not thread-safe: one thread drives a session (the GUI runs it on a background task). Close it to stop its
 * worker threads.
 */
public final class AnalysisSession implements AutoCloseable {
    private final AccessEngine engine;
    private final FindingEngine findingEngine;
    private AccountSnapshot snapshot;
    private final Deque<SnapshotEdit> done = new ArrayDeque<>();
    private final Deque<SnapshotEdit> undone = new ArrayDeque<>();
    private final List<String> changeList = new ArrayList<>();

    private AnalysisSession(AccountSnapshot snapshot, int parallelism) {
        this.engine = new AccessEngine(new AnalysisServices(), parallelism);
        this.findingEngine = new FindingEngine(engine.pool());
        this.snapshot = snapshot;
        engine.build(snapshot);
        findingEngine.computeAll(engine.graph(), engine.run());
    }

    /** Analyses {@code snapshot} on every available processor. */
    public static AnalysisSession open(AccountSnapshot snapshot) {
        return open(snapshot, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Analyses {@code snapshot}.
     *
     * @param parallelism worker threads for rule and detector units
     */
    public static AnalysisSession open(AccountSnapshot snapshot, int parallelism) {
        return new AnalysisSession(Objects.requireNonNull(snapshot, "snapshot"), parallelism);
    }

    /** The current snapshot. */
    public AccountSnapshot snapshot() {
        return snapshot;
    }

    /** The access graph of the current snapshot (live: later edits change it). */
    public AccessGraph graph() {
        return engine.graph();
    }

    /** The findings of the current snapshot, most severe first. */
    public List<Finding> findings() {
        return findingEngine.findings();
    }

    /** What the Internet can reach in the current snapshot. Linear in the reachable part of the graph. */
    public ReachSummary reach() {
        return ReachSummary.of(engine.graph());
    }

    /** The index of the current snapshot. */
    public SnapshotIndex index() {
        return engine.index();
    }

    /** The analysis run of the current snapshot (identities, organization policies), for queries. */
    public AnalysisRun run() {
        return engine.run();
    }

    /** Applies an edit and re-analyses incrementally. Clears the redo stack. */
    public ChangeSet apply(SnapshotEdit edit) {
        Objects.requireNonNull(edit, "edit");
        AccountSnapshot next = edit.execute(snapshot);
        done.push(edit);
        undone.clear();
        changeList.add(edit.description());
        return moveTo(next, edit.description());
    }

    /**
     * Undoes the last edit.
     *
     * @throws IllegalStateException when there is nothing to undo
     */
    public ChangeSet undo() {
        if (done.isEmpty()) {
            throw new IllegalStateException("nothing to undo");
        }
        SnapshotEdit edit = done.pop();
        undone.push(edit);
        changeList.remove(changeList.size() - 1);
        return moveTo(edit.undo(snapshot), "undo " + edit.description());
    }

    /**
     * Redoes the last undone edit.
     *
     * @throws IllegalStateException when there is nothing to redo
     */
    public ChangeSet redo() {
        if (undone.isEmpty()) {
            throw new IllegalStateException("nothing to redo");
        }
        SnapshotEdit edit = undone.pop();
        done.push(edit);
        changeList.add(edit.description());
        return moveTo(edit.execute(snapshot), edit.description());
    }

    /** Whether there is an edit to undo. */
    public boolean canUndo() {
        return !done.isEmpty();
    }

    /** Whether there is an undone edit to redo. */
    public boolean canRedo() {
        return !undone.isEmpty();
    }

    /** The descriptions of the edits in effect, oldest first. */
    public List<String> changeList() {
        return Collections.unmodifiableList(changeList);
    }

    /**
     * Moves to another snapshot of the same account (a fresh scan, an edited file) incrementally; a snapshot of
     * another account is analysed from scratch. The undo history is cleared.
     */
    public ChangeSet update(AccountSnapshot next) {
        Objects.requireNonNull(next, "next");
        done.clear();
        undone.clear();
        changeList.clear();
        return moveTo(next, "replace the snapshot");
    }

    private ChangeSet moveTo(AccountSnapshot next, String description) {
        long start = System.nanoTime();
        AccessEngine.Update update = engine.update(next);
        snapshot = next;
        FindingEngine.Change change;
        int rerun;
        if (update.fullRebuild()) {
            List<Finding> before = findingEngine.findings();
            findingEngine.computeAll(engine.graph(), engine.run());
            change = diff(before, findingEngine.findings());
            rerun = -1;
        } else {
            change = findingEngine.update(engine.graph(), engine.run(), update.changedEntities(), update.changedNodes(),
                    update.rewiredNodes());
            rerun = change.unitsRerun();
        }
        ReachDiff diff = ReachDiff.of(update.removedEdges(), update.addedEdges(), change.added(), change.removed());
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ChangeSet(description, diff, millis, update.unitsRecomputed(), rerun);
    }

    private static FindingEngine.Change diff(List<Finding> before, List<Finding> after) {
        java.util.Set<String> was = new java.util.HashSet<>();
        before.forEach(f -> was.add(f.id()));
        java.util.Set<String> now = new java.util.HashSet<>();
        after.forEach(f -> now.add(f.id()));
        List<Finding> added = new ArrayList<>();
        after.forEach(f -> {
            if (!was.contains(f.id())) {
                added.add(f);
            }
        });
        List<Finding> removed = new ArrayList<>();
        before.forEach(f -> {
            if (!now.contains(f.id())) {
                removed.add(f);
            }
        });
        return new FindingEngine.Change(added, removed, after.size());
    }

    @Override
    public void close() {
        engine.close();
    }
}
