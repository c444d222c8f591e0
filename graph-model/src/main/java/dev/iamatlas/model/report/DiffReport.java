package dev.iamatlas.model.report;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.edit.ChangeSet;
import dev.iamatlas.model.edit.EdgeChange;
import dev.iamatlas.model.edit.ReachDiff;
import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What reach was gained or lost between two snapshots, for {@code diff OLD NEW} and the desktop app's comparison:
 * the edges that appeared, disappeared or changed status (each marked as reach gained, lost, or neither), and the
 * findings that are new or resolved. Built once, through the same incremental analysis as
 * {@link dev.iamatlas.model.edit.SnapshotDiff}: the old snapshot is analysed, then moved to the new one.
 *
 * @param before the old snapshot
 * @param after the new snapshot
 * @param added edges that are new, by id
 * @param removed edges that are gone, by id
 * @param changed edges whose status, label or attributes changed, by id
 * @param newFindings findings of the new snapshot that the old one did not have, most severe first
 * @param resolvedFindings findings of the old snapshot that are gone, most severe first
 */
public record DiffReport(
        SnapshotInfo before,
        SnapshotInfo after,
        List<Change> added,
        List<Change> removed,
        List<Change> changed,
        List<ReportFinding> newFindings,
        List<ReportFinding> resolvedFindings) {

    public DiffReport {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        newFindings = List.copyOf(newFindings);
        resolvedFindings = List.copyOf(resolvedFindings);
    }

    /** Whether reach grew, shrank or neither through one edge change. */
    public enum Reach {
        /** The link now works (at least conditionally) and did not, or is now ALLOWED and was CONDITIONAL. */
        GAINED,
        /** The link worked and no longer does, or is now only CONDITIONAL. */
        LOST,
        /** Neither: a broken link appeared or went, or only the explanation or attributes changed. */
        NONE
    }

    /**
     * One edge that appeared, disappeared or changed.
     *
     * @param edge the edge's stable id
     * @param type the kind of link
     * @param from the source node id
     * @param fromLabel its label
     * @param to the target node id
     * @param toLabel its label
     * @param statusBefore the status before, or null when the edge is new
     * @param statusAfter the status after, or null when it is gone
     * @param reach whether reach was gained or lost through it
     * @param explanation the edge's explanation as it is now (or was, when gone)
     */
    public record Change(String edge, EdgeType type, String from, String fromLabel, String to, String toLabel,
            EdgeStatus statusBefore, EdgeStatus statusAfter, Reach reach, String explanation) {
        public Change {
            Objects.requireNonNull(edge, "edge");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(reach, "reach");
        }

        static Change of(EdgeChange c, Function<String, String> labelOf) {
            Reach reach = c.gained() ? Reach.GAINED : c.lost() ? Reach.LOST : Reach.NONE;
            return new Change(c.id(), c.type(), c.source(), labelOf.apply(c.source()), c.target(),
                    labelOf.apply(c.target()), c.before(), c.after(), reach, c.explanation());
        }
    }

    /**
     * Analyses {@code before}, moves the analysis to {@code after} and reports the difference. A snapshot of
     * another account is analysed from scratch (everything differs).
     *
     * @param beforeName how the user named the old snapshot
     * @param afterName how the user named the new snapshot
     */
    public static DiffReport of(AccountSnapshot before, String beforeName, AccountSnapshot after, String afterName) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<String, String> labels = new HashMap<>();
        ReachDiff diff;
        try (AnalysisSession session = AnalysisSession.open(before)) {
            session.graph().nodes().forEach(n -> labels.put(n.id(), n.label()));
            ChangeSet change = session.update(after);
            session.graph().nodes().forEach(n -> labels.put(n.id(), n.label()));
            diff = change.diff();
        }
        Function<String, String> labelOf = id -> labels.getOrDefault(id, id);
        return new DiffReport(SnapshotInfo.of(beforeName, before), SnapshotInfo.of(afterName, after),
                changes(diff.added(), labelOf), changes(diff.removed(), labelOf), changes(diff.changed(), labelOf),
                findings(diff.newFindings(), labelOf), findings(diff.resolvedFindings(), labelOf));
    }

    /** The edge changes through which reach grew, by id. */
    public List<Change> gained() {
        return all().stream().filter(c -> c.reach() == Reach.GAINED).toList();
    }

    /** The edge changes through which reach shrank, by id. */
    public List<Change> lost() {
        return all().stream().filter(c -> c.reach() == Reach.LOST).toList();
    }

    /** The edge changes that neither gained nor lost reach, by id. */
    public List<Change> other() {
        return all().stream().filter(c -> c.reach() == Reach.NONE).toList();
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && newFindings.isEmpty()
                && resolvedFindings.isEmpty();
    }

    /** The new findings at {@code threshold} or more severe. */
    public List<ReportFinding> newFindingsAtLeast(Severity threshold) {
        return newFindings.stream().filter(f -> f.severity().isAtLeast(threshold)).toList();
    }

    private List<Change> all() {
        List<Change> out = new ArrayList<>(added);
        out.addAll(removed);
        out.addAll(changed);
        out.sort(java.util.Comparator.comparing(Change::edge));
        return out;
    }

    private static List<Change> changes(List<EdgeChange> changes, Function<String, String> labelOf) {
        List<Change> out = new ArrayList<>(changes.size());
        changes.forEach(c -> out.add(Change.of(c, labelOf)));
        return out;
    }

    private static List<ReportFinding> findings(List<Finding> findings, Function<String, String> labelOf) {
        List<ReportFinding> out = new ArrayList<>(findings.size());
        findings.forEach(f -> out.add(ReportFinding.of(f, labelOf, false)));
        out.sort(AnalysisReport.ORDER);
        return out;
    }
}
