package dev.iamatlas.model.edit;

import java.util.Objects;

/**
 * What one step of an analysis session did: the edit (or undo, redo, snapshot replacement) and what reach it
 * gained or lost.
 *
 * @param description a line for the change list ("add permission apigw-prod to orders:live", "undo ...")
 * @param diff edges and findings added, removed and changed
 * @param millis how long the re-analysis took: the graph, the findings and this change set's reach diff
 * @param unitsRerun how many rule units ran again
 * @param findingUnitsRerun how many detector units ran again
 */
public record ChangeSet(String description, ReachDiff diff, long millis, int unitsRerun, int findingUnitsRerun) {
    public ChangeSet {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(diff, "diff");
    }
}
