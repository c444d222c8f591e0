package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.ConditionEvidence;
import dev.iamatlas.model.evaluation.Decision;
import dev.iamatlas.model.evaluation.DefaultPolicyEvaluator;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.evaluation.EvaluationRequest;
import dev.iamatlas.model.evaluation.NamedPolicy;
import dev.iamatlas.model.evaluation.Outcome;
import dev.iamatlas.model.evaluation.PolicyEvaluator;
import dev.iamatlas.model.evaluation.PolicyEvidence;
import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.evaluation.StatementEvidence;
import dev.iamatlas.model.evaluation.StatementRef;
import dev.iamatlas.model.evaluation.TriState;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EvaluatedRequest;
import dev.iamatlas.model.graph.InvolvedPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One request put to the policy evaluator for an edge, and its answer. Built with {@link #request(String)}:
 * the rule names the principal, action, resource, the context the snapshot knows, the keys it knows to be absent,
 * and the policies; every other key a condition of those policies uses is declared unknown, so a decision that
 * depends on it comes out conditional. The fast decision is taken at once; {@link #explain()} re-asks with evidence.
 *
 * <p>Status: ALLOW gives ALLOWED; a decision that unknown context keys could turn into an allow gives CONDITIONAL;
 * anything else DENIED, including a decision whose bounds are an explicit and an implicit deny (a Deny statement
 * whose condition cannot be known, and nothing that allows): whatever the keys turn out to be, the request is
 * refused. When something the request needed could not be known (a policy the scan could not read or parse), an
 * ALLOWED or a DENIED answer that no unconditional Deny statement decides becomes CONDITIONAL.
 */
public final class Check {
    /** The evaluator every rule uses: stateless and thread-safe. */
    public static final PolicyEvaluator EVALUATOR = new DefaultPolicyEvaluator();

    private final String purpose;
    private final String principalText;
    private final EvaluationRequest request;
    private final Map<String, List<String>> shownContext;
    private final List<PolicySource> sources;
    private final List<String> uncertainties;
    private final List<String> extraNotes;
    private final Decision decision;
    private final EdgeStatus status;

    private Check(Builder b, EvaluationRequest request) {
        this.purpose = b.purpose;
        this.principalText = b.shownAs != null ? b.shownAs : b.principal;
        this.request = request;
        this.shownContext = b.context;
        this.sources = List.copyOf(b.sources);
        this.uncertainties = List.copyOf(b.uncertainties);
        this.extraNotes = List.copyOf(b.notes);
        this.decision = EVALUATOR.evaluate(request);
        this.status = statusOf(decision, !uncertainties.isEmpty());
    }

    /**
     * The status of a decision when something the request needed could be unknown ({@code uncertain}): then an
     * ALLOWED answer, or a DENIED one that no unconditional Deny statement decides, is CONDITIONAL.
     */
    public static EdgeStatus statusOf(Decision decision, boolean uncertain) {
        EdgeStatus s = statusOf(decision);
        if (uncertain && (s == EdgeStatus.ALLOWED
                || (s == EdgeStatus.DENIED && decision.mostPermissive() != Outcome.EXPLICIT_DENY))) {
            return EdgeStatus.CONDITIONAL;
        }
        return s;
    }

    /** Whether something the request needed could not be known (see {@link #statusOf(Decision, boolean)}). */
    public boolean uncertain() {
        return !uncertainties.isEmpty();
    }

    /**
     * ALLOWED, CONDITIONAL or DENIED for a decision alone: CONDITIONAL only when the most permissive bound allows.
     * Bounds of an explicit and an implicit deny are DENIED: AWS refuses the request either way.
     *
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html">How AWS enforcement code logic evaluates requests</a>
     */
    public static EdgeStatus statusOf(Decision d) {
        if (d.outcome() == Outcome.ALLOW) {
            return EdgeStatus.ALLOWED;
        }
        return d.mostPermissive() == Outcome.ALLOW ? EdgeStatus.CONDITIONAL : EdgeStatus.DENIED;
    }

    /** The weaker of two statuses: DENIED &lt; CONDITIONAL &lt; ALLOWED. */
    public static EdgeStatus weakest(EdgeStatus a, EdgeStatus b) {
        return rank(a) <= rank(b) ? a : b;
    }

    /** The stronger of two statuses. */
    public static EdgeStatus strongest(EdgeStatus a, EdgeStatus b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(EdgeStatus s) {
        return s == EdgeStatus.DENIED ? 0 : s == EdgeStatus.CONDITIONAL ? 1 : 2;
    }

    /** Starts a request; {@code purpose} says in a few words what it checks. */
    public static Builder request(String purpose) {
        return new Builder(purpose);
    }

    /** What the request checks. */
    public String purpose() {
        return purpose;
    }

    /** The evaluator's fast answer (no evidence). */
    public Decision decision() {
        return decision;
    }

    /** The status this request gives. */
    public EdgeStatus status() {
        return status;
    }

    /** The request as built. */
    public EvaluationRequest evaluationRequest() {
        return request;
    }

    /** The policies the request used. */
    public List<PolicySource> sources() {
        return sources;
    }

    /** Why the answer may be incomplete (unreadable or unparseable policies, scan gaps); empty when complete. */
    public List<String> uncertainties() {
        return uncertainties;
    }

    /** Notes for the unknown keys the decision depended on, the uncertainties, and other notes given. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>(uncertainties);
        notes.addAll(extraNotes);
        for (String key : new TreeSet<>(decision.unknownKeys())) {
            notes.add(ContextKeys.unknownNote(key));
        }
        return notes;
    }

    /** Asks again with evidence and describes the request exactly as asked. */
    public EvaluatedRequest explain() {
        Decision explained = EVALUATOR.explain(request);
        Map<String, SortedSet<Integer>> allowing = new LinkedHashMap<>();
        Map<String, SortedSet<Integer>> denying = new LinkedHashMap<>();
        Map<String, SortedSet<Integer>> deciding = new LinkedHashMap<>();
        for (PolicyEvidence pe : explained.evidence()) {
            String key = pe.type() + "|" + pe.label();
            for (StatementEvidence se : pe.statements()) {
                if (se.matched() == TriState.FALSE) {
                    continue;
                }
                (se.effect() == Effect.ALLOW ? allowing : denying).computeIfAbsent(key, k -> new TreeSet<>()).add(se.index());
            }
        }
        for (StatementRef ref : explained.decidingStatements()) {
            deciding.computeIfAbsent(ref.policyType() + "|" + ref.policyLabel(), k -> new TreeSet<>()).add(ref.index());
        }
        List<InvolvedPolicy> policies = new ArrayList<>();
        for (PolicySource s : sources) {
            String key = s.type() + "|" + s.label();
            policies.add(new InvolvedPolicy(s.label(), s.type(), s.owner(), s.text(), allowing.get(key), denying.get(key),
                    deciding.get(key)));
        }
        TreeMap<String, List<String>> context = new TreeMap<>(shownContext);
        for (Map.Entry<String, List<String>> e : request.context().asMap().entrySet()) {
            boolean shown = false;
            for (String k : shownContext.keySet()) {
                if (k.equalsIgnoreCase(e.getKey())) {
                    shown = true;
                    break;
                }
            }
            if (!shown) {
                context.put(e.getKey(), e.getValue());
            }
        }
        return new EvaluatedRequest(purpose, principalText, request.action(), request.resource(), context,
                new TreeSet<>(explained.unknownKeys()), status, explained, policies);
    }

    /**
     * One clause for explanations: "allowed by statement apigw-prod of function orders resource policy", "denied:
     * statement apigw's condition ArnLike AWS:SourceArn [...] does not hold", "allowed only if AWS:SourceArn (the
     * resource the service acts for) matches, by statement apigw of ...".
     */
    public String reasonClause(EvaluatedRequest explained) {
        return reasonClause(explained, uncertainties);
    }

    /** As {@link #reasonClause(EvaluatedRequest)}, for a request explained earlier. */
    public static String reasonClause(EvaluatedRequest explained, List<String> uncertainties) {
        EdgeStatus status = explained.status();
        Decision d = explained.decision();
        List<String> deciding = new ArrayList<>();
        for (StatementRef ref : d.decidingStatements()) {
            deciding.add(statementName(ref.sid(), ref.index()) + " of " + ref.policyLabel());
        }
        List<String> unknownAllows = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (PolicyEvidence pe : d.evidence()) {
            for (StatementEvidence se : pe.statements()) {
                if (se.effect() != Effect.ALLOW) {
                    continue;
                }
                if (se.matched() == TriState.UNKNOWN) {
                    unknownAllows.add(statementName(se.sid(), se.index()) + " of " + pe.label());
                } else if (se.matched() == TriState.FALSE) {
                    for (ConditionEvidence ce : se.conditions()) {
                        if (ce.result() == TriState.FALSE) {
                            failed.add(statementName(se.sid(), se.index()) + " of " + pe.label() + " needs "
                                    + ce.operator() + " " + ce.key() + " " + ce.policyValues()
                                    + (ce.contextValues() == null ? " (the request has no " + ce.key() + ")"
                                            : ", the request has " + ce.contextValues()));
                            break;
                        }
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        switch (status) {
            case ALLOWED:
                sb.append("allowed");
                if (!deciding.isEmpty()) {
                    sb.append(" by ").append(String.join(", ", deciding));
                } else {
                    sb.append(": ").append(d.reason().description());
                }
                break;
            case CONDITIONAL:
                if (d.mostPermissive() == Outcome.ALLOW && d.isConditional()) {
                    List<String> parts = new ArrayList<>();
                    for (String k : new TreeSet<>(d.unknownKeys())) {
                        parts.add(k + " (" + ContextKeys.describe(k) + ")");
                    }
                    sb.append("allowed only if ").append(String.join(" and ", parts)).append(" match");
                    if (!unknownAllows.isEmpty()) {
                        sb.append(", by ").append(String.join(", ", unknownAllows));
                    }
                } else {
                    sb.append(d.outcome() == Outcome.ALLOW ? "allowed by the policies the snapshot holds, but "
                            : "not allowed by the policies the snapshot holds, but ");
                    sb.append(uncertainties.isEmpty() ? "something could not be known" : uncertainties.get(0));
                }
                break;
            default:
                if (d.outcome() == Outcome.EXPLICIT_DENY && d.isConditional()) {
                    // an explicit deny under a condition the snapshot cannot know; without it nothing allows
                    sb.append("denied: explicitly").append(deciding.isEmpty() ? "" : " by " + String.join(", ", deciding))
                            .append(" if ").append(String.join(" and ", new TreeSet<>(d.unknownKeys())))
                            .append(" match, and otherwise ").append(d.mostPermissiveReason().description());
                } else if (d.outcome() == Outcome.EXPLICIT_DENY) {
                    sb.append("explicitly denied").append(deciding.isEmpty() ? "" : " by " + String.join(", ", deciding));
                } else {
                    sb.append("denied: ").append(d.reason().description());
                    if (!failed.isEmpty()) {
                        sb.append(" (").append(String.join("; ", failed)).append(")");
                    }
                }
                break;
        }
        return sb.toString();
    }

    private static String statementName(String sid, int index) {
        return "statement " + (sid != null ? sid : "#" + index);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> LOWER = new java.util.concurrent.ConcurrentHashMap<>();

    /** The key lower-cased, one shared instance per key (requests keep their context keys). */
    static String lowerCase(String key) {
        String lower = LOWER.get(key);
        if (lower == null) {
            lower = key.toLowerCase(Locale.ROOT);
            if (LOWER.size() < 10_000) {
                LOWER.putIfAbsent(key, lower);
            }
        }
        return lower;
    }

    /** Builds a {@link Check}. Not thread-safe. */
    public static final class Builder {
        private final String purpose;
        private String principal;
        private boolean representative;
        private String shownAs;
        private String action;
        private String resource;
        private String resourceAccount;
        private final Map<String, List<String>> context = new LinkedHashMap<>();
        private final Set<String> absent = new HashSet<>();
        private final List<PolicySource> identity = new ArrayList<>();
        private PolicySource boundary;
        private PolicySource resourcePolicy;
        private List<List<PolicySource>> scps = List.of();
        private List<List<PolicySource>> rcps = List.of();
        private final List<PolicySource> sources = new ArrayList<>();
        private final List<String> uncertainties = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
        }

        /** The caller: an ARN, a service principal or {@code anonymous}. */
        public Builder principal(String value) {
            this.principal = value;
            return this;
        }

        /**
         * The caller stands for many principals (any principal of an account, any AWS principal): the keys AWS would
         * derive from its ARN are unknown rather than derived.
         */
        public Builder representative(boolean value) {
            this.representative = value;
            return this;
        }

        /** How evidence names the caller when it is a stand-in ("any principal of account 444455556666"). */
        public Builder shownAs(String value) {
            this.shownAs = value;
            return this;
        }

        public Builder action(String value) {
            this.action = value;
            return this;
        }

        public Builder resource(String value) {
            this.resource = value;
            return this;
        }

        /** The resource's account when the ARN has none. */
        public Builder resourceAccount(String value) {
            this.resourceAccount = value;
            return this;
        }

        /** A context key the snapshot knows, as written ({@code aws:SourceArn}). */
        public Builder context(String key, String... values) {
            context.put(key, List.of(values));
            return this;
        }

        /** A multivalued context key. */
        public Builder context(String key, List<String> values) {
            context.put(key, List.copyOf(values));
            return this;
        }

        /** Keys (lower case; entries ending in {@code /} are prefixes) known to be absent from this request. */
        public Builder absent(Set<String> keys) {
            absent.addAll(keys);
            return this;
        }

        /** A key known to be absent. */
        public Builder absent(String lowerKey) {
            absent.add(lowerKey);
            return this;
        }

        /** Identity-based policies of the caller. */
        public Builder identity(List<PolicySource> policies) {
            identity.addAll(policies);
            return this;
        }

        /** The caller's permissions boundary, or null. */
        public Builder boundary(PolicySource policy) {
            this.boundary = policy;
            return this;
        }

        /** The resource's policy, or null for none. */
        public Builder resourcePolicy(PolicySource policy) {
            this.resourcePolicy = policy;
            return this;
        }

        /** SCP levels that apply to the caller, root first (empty when none apply). */
        public Builder scps(List<List<PolicySource>> levels) {
            this.scps = levels;
            return this;
        }

        /** RCP levels that apply to the resource, root first (empty when none apply). */
        public Builder rcps(List<List<PolicySource>> levels) {
            this.rcps = levels;
            return this;
        }

        /** Something the request needed but could not know; makes an ALLOWED or implicitly DENIED answer CONDITIONAL. */
        public Builder uncertainty(String note) {
            uncertainties.add(note);
            return this;
        }

        /** A note for people that does not change the status (such as "Organizations could not be read"). */
        public Builder notes(List<String> values) {
            notes.addAll(values);
            return this;
        }

        /** Several uncertainties. */
        public Builder uncertainties(List<String> notes) {
            uncertainties.addAll(notes);
            return this;
        }

        /** Asks the evaluator (fast path) and returns the check. */
        public Check evaluate() {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
            EvaluationRequest.Builder r = EvaluationRequest.builder()
                    .principal(principal)
                    .action(action)
                    .resource(resource)
                    .resourceAccount(resourceAccount)
                    .deriveContextKeys(!representative)
                    .missingKeysUnknown(false);
            Set<String> known = new HashSet<>();
            for (Map.Entry<String, List<String>> e : context.entrySet()) {
                String lower = lowerCase(e.getKey());
                r.context(lower, e.getValue());
                known.add(lower);
            }
            Set<String> used = new HashSet<>();
            for (PolicySource p : identity) {
                if (use(p, PolicyType.IDENTITY)) {
                    r.identityPolicy(p.named());
                    used.addAll(p.parsed().keys());
                }
            }
            if (boundary != null && use(boundary, PolicyType.PERMISSIONS_BOUNDARY)) {
                r.permissionBoundary(boundary.named());
                used.addAll(boundary.parsed().keys());
            }
            if (resourcePolicy != null && use(resourcePolicy, PolicyType.RESOURCE)) {
                r.resourcePolicy(resourcePolicy.named());
                used.addAll(resourcePolicy.parsed().keys());
            }
            r.scps(levels(scps, used));
            r.rcps(levels(rcps, used));
            for (String key : used) {
                if (!known.contains(key) && !ContextKeys.in(absent, key)) {
                    r.unknownKey(key);
                }
            }
            return new Check(this, r.build());
        }

        private boolean use(PolicySource p, PolicyType type) {
            sources.add(p);
            if (!p.parsed().valid()) {
                uncertainties.add(p.label() + " could not be parsed (" + p.parsed().error() + "), so it was left out");
                return false;
            }
            return true;
        }

        private List<List<NamedPolicy>> levels(List<List<PolicySource>> levels, Set<String> used) {
            if (levels.isEmpty()) {
                return List.of();
            }
            List<List<NamedPolicy>> out = new ArrayList<>(levels.size());
            for (List<PolicySource> level : levels) {
                List<NamedPolicy> named = new ArrayList<>(level.size());
                for (PolicySource p : level) {
                    if (use(p, p.type())) {
                        named.add(p.named());
                        used.addAll(p.parsed().keys());
                    }
                }
                out.add(Collections.unmodifiableList(named));
            }
            return out;
        }
    }
}
