package dev.iamatlas.model.report;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.findings.ReachSummary;
import dev.iamatlas.model.findings.RuleCatalogue;
import dev.iamatlas.model.findings.RuleInfo;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Everything {@code analyze} reports about one account, built once from an {@link AnalysisSession}: the account and
 * its snapshot (with the scan's gaps), the findings most severe first with their paths, evidence and fixes, what
 * the Internet can reach, counts, and the analysis notes. A plain immutable value: every writer
 * ({@link ReportWriters}, and the PDF writer of the desktop app) renders this same object, so the CLI and the GUI
 * report the same content.
 *
 * @param toolVersion the IAM Atlas version writing the report (SARIF's driver version), or null
 * @param snapshot the account and where its snapshot came from
 * @param findings the findings, most severe first, then by rule (catalogue order), resource and id
 * @param reach what the Internet can reach
 * @param counts totals for summaries
 * @param labels node labels for the node ids the findings and the reach summary mention, so writers can show
 *     names instead of ARNs
 * @param notes notes about the analysis as a whole (such as "Organizations could not be read")
 */
public record AnalysisReport(
        String toolVersion,
        SnapshotInfo snapshot,
        List<ReportFinding> findings,
        ReachSummary reach,
        Counts counts,
        SortedMap<String, String> labels,
        List<String> notes) {

    public AnalysisReport {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(reach, "reach");
        Objects.requireNonNull(counts, "counts");
        findings = List.copyOf(findings);
        labels = labels == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The order of findings in every report: severity, rule (catalogue order), resource, id. */
    public static final Comparator<ReportFinding> ORDER = Comparator.comparing(ReportFinding::severity)
            .thenComparingInt(f -> ruleOrder(f.rule())).thenComparing(ReportFinding::resource)
            .thenComparing(ReportFinding::id);

    /**
     * Builds the report of the session's current snapshot. Takes the evidence of every path edge of every finding
     * (one explaining evaluation per edge), so the report no longer needs the session: it may be closed, or edited,
     * afterwards.
     *
     * @param session the analysed account
     * @param snapshotName how the user named the snapshot (a file name, or {@code demo})
     * @param toolVersion the IAM Atlas version writing the report, or null
     */
    public static AnalysisReport of(AnalysisSession session, String snapshotName, String toolVersion) {
        Objects.requireNonNull(session, "session");
        AccessGraph graph = session.graph();
        Function<String, String> labelOf = id -> graph.node(id).map(Node::label).orElse(id);
        List<ReportFinding> findings = new ArrayList<>();
        for (Finding f : session.findings()) {
            findings.add(ReportFinding.of(f, labelOf, true));
        }
        findings.sort(ORDER);
        ReachSummary reach = session.reach();
        SortedMap<String, String> labels = new TreeMap<>();
        for (ReachSummary.PublicRoute r : reach.publicRoutes()) {
            labels.put(r.routeId(), r.label());
        }
        for (ReachSummary.ReachedFunction f : reach.functions()) {
            labels.put(f.functionId(), f.label());
            f.via().forEach(id -> labels.put(id, labelOf.apply(id)));
            f.roles().forEach(id -> labels.put(id, labelOf.apply(id)));
            f.qualifiers().forEach(q -> labels.put(q.qualifierId(), labelOf.apply(q.qualifierId())));
        }
        for (ReachSummary.RoleBehind r : reach.roles()) {
            labels.put(r.roleId(), r.label());
        }
        for (ReportFinding f : findings) {
            labels.put(f.resource(), labelOf.apply(f.resource()));
            if (f.principal() != null) {
                labels.put(f.principal(), labelOf.apply(f.principal()));
            }
        }
        return new AnalysisReport(toolVersion, SnapshotInfo.of(snapshotName, session.snapshot()), findings, reach,
                Counts.of(graph, findings, reach), labels, graph.notes());
    }

    /** The label of a node id the report mentions, or the id itself. */
    public String label(String id) {
        return labels.getOrDefault(id, id);
    }

    /** The labels of {@code ids}, each passed through {@code escape} (for the output format), joined with ", ". */
    public String labels(List<String> ids, UnaryOperator<String> escape) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(escape.apply(label(id))));
        return String.join(", ", out);
    }

    /** The findings at {@code threshold} or more severe. */
    public List<ReportFinding> findingsAtLeast(Severity threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return findings.stream().filter(f -> f.severity().isAtLeast(threshold)).toList();
    }

    /** The rules of the catalogue, in display order (SARIF rule metadata, report appendices). */
    public List<RuleInfo> rules() {
        return RuleCatalogue.rules();
    }

    private static int ruleOrder(String rule) {
        List<RuleInfo> rules = RuleCatalogue.rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(rule)) {
                return i;
            }
        }
        return rules.size();
    }

    /**
     * Totals for summaries.
     *
     * @param bySeverity findings per severity, every severity present (zero when none), most severe first
     * @param byRule findings per rule id, every catalogue rule present, in catalogue order
     * @param nodes nodes in the access graph
     * @param edges edges in the access graph
     * @param edgesByStatus edges per status, every status present
     * @param publicRoutes routes the Internet can call
     * @param reachableFunctions functions the Internet can reach (each counted once, whatever its qualifiers)
     * @param rolesBehind roles those run as
     * @param adminRolesBehind how many of those roles are admin-equivalent
     */
    public record Counts(
            Map<Severity, Integer> bySeverity,
            Map<String, Integer> byRule,
            int nodes,
            int edges,
            Map<EdgeStatus, Integer> edgesByStatus,
            int publicRoutes,
            int reachableFunctions,
            int rolesBehind,
            int adminRolesBehind) {

        public Counts {
            bySeverity = Collections.unmodifiableMap(new EnumMap<>(bySeverity));
            byRule = Collections.unmodifiableMap(new LinkedHashMap<>(byRule));
            edgesByStatus = Collections.unmodifiableMap(new EnumMap<>(edgesByStatus));
        }

        /** The number of findings. */
        public int findings() {
            return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** "12 findings: 2 critical, 7 high, 2 medium, 1 low" (severities with none are left out). */
        public String describeFindings() {
            int total = findings();
            StringBuilder b = new StringBuilder().append(total).append(total == 1 ? " finding" : " findings");
            List<String> parts = new ArrayList<>();
            bySeverity.forEach((s, n) -> {
                if (n > 0) {
                    parts.add(n + " " + s.name().toLowerCase(java.util.Locale.ROOT));
                }
            });
            if (!parts.isEmpty()) {
                b.append(": ").append(String.join(", ", parts));
            }
            return b.toString();
        }

        static Counts of(AccessGraph graph, List<ReportFinding> findings, ReachSummary reach) {
            Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                bySeverity.put(s, 0);
            }
            Map<String, Integer> byRule = new LinkedHashMap<>();
            RuleCatalogue.rules().forEach(r -> byRule.put(r.id(), 0));
            for (ReportFinding f : findings) {
                bySeverity.merge(f.severity(), 1, Integer::sum);
                byRule.merge(f.rule(), 1, Integer::sum);
            }
            Map<EdgeStatus, Integer> byStatus = new EnumMap<>(EdgeStatus.class);
            for (EdgeStatus s : EdgeStatus.values()) {
                byStatus.put(s, 0);
            }
            Map<EdgeStatus, Integer> counted = new HashMap<>();
            for (AccessEdge e : graph.edges()) {
                counted.merge(e.status(), 1, Integer::sum);
            }
            byStatus.putAll(counted);
            int admin = (int) reach.roles().stream().filter(ReachSummary.RoleBehind::adminEquivalent).count();
            return new Counts(bySeverity, byRule, graph.nodes().size(), graph.edges().size(), byStatus,
                    reach.publicRoutes().size(), reach.functions().size(), reach.roles().size(), admin);
        }
    }
}
