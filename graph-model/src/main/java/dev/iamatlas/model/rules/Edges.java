package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeEvidence;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.EvaluatedRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds edges from checks: the status is the weakest of the checks' (every request must be allowed), the evidence
 * is the checks explained plus notes, and the explanation is a lead sentence followed by each check's reason. Both
 * are computed on first use.
 */
public final class Edges {
    private Edges() {
    }

    /** The weakest status among the checks (ALLOWED for none). */
    public static EdgeStatus status(List<Check> checks) {
        EdgeStatus s = EdgeStatus.ALLOWED;
        for (Check c : checks) {
            s = Check.weakest(s, c.status());
        }
        return s;
    }

    /**
     * An edge decided by {@code checks}.
     *
     * @param lead the explanation's first clause, built on first use, such as "API Gateway invokes orders:live for
     *     GET /orders in stage prod"
     * @param notes notes for people, besides those the checks give (unknown keys, unreadable policies)
     */
    public static AccessEdge.Builder checked(EdgeType type, String from, String to, Supplier<String> lead,
            List<Check> checks, List<String> notes) {
        List<Check> frozen = List.copyOf(checks);
        List<String> extra = notes == null ? List.of() : List.copyOf(notes);
        AccessEdge.Builder b = AccessEdge.builder(type, from, to).status(status(frozen))
                .evidence(() -> evidence(frozen, extra))
                .explanationFrom(e -> explanation(lead.get(), e, extra, frozen.size() > 1, false));
        Check weakest = null;
        for (Check c : frozen) {
            if (weakest == null || Check.weakest(c.status(), weakest.status()) == c.status() && c.status() != weakest.status()) {
                weakest = c;
            }
        }
        if (weakest != null && weakest.status() != EdgeStatus.ALLOWED) {
            b.attribute(AccessEdge.DECISION_REASON, weakest.decision().reason().name());
        }
        return b;
    }

    private static EdgeEvidence evidence(List<Check> checks, List<String> extra) {
        List<EvaluatedRequest> requests = new ArrayList<>(checks.size());
        Set<String> all = new LinkedHashSet<>(extra);
        for (Check c : checks) {
            requests.add(c.explain());
            all.addAll(c.notes());
        }
        return new EdgeEvidence(requests, new ArrayList<>(all));
    }

    private static String explanation(String lead, EdgeEvidence e, List<String> extra, boolean purposes, boolean actions) {
        StringBuilder sb = new StringBuilder(lead);
        List<String> clauses = new ArrayList<>();
        for (EvaluatedRequest r : e.requests()) {
            String clause = Check.reasonClause(r, e.notes());
            clauses.add(purposes ? r.purpose() + ": " + clause : actions ? r.action() + " " + clause : clause);
        }
        if (!clauses.isEmpty()) {
            sb.append(" — ").append(String.join("; ", clauses));
        }
        if (!extra.isEmpty()) {
            sb.append(". ").append(extra.get(0));
        }
        return sb.toString();
    }

    /**
     * An edge whose status is already known and whose checks are built only when its evidence is asked for (for
     * edges that stand for many evaluations, such as a capability). Notes are built then too.
     */
    public static AccessEdge.Builder lazyChecked(EdgeType type, String from, String to, EdgeStatus status,
            Supplier<String> lead, Supplier<List<Check>> checks, Supplier<List<String>> notes) {
        return AccessEdge.builder(type, from, to).status(status)
                .evidence(() -> evidence(checks.get(), notes.get()))
                .explanationFrom(e -> explanation(lead.get(), e, e.notes().isEmpty() ? List.of() : List.of(e.notes().get(0)),
                        false, true));
    }

    /**
     * What {@link #lazyChecked(EdgeType, String, String, EdgeStatus, Deferred)} builds on first use: the lead clause,
     * the checks and the notes. One object per edge is both its evidence source and its explanation source.
     */
    public interface Deferred extends Supplier<EdgeEvidence>, java.util.function.Function<EdgeEvidence, String> {
        /** The explanation's first clause. */
        String lead();

        /** The checks to evaluate with explanations. */
        List<Check> checks();

        /** Notes for people. */
        List<String> notes();

        /** The evidence: the checks explained, then the notes. */
        @Override
        default EdgeEvidence get() {
            return evidence(checks(), notes());
        }

        /** The explanation from the evidence. */
        @Override
        default String apply(EdgeEvidence e) {
            return explanation(lead(), e, e.notes().isEmpty() ? List.of() : List.of(e.notes().get(0)), false, true);
        }
    }

    /**
     * As {@link #lazyChecked(EdgeType, String, String, EdgeStatus, Supplier, Supplier, Supplier)}, with the lead,
     * checks and notes from one object (for rules that make many such edges: one small object per edge).
     */
    public static AccessEdge.Builder lazyChecked(EdgeType type, String from, String to, EdgeStatus status,
            Deferred deferred) {
        return AccessEdge.builder(type, from, to).status(status).evidence(deferred).explanationFrom(deferred);
    }

    /** An edge decided by structure alone (no request), such as a group membership or an alias's target. */
    public static AccessEdge.Builder structural(EdgeType type, String from, String to, EdgeStatus status,
            String explanation, List<String> notes) {
        return AccessEdge.builder(type, from, to).status(status)
                .evidenceValue(EdgeEvidence.ofNotes(notes == null ? List.of() : notes))
                .explanationValue(explanation);
    }
}
