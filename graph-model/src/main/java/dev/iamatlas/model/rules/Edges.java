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

    /** Memoizes a supplier (thread-safe; may compute twice under a race, which is harmless for pure suppliers). */
    static <T> Supplier<T> lazy(Supplier<T> source) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    v = source.get();
                    value = v;
                }
                return v;
            }
        };
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
        Supplier<EdgeEvidence> evidence = lazy(() -> {
            List<EvaluatedRequest> requests = new ArrayList<>(frozen.size());
            Set<String> all = new LinkedHashSet<>(extra);
            for (Check c : frozen) {
                requests.add(c.explain());
                all.addAll(c.notes());
            }
            return new EdgeEvidence(requests, new ArrayList<>(all));
        });
        Supplier<String> explanation = () -> {
            EdgeEvidence e = evidence.get();
            StringBuilder sb = new StringBuilder(lead.get());
            List<String> clauses = new ArrayList<>();
            for (int i = 0; i < frozen.size(); i++) {
                Check c = frozen.get(i);
                String clause = c.reasonClause(e.requests().get(i));
                clauses.add(frozen.size() > 1 ? c.purpose() + ": " + clause : clause);
            }
            if (!clauses.isEmpty()) {
                sb.append(" — ").append(String.join("; ", clauses));
            }
            if (!extra.isEmpty()) {
                sb.append(". ").append(extra.get(0));
            }
            return sb.toString();
        };
        return AccessEdge.builder(type, from, to).status(status(frozen)).evidence(evidence).explanation(explanation);
    }

    /**
     * An edge whose status is already known and whose checks are built only when its evidence is asked for (for
     * edges that stand for many evaluations, such as a capability).
     */
    public static AccessEdge.Builder lazyChecked(EdgeType type, String from, String to, EdgeStatus status,
            Supplier<String> lead, Supplier<List<Check>> checks, List<String> notes) {
        Supplier<List<Check>> memo = lazy(checks);
        AccessEdge.Builder b = checked(type, from, to, lead, List.of(), notes);
        List<String> extra = notes == null ? List.of() : List.copyOf(notes);
        Supplier<EdgeEvidence> evidence = lazy(() -> {
            List<EvaluatedRequest> requests = new ArrayList<>();
            Set<String> all = new LinkedHashSet<>(extra);
            for (Check c : memo.get()) {
                requests.add(c.explain());
                all.addAll(c.notes());
            }
            return new EdgeEvidence(requests, new ArrayList<>(all));
        });
        Supplier<String> explanation = () -> {
            EdgeEvidence e = evidence.get();
            List<Check> list = memo.get();
            List<String> clauses = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                clauses.add(list.get(i).evaluationRequest().action() + " " + list.get(i).reasonClause(e.requests().get(i)));
            }
            return lead.get() + (clauses.isEmpty() ? "" : " — " + String.join("; ", clauses))
                    + (extra.isEmpty() ? "" : ". " + extra.get(0));
        };
        return b.status(status).evidence(evidence).explanation(explanation);
    }

    /** An edge decided by structure alone (no request), such as a group membership or an alias's target. */
    public static AccessEdge.Builder structural(EdgeType type, String from, String to, EdgeStatus status,
            String explanation, List<String> notes) {
        return AccessEdge.builder(type, from, to).status(status)
                .evidenceValue(EdgeEvidence.ofNotes(notes == null ? List.of() : notes))
                .explanationValue(explanation);
    }
}
