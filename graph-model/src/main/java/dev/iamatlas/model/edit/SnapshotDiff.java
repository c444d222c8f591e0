package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.util.Objects;

/**
 * What reach was gained or lost between two snapshots, for {@code diff OLD NEW}: the old snapshot is analysed, then
 * moved to the new one incrementally (a snapshot of another account is analysed from scratch), and the edges and
 * findings that differ are reported.
 */
public final class SnapshotDiff {
    private SnapshotDiff() {
    }

    /** The reach difference from {@code before} to {@code after}. */
    public static ReachDiff between(AccountSnapshot before, AccountSnapshot after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        try (AnalysisSession session = AnalysisSession.open(before)) {
            return session.update(after).diff();
        }
    }
}
