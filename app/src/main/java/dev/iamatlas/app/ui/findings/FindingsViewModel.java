package dev.iamatlas.app.ui.findings;

import dev.iamatlas.app.explore.FindingRow;
import dev.iamatlas.app.ui.graph.GraphViewModel;
import dev.iamatlas.app.ui.inspector.InspectorViewModel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The findings of the open account, filtered by text (rule, resource, message) and minimum severity. Selecting a
 * finding highlights its path in the graph and shows its evidence in the inspector. Empty until findings are
 * computed for the account.
 */
public final class FindingsViewModel {
    /** Severities offered by the filter, least first. */
    public static final List<String> SEVERITIES = List.of("ALL", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    private final GraphViewModel graph;
    private final InspectorViewModel inspector;
    private final ObservableList<FindingRow> all = FXCollections.observableArrayList();
    private final FilteredList<FindingRow> shown = new FilteredList<>(all, f -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<String> minimumSeverity = new SimpleObjectProperty<>("ALL");
    private final StringProperty placeholder = new SimpleStringProperty("Open a snapshot to see its findings.");
    /** Ids of the findings the last what-if edit brought in, marked in the table. */
    private final ObjectProperty<Set<String>> newFindings = new SimpleObjectProperty<>(Set.of());
    /** The finding chosen in the table (or by the app, such as the most severe one when an account opens). */
    private final ObjectProperty<FindingRow> selected = new SimpleObjectProperty<>();

    public FindingsViewModel(GraphViewModel graph, InspectorViewModel inspector) {
        this.graph = graph;
        this.inspector = inspector;
        filter.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, b) -> select(b));
        minimumSeverity.addListener((o, a, b) -> refilter());
    }

    public ObservableList<FindingRow> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<String> minimumSeverityProperty() {
        return minimumSeverity;
    }

    /** What the empty table says. */
    public StringProperty placeholderProperty() {
        return placeholder;
    }

    /**
     * Shows the findings of a newly opened account.
     *
     * @param evaluated whether the account's policies were evaluated (no findings then means none were found)
     */
    public void show(List<FindingRow> findings, boolean evaluated) {
        selected.set(null);
        newFindings.set(Set.of());
        all.setAll(findings.stream().sorted((a, b) -> Integer.compare(b.severityRank(), a.severityRank())).toList());
        placeholder.set(evaluated ? "No findings: nothing risky was found in this account."
                : "No findings yet: policies are not evaluated, the diagram shows configured links only.");
    }

    /** Shows the findings after a what-if edit, marking those that are new. */
    public void update(List<FindingRow> findings, Set<String> newIds) {
        selected.set(null);
        all.setAll(findings.stream().sorted((a, b) -> Integer.compare(b.severityRank(), a.severityRank())).toList());
        newFindings.set(Set.copyOf(newIds));
        placeholder.set("No findings: nothing risky was found in this account.");
    }

    /** Ids of the findings the last what-if edit brought in. */
    public ObjectProperty<Set<String>> newFindingsProperty() {
        return newFindings;
    }

    /** How many findings there are in all (not only the ones the filter shows). */
    public int total() {
        return all.size();
    }

    /** Back to no account: an empty table that says so. */
    public void clear() {
        selected.set(null);
        all.clear();
        placeholder.set("Open a snapshot to see its findings.");
    }

    /** The chosen finding; setting it highlights its path and shows its evidence. */
    public ObjectProperty<FindingRow> selectedProperty() {
        return selected;
    }

    /** Chooses the most severe finding (the table's first row), when there is one. */
    public void selectMostSevere() {
        if (!all.isEmpty()) {
            selected.set(all.get(0));
        }
    }

    /** Highlights the finding's path and shows its evidence. */
    public void select(FindingRow finding) {
        if (finding == null) {
            return;
        }
        graph.selectedNodes().clear();
        graph.selectedEdges().clear();
        graph.showPath(finding.pathEdgeIds());
        if (finding.evidenceEdgeId() != null) {
            inspector.inspectEdge(finding.evidenceEdgeId());
        } else if (finding.resourceArn() != null) {
            graph.reveal(finding.resourceArn());
        }
    }

    private void refilter() {
        String query = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        int minimum = SEVERITIES.indexOf(minimumSeverity.get());
        shown.setPredicate(f -> (minimum <= 0 || f.severityRank() >= minimum)
                && (query.isEmpty() || (f.ruleId() + " " + f.resource() + " " + f.message())
                .toLowerCase(Locale.ROOT).contains(query)));
    }
}
