package dev.iamatlas.model.report;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.ScanMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which account a report is about and where its snapshot came from, including what the scan could not read.
 *
 * @param name how the snapshot was named by whoever asked for the report: a file name, or {@code demo}
 * @param accountId the 12-digit account id
 * @param accountAlias the account alias, or null
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param regions the regions scanned
 * @param source how the snapshot was made ({@code scan}, {@code import-gaad}, {@code synth}, {@code demo},
 *     {@code edit})
 * @param toolVersion the IAM Atlas version that made the snapshot, or null
 * @param callerArn the identity that scanned, or null
 * @param startedAt when the scan started, or null
 * @param finishedAt when it finished, or null
 * @param complete false when the scan was cut short
 * @param gaps what the scan could not read; a report on a snapshot with gaps may miss access
 */
public record SnapshotInfo(
        String name,
        String accountId,
        String accountAlias,
        String partition,
        List<String> regions,
        String source,
        String toolVersion,
        String callerArn,
        Instant startedAt,
        Instant finishedAt,
        boolean complete,
        List<ScanGap> gaps) {

    public SnapshotInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountId, "accountId");
        partition = partition == null ? "aws" : partition;
        regions = regions == null ? List.of() : List.copyOf(regions);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    /** The metadata of {@code snapshot}, named {@code name}. */
    public static SnapshotInfo of(String name, AccountSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        ScanMetadata m = snapshot.metadata();
        return new SnapshotInfo(name, m.accountId(), m.accountAlias(), m.partition(), m.regions(), m.source(),
                m.toolVersion(), m.callerArn(), m.startedAt(), m.finishedAt(), m.complete(), snapshot.gaps());
    }

    /** The account id, with the alias in parentheses when there is one. */
    public String accountDisplay() {
        return accountAlias == null || accountAlias.isBlank() ? accountId : accountId + " (" + accountAlias + ")";
    }
}
