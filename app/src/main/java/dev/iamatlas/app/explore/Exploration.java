package dev.iamatlas.app.explore;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * One account as the app explores it: the snapshot, the diagram drawn from it, details for every element of the
 * diagram, and the findings. Immutable.
 *
 * @param snapshot the account
 * @param diagram what the graph canvas draws
 * @param inspections what the inspector shows for the diagram's nodes and edges
 * @param findings the findings, most severe first; empty until findings are computed
 * @param evaluated whether edge statuses come from policy evaluation (false: configuration only, every edge
 *     CONDITIONAL meaning "not yet evaluated")
 */
public record Exploration(AccountSnapshot snapshot, Diagram diagram, InspectionSource inspections,
        List<FindingRow> findings, boolean evaluated) {
    public Exploration {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(diagram, "diagram");
        Objects.requireNonNull(inspections, "inspections");
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
