package dev.iamatlas.app.explore;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * One account as the app explores it: the snapshot, the diagram drawn from it, details for every element of the
 * diagram, and the findings. Immutable, except for the analysis session it came from, which what-if edits move on
 * (an edit then gives a new exploration of the same session).
 *
 * @param snapshot the account
 * @param diagram what the graph canvas draws: every node and edge of the access graph (large accounts show a
 *     part of it at a time, see {@link ViewSelection})
 * @param inspections what the inspector shows for the diagram's nodes and edges
 * @param findings the findings, most severe first
 * @param evaluated whether edge statuses come from policy evaluation (false: configuration only)
 * @param notes notes about the analysis as a whole, such as "Organizations could not be read: SCPs may further
 *     restrict every principal"
 * @param session the analysis session behind it, through which what-if edits go; null when there is none
 */
public record Exploration(AccountSnapshot snapshot, Diagram diagram, InspectionSource inspections,
        List<FindingRow> findings, boolean evaluated, List<String> notes, AnalysisSession session) {
    public Exploration {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(diagram, "diagram");
        Objects.requireNonNull(inspections, "inspections");
        findings = findings == null ? List.of() : List.copyOf(findings);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An exploration without a session or notes (tests, decorators). */
    public Exploration(AccountSnapshot snapshot, Diagram diagram, InspectionSource inspections,
            List<FindingRow> findings, boolean evaluated) {
        this(snapshot, diagram, inspections, findings, evaluated, List.of(), null);
    }

    /** The same exploration with other inspections (decorators, tests). */
    public Exploration withInspections(InspectionSource source) {
        return new Exploration(snapshot, diagram, source, findings, evaluated, notes, session);
    }
}
