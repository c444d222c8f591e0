package dev.iamatlas.model.evaluation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to an {@link EvaluationRequest}.
 *
 * <p><b>Conditional decisions.</b> When the request declares context keys unknown, conditions on
 * them are UNKNOWN and the evaluator computes two bounds:
 * <ul>
 *   <li>{@link #mostPermissive()}: unknown conditions resolved in favour of access: they hold in
 *       Allow statements and fail in Deny statements;</li>
 *   <li>{@link #leastPermissive()}: the reverse: they fail in Allow statements and hold in Deny
 *       statements.</li>
 * </ul>
 * Every concrete value of the unknown keys gives an outcome between the two (the logic is monotone
 * in statement matches). The bounds treat each unknown condition independently, so the most
 * permissive bound may be reachable by no real request (for example an Allow and a Deny on the same
 * unknown IP range): it is an upper bound, never an underestimate. {@link #isConditional()} is true
 * when the bounds differ; {@link #outcome()} is then the least permissive bound. Without unknown
 * keys both bounds are the one AWS outcome.
 */
public final class Decision {
    private static final Map<DecisionReason, Decision> PLAIN = new EnumMap<>(DecisionReason.class);

    static {
        for (DecisionReason reason : DecisionReason.values()) {
            PLAIN.put(reason, new Decision(reason, reason, Set.of(), List.of(), null));
        }
    }

    private final DecisionReason leastReason;
    private final DecisionReason mostReason;
    private final Set<String> unknownKeys;
    private final List<StatementRef> deciding;
    private final List<PolicyEvidence> evidence;

    private Decision(DecisionReason leastReason, DecisionReason mostReason, Set<String> unknownKeys,
            List<StatementRef> deciding, List<PolicyEvidence> evidence) {
        this.leastReason = leastReason;
        this.mostReason = mostReason;
        this.unknownKeys = unknownKeys;
        this.deciding = deciding;
        this.evidence = evidence;
    }

    static Decision of(DecisionReason least, DecisionReason most, Set<String> unknownKeys, List<StatementRef> deciding,
            List<PolicyEvidence> evidence) {
        if (least == most && unknownKeys.isEmpty() && deciding.isEmpty() && evidence == null) {
            return PLAIN.get(least);
        }
        return new Decision(least, most, Set.copyOf(unknownKeys), List.copyOf(deciding), evidence == null ? null : List.copyOf(evidence));
    }

    /** The outcome; when {@link #isConditional()}, the least permissive bound. */
    public Outcome outcome() {
        return leastReason.outcome();
    }

    /** Why {@link #outcome()}. */
    public DecisionReason reason() {
        return leastReason;
    }

    /** Whether the outcome depends on unknown context keys (the two bounds differ). */
    public boolean isConditional() {
        return leastReason.outcome() != mostReason.outcome();
    }

    /** The outcome when unknown conditions resolve in favour of access. */
    public Outcome mostPermissive() {
        return mostReason.outcome();
    }

    /** Why {@link #mostPermissive()}. */
    public DecisionReason mostPermissiveReason() {
        return mostReason;
    }

    /** The outcome when unknown conditions resolve against access; same as {@link #outcome()}. */
    public Outcome leastPermissive() {
        return leastReason.outcome();
    }

    /** The unknown keys met in applicable statements (as written in the policies, or lower-cased for variables). */
    public Set<String> unknownKeys() {
        return unknownKeys;
    }

    /**
     * The statements that decided {@link #outcome()}: the denying statements for an explicit deny;
     * the allowing identity and/or resource statements for an allow; empty for an implicit deny
     * (see {@link #reason()}). Empty unless the decision came from {@link PolicyEvaluator#explain}.
     */
    public List<StatementRef> decidingStatements() {
        return deciding;
    }

    /** Whether evidence was recorded ({@link PolicyEvaluator#explain}). */
    public boolean hasEvidence() {
        return evidence != null;
    }

    /** Per policy, the applicable statements and their conditions; empty unless explained. */
    public List<PolicyEvidence> evidence() {
        return evidence == null ? List.of() : evidence;
    }

    @Override
    public String toString() {
        return isConditional() ? "CONDITIONAL(" + leastPermissive() + ".." + mostPermissive() + " on " + unknownKeys + ")"
                : outcome() + " (" + leastReason.description() + ")";
    }
}
