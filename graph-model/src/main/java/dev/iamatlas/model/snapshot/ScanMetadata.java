package dev.iamatlas.model.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a snapshot came from. Never holds credentials.
 *
 * @param accountId the 12-digit account id
 * @param accountAlias the account alias, or null
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param regions the regions scanned
 * @param source how the snapshot was made: {@code scan}, {@code import-gaad}, {@code synth}, {@code demo},
 *     {@code edit}
 * @param toolVersion the IAM Atlas version that made it
 * @param callerArn the identity that scanned (from {@code sts:GetCallerIdentity}), or null
 * @param startedAt when the scan started, or null
 * @param finishedAt when it finished, or null
 * @param complete false when the scan was cancelled before it finished
 * @param apiCalls AWS API calls made, per service; empty when not scanned
 */
public record ScanMetadata(
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
        Map<String, Long> apiCalls) {

    public ScanMetadata {
        Objects.requireNonNull(accountId, "accountId");
        partition = partition == null ? "aws" : partition;
        regions = Copies.list(regions);
        apiCalls = Copies.map(apiCalls);
    }

    /** Metadata for a snapshot made by hand or in a test: complete, no scan details. */
    public static ScanMetadata of(String accountId, String source, List<String> regions) {
        return new ScanMetadata(accountId, null, "aws", regions, source, null, null, null, null, true, Map.of());
    }

    /** The total number of AWS API calls made. */
    public long totalApiCalls() {
        return apiCalls.values().stream().mapToLong(Long::longValue).sum();
    }
}
