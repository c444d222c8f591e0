package dev.iamatlas.model.rules;

import dev.iamatlas.model.catalogue.AccessLevel;
import dev.iamatlas.model.catalogue.ActionCatalogue;
import dev.iamatlas.model.catalogue.ActionInfo;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.policy.ActionPattern;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.ResourcePattern;
import dev.iamatlas.model.policy.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The effective permissions of a principal, grouped into {@link Capability capabilities} (one per service and
 * resource pattern), with admin-equivalent access recognised.
 *
 * <p>How: the Allow statements of the identity policies say which actions (expanded with the action catalogue,
 * wildcards and {@code NotAction} included) are wanted on which resource patterns. Each (action, pattern) would be
 * one evaluation; instead the actions of a pattern are partitioned by which statements of every policy in play
 * (identity, boundary, SCPs) match them — actions with the same signature get the same decision, since the decision
 * depends on an action only through the statements it matches — and the evaluator decides one representative per
 * class. Results are cached per distinct policy set (roles that attach the same managed policies share it), keyed
 * by {@link Identity#cacheKey()}, and per resource pattern and the statements that can apply to it (two roles that
 * differ only in statements about other resources share the result for this one), so that a change to a managed
 * policy attached to many roles recomputes only what it touches.
 *
 * <p>Admin-equivalent: {@code *} on {@code *}; every {@code iam} action on all resources; {@code iam:PassRole} or
 * {@code sts:AssumeRole} on all roles; an IAM privilege-escalation action ({@code iam:PutRolePolicy},
 * {@code iam:AttachRolePolicy}, {@code iam:CreatePolicyVersion}, {@code iam:UpdateAssumeRolePolicy}, ...) on all
 * resources; any Permissions-management action on {@code *}.
 *
 * <p>Running time per distinct policy set: linear in the catalogue (about 22,000 actions) per resource pattern for
 * wildcard statements, plus one evaluation per signature class. Thread-safe.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html">Access levels</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html">Permissions boundaries</a>
 */
public final class CapabilityAnalyzer {
    /** Actions that let a principal raise its own (or another's) permissions when allowed on all resources. */
    public static final List<String> PRIVILEGE_ESCALATION = List.of("iam:AddUserToGroup", "iam:AttachGroupPolicy",
            "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:CreateAccessKey", "iam:CreateLoginProfile",
            "iam:CreatePolicyVersion", "iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary",
            "iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:SetDefaultPolicyVersion",
            "iam:UpdateAssumeRolePolicy", "iam:UpdateLoginProfile");

    /** Action names that only read or check permissions, though the reference may file them as management. */
    private static final java.util.regex.Pattern READS_PERMISSIONS = java.util.regex.Pattern.compile(
            "(Get|List|Describe|View|Search|Validate|Preview|Generate|Check)(?![a-z])");

    /** Above this many services on one resource pattern, the capabilities fold into one {@code *} capability. */
    static final int MAX_SERVICES = 20;

    private final ActionCatalogue catalogue;
    private final List<ActionInfo> all;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final String[] lowerNames;
    /** 0, 1, 2, ... for every catalogue action: the members when a statement wants every action (never changed). */
    private final int[] everyPosition;
    private final String[] fullNames;
    private final Map<String, int[]> serviceRange = new HashMap<>();
    private final BitSet permissionsManagement = new BitSet();
    private final Map<AccessLevel, BitSet> levelSets = new java.util.EnumMap<>(AccessLevel.class);
    private final ConcurrentHashMap<String, BitSet> patterns = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Capability>> profiles = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ResourceKey, List<Capability>> byResource = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ParsedPolicy, StatementFacts[]> facts = new ConcurrentHashMap<>();
    /** One node object per capability node id (their definitions do not depend on the principal). */
    private final ConcurrentHashMap<String, Node> nodes = new ConcurrentHashMap<>();
    /** A bound on each cache, so that a long what-if session does not grow without limit. */
    static final int MAX_CACHED = 500_000;

    CapabilityAnalyzer(ActionCatalogue catalogue) {
        this.catalogue = catalogue;
        this.all = catalogue.expand("*");
        this.lowerNames = new String[all.size()];
        this.everyPosition = java.util.stream.IntStream.range(0, all.size()).toArray();
        this.fullNames = new String[all.size()];
        for (int i = 0; i < all.size(); i++) {
            ActionInfo a = all.get(i);
            fullNames[i] = a.fullName();
            lowerNames[i] = fullNames[i].toLowerCase(Locale.ROOT);
            indexOf.put(lowerNames[i], i);
            serviceRange.merge(a.service(), new int[] {i, i + 1}, (x, y) -> new int[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])});
            if (a.accessLevel() == AccessLevel.PERMISSIONS_MANAGEMENT && !READS_PERMISSIONS.matcher(a.name()).lookingAt()
                    && !PRIVILEGE_ESCALATION.contains(fullNames[i]) && !fullNames[i].equals("iam:PassRole")) {
                permissionsManagement.set(i);
            }
            levelSets.computeIfAbsent(a.accessLevel(), k -> new BitSet()).set(i);
        }
    }

    /** How many distinct policy sets have been analysed. */
    public int cachedProfiles() {
        return profiles.size();
    }

    /**
     * The capabilities of a principal; cached by {@link Identity#cacheKey()}.
     *
     * @param identity the principal's identity side
     * @param run the analysis run (for RCPs)
     */
    public List<Capability> capabilities(Identity identity, AnalysisRun run) {
        List<Capability> cached = profiles.get(identity.cacheKey());
        if (cached != null) {
            return cached;
        }
        List<Capability> computed = compute(identity, run);
        if (profiles.size() >= MAX_CACHED) {
            return computed;
        }
        List<Capability> raced = profiles.putIfAbsent(identity.cacheKey(), computed);
        return raced == null ? computed : raced;
    }

    private List<Capability> compute(Identity identity, AnalysisRun run) {
        // The statements in play (identity, boundary, SCPs), each with a code naming it (kind and level, policy,
        // index), and for each resource pattern the identity Allow statements that want it, in order of appearance.
        List<Statement> inPlay = new ArrayList<>();
        List<StatementFacts> inPlayFacts = new ArrayList<>();
        LongList codes = new LongList();
        Map<String, List<Integer>> contributors = new LinkedHashMap<>();
        boolean dependent = false;
        boolean allValid = true;
        for (PolicySource p : identity.policies()) {
            if (!p.parsed().valid()) {
                allValid = false;
                continue;
            }
            dependent |= p.parsed().principalDependent();
            StatementFacts[] facts = factsOf(p.parsed());
            List<Statement> statements = p.parsed().document().statements();
            for (int k = 0; k < statements.size(); k++) {
                int at = inPlay.size();
                inPlay.add(statements.get(k));
                inPlayFacts.add(facts[k]);
                codes.add(code(0, p.parsed().id(), statements.get(k).index()));
                for (String r : facts[k].wantedResources) {
                    contributors.computeIfAbsent(r, x -> new ArrayList<>(2)).add(at);
                }
            }
        }
        // The kind (a service-linked role: SCPs and RCPs do not restrict it, so it shares nothing with other roles) and
        // whether an identity policy could not be parsed (its uncertainty makes implicit denials CONDITIONAL).
        StringBuilder fixed = new StringBuilder(identity.user() ? "u"
                : run.services().serviceLinkedRole(identity.arn()) ? "l" : "r");
        if (!allValid) {
            fixed.append("|x");
        }
        // A boundary's Allow statements (their positions in play); null when there is no boundary.
        int[] boundaryAllows = null;
        if (identity.boundary() != null && identity.boundary().parsed().valid()) {
            // Only that there is a boundary goes into the fixed part of the key: which of its statements decide a
            // resource's actions is in the statement codes, and a boundary with none of them denies those actions
            // whichever boundary it is. So a new boundary version recomputes only what its changed statements touch.
            ParsedPolicy boundary = identity.boundary().parsed();
            fixed.append("|b");
            dependent |= boundary.principalDependent();
            StatementFacts[] facts = factsOf(boundary);
            List<Statement> statements = boundary.document().statements();
            List<Integer> allows = new ArrayList<>();
            for (int k = 0; k < statements.size(); k++) {
                if (statements.get(k).effect() == Effect.ALLOW) {
                    allows.add(inPlay.size());
                }
                inPlay.add(statements.get(k));
                inPlayFacts.add(facts[k]);
                codes.add(code(1, boundary.id(), statements.get(k).index()));
            }
            boundaryAllows = allows.stream().mapToInt(Integer::intValue).toArray();
        } else if (identity.boundary() != null) {
            fixed.append("|b?");
            allValid = false;
        }
        // The organization's policies by id (SCPs, and RCPs, which are not in play statement by statement), whether
        // they depend on the principal, and whether they all parsed.
        fixed.append("|s").append(run.orgKey());
        allValid &= run.orgValid();
        int scpFrom = inPlay.size();
        int level = 0;
        for (List<PolicySource> policies : identity.scps()) {
            for (PolicySource p : policies) {
                if (p.parsed().valid()) {
                    StatementFacts[] facts = factsOf(p.parsed());
                    List<Statement> statements = p.parsed().document().statements();
                    for (int k = 0; k < statements.size(); k++) {
                        inPlay.add(statements.get(k));
                        inPlayFacts.add(facts[k]);
                        codes.add(code(2 + level, p.parsed().id(), statements.get(k).index()));
                    }
                }
            }
            level++;
        }
        if (dependent) {
            fixed.append("|p").append(identity.arn()).append(identity.context());
        }
        if (!identity.uncertainties().isEmpty()) {
            fixed.append("|u").append(identity.uncertainties());
        }
        boolean rcpSplit = !run.rcpsFor("s3:GetObject").isEmpty();
        // Where nothing could be uncertain, an action that no Allow statement of the boundary matches is denied
        // without asking the evaluator (AWS: an identity-based allow counts only within the boundary); an edit that
        // narrows a boundary on many roles then costs a check per class, not an evaluation.
        int[] boundaryGate = allValid && identity.uncertainties().isEmpty() ? boundaryAllows : null;
        fixed.append(rcpSplit ? "|rcp" : "");
        String fixedKey = fixed.toString();
        // An SCP or RCP that depends on the principal keys by principal only the resource patterns it decides: the
        // SCP statements among a pattern's deciding ones, any RCP (not in play statement by statement).
        String principalKey = dependent ? fixedKey : fixedKey + "|p" + identity.arn() + identity.context();
        boolean rcpDependent = run.rcpPrincipalDependent();
        List<Capability> out = new ArrayList<>();
        Decider decider = null; // made at the first resource pattern that is not cached
        for (Map.Entry<String, List<Integer>> entry : contributors.entrySet()) {
            String resource = entry.getKey();
            List<Integer> wants = entry.getValue();
            // What decides this resource: the statements that can apply to it and match one of the actions wanted on
            // it (and which of them want it), the boundary and the SCPs. A statement about other actions cannot change
            // a decision about these: principals that share the deciding statements share the result, whatever else
            // they hold, and an edit of a policy whose statements are about other actions leaves the result alone.
            // (indexed loops here and below: without C2's escape analysis, each for-each allocates an iterator, and
            // this runs for every resource pattern of every principal an edit touches)
            Set<String> unknownWanted = Set.of();
            for (int w = 0; w < wants.size(); w++) {
                int i = wants.get(w);
                if (!inPlayFacts.get(i).unknownActions.isEmpty()) {
                    unknownWanted = new TreeSet<>(unknownWanted);
                    unknownWanted.addAll(inPlayFacts.get(i).unknownActions);
                }
            }
            LongList key = new LongList();
            boolean byPrincipal = rcpDependent;
            for (int i = 0; i < inPlay.size(); i++) {
                boolean wanting = contains(wants, i);
                if (wanting || couldApply(inPlay.get(i), resource)
                        && matchesWanted(inPlay.get(i), inPlayFacts.get(i), wants, inPlayFacts, unknownWanted)) {
                    key.add(codes.get(i) << 1 | (wanting ? 1 : 0));
                    byPrincipal |= i >= scpFrom && inPlayFacts.get(i).principalDependent;
                }
            }
            ResourceKey cacheKey = new ResourceKey(resource, byPrincipal ? principalKey : fixedKey, key.toArray());
            List<Capability> cached = byResource.get(cacheKey);
            if (cached == null) {
                Scratch scratch = SCRATCH.get();
                BitSet actions = scratch.clear(scratch.wanted);
                for (int w = 0; w < wants.size(); w++) {
                    inPlayFacts.get(wants.get(w)).addActionsTo(actions);
                }
                int wanted = actions.cardinality();
                int[] members = wanted == all.size() ? everyPosition : new int[wanted]; // read only, never changed
                if (members != everyPosition) {
                    for (int i = actions.nextSetBit(0), m = 0; i >= 0; i = actions.nextSetBit(i + 1)) {
                        members[m++] = i;
                    }
                }
                if (decider == null) {
                    decider = new Decider(identity, run);
                }
                cached = List.copyOf(forResource(decider, resource, members, unknownWanted, inPlay, inPlayFacts,
                        rcpSplit, boundaryGate));
                for (Capability c : cached) {
                    Node node = c.node();
                    Node shared = nodes.size() < MAX_CACHED ? nodes.putIfAbsent(node.id(), node) : null;
                    if (shared != null) {
                        c.shareNode(shared);
                    }
                }
                if (byResource.size() < MAX_CACHED) {
                    byResource.putIfAbsent(cacheKey, cached);
                }
            }
            out.addAll(cached);
        }
        out.sort(ORDER);
        return Collections.unmodifiableList(out);
    }

    /**
     * Capabilities by service, then resource, as the text {@code service|resource} sorts (a service whose name
     * another one starts with sorts after it: {@code s3|...} after {@code s3control|...}, since '|' sorts after every
     * letter). Allocates nothing.
     */
    private static final java.util.Comparator<Capability> ORDER = (a, b) -> {
        int c = compareJoined(a.service(), a.resource(), b.service(), b.resource());
        return c;
    };

    /** Compares {@code s1 + "|" + r1} with {@code s2 + "|" + r2} without building either. */
    static int compareJoined(String s1, String r1, String s2, String r2) {
        int n1 = s1.length() + 1 + r1.length();
        int n2 = s2.length() + 1 + r2.length();
        int n = Math.min(n1, n2);
        for (int i = 0; i < n; i++) {
            char x = i < s1.length() ? s1.charAt(i) : i == s1.length() ? '|' : r1.charAt(i - s1.length() - 1);
            char y = i < s2.length() ? s2.charAt(i) : i == s2.length() ? '|' : r2.charAt(i - s2.length() - 1);
            if (x != y) {
                return x - y;
            }
        }
        return n1 - n2;
    }

    /**
     * Whether a statement's Action (or NotAction) matches an action some statement in {@code wants} wants: a catalogue
     * action they share, or one of the {@code unknown} actions (not in the catalogue) by name.
     */
    private static boolean matchesWanted(Statement s, StatementFacts facts, List<Integer> wants,
            List<StatementFacts> inPlayFacts, Set<String> unknown) {
        for (int w = 0; w < wants.size(); w++) {
            if (facts.intersects(inPlayFacts.get(wants.get(w)))) {
                return true;
            }
        }
        if (unknown.isEmpty()) {
            return false;
        }
        for (String action : unknown) {
            if (ParsedPolicy.actionMatches(s, action.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code list} holds {@code value}, without boxing it. */
    private static boolean contains(List<Integer> list, int value) {
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) == value) {
                return true;
            }
        }
        return false;
    }

    /** The code of a statement in play: kind and SCP level, policy id, statement index. */
    private static long code(int kindAndLevel, int policyId, int statementIndex) {
        return (long) kindAndLevel << 52 | (long) policyId << 20 | statementIndex;
    }

    /**
     * The key of one resource pattern's capabilities: the pattern, what applies to the whole principal (kind,
     * boundary, SCPs, and the principal itself when its policies depend on who it is), and the codes of the
     * statements that can apply to the pattern, each flagged when it wants the pattern. Hashing and comparing it
     * costs a few array elements, where a textual key had to be built and hashed for every principal.
     */
    private static final class ResourceKey {
        private final String resource;
        private final String fixed;
        private final long[] statements;
        private final int hash;

        ResourceKey(String resource, String fixed, long[] statements) {
            this.resource = resource;
            this.fixed = fixed;
            this.statements = statements;
            this.hash = (resource.hashCode() * 31 + fixed.hashCode()) * 31 + Arrays.hashCode(statements);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ResourceKey k && k.hash == hash && Arrays.equals(k.statements, statements)
                    && k.resource.equals(resource) && k.fixed.equals(fixed);
        }
    }

    /** A growable list of longs. */
    private static final class LongList {
        private long[] values = new long[8];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long get(int i) {
            return values[i];
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * What the analysis needs of one statement, worked out once per distinct policy text: the action sets of its
     * Action (or NotAction) entries (shared with every statement that uses the same entry), the actions the
     * catalogue does not know, and for an Allow statement the resource patterns it wants.
     */
    private static final class StatementFacts {
        /** Above this many actions a statement's set is kept as a bit set, below as a sorted array. */
        static final int SMALL = 64;

        final BitSet[] patternSets;
        final Set<String> unknownActions;
        final List<String> wantedResources;
        /** Whether the statement means different things for different principals (see ParsedPolicy). */
        final boolean principalDependent;
        /** The catalogue actions the statement matches, sorted, when there are at most {@link #SMALL}; else null. */
        final int[] small;
        /** Otherwise the set (shared with the action pattern's when the statement has one entry). */
        final BitSet wide;

        StatementFacts(BitSet[] patternSets, BitSet actions, boolean shared, Set<String> unknownActions,
                List<String> wantedResources, boolean principalDependent) {
            this.patternSets = patternSets;
            this.unknownActions = unknownActions;
            this.wantedResources = wantedResources;
            this.principalDependent = principalDependent;
            if (actions.cardinality() <= SMALL) {
                this.small = actions.stream().toArray();
                this.wide = null;
            } else {
                this.small = null;
                this.wide = shared ? actions : (BitSet) actions.clone();
            }
        }

        /** Whether the two statements match a common catalogue action. Linear in the smaller representation. */
        boolean intersects(StatementFacts other) {
            if (small != null && other.small != null) {
                int i = 0;
                int j = 0;
                while (i < small.length && j < other.small.length) {
                    if (small[i] == other.small[j]) {
                        return true;
                    }
                    if (small[i] < other.small[j]) {
                        i++;
                    } else {
                        j++;
                    }
                }
                return false;
            }
            if (small != null || other.small != null) {
                int[] few = small != null ? small : other.small;
                BitSet many = small != null ? other.wide : wide;
                for (int a : few) {
                    if (many.get(a)) {
                        return true;
                    }
                }
                return false;
            }
            return wide.intersects(other.wide);
        }

        /** Adds the statement's catalogue actions to {@code set}. */
        void addActionsTo(BitSet set) {
            if (small != null) {
                for (int a : small) {
                    set.set(a);
                }
            } else {
                set.or(wide);
            }
        }
    }

    /** The facts of each statement of a valid policy, in order; computed once per distinct text. */
    private StatementFacts[] factsOf(ParsedPolicy policy) {
        StatementFacts[] cached = facts.get(policy);
        if (cached != null) {
            return cached;
        }
        List<Statement> statements = policy.document().statements();
        StatementFacts[] computed = new StatementFacts[statements.size()];
        for (int k = 0; k < computed.length; k++) {
            Statement s = statements.get(k);
            List<ActionPattern> entries = s.action() != null ? s.action() : s.notAction();
            BitSet[] sets = new BitSet[entries == null ? 0 : entries.size()];
            for (int i = 0; i < sets.length; i++) {
                sets[i] = indices(entries.get(i));
            }
            List<String> resources = new ArrayList<>();
            Set<String> unknown = Set.of();
            if (s.effect() == Effect.ALLOW) {
                if (s.resource() != null) {
                    s.resource().forEach(r -> resources.add(r.text()));
                } else if (s.notResource() != null) {
                    resources.add("*");
                }
                unknown = Set.copyOf(unknownActionsOf(s));
            }
            boolean shared = s.action() != null && sets.length == 1;
            computed[k] = new StatementFacts(sets, shared ? sets[0] : actionsOf(s), shared, unknown,
                    List.copyOf(new LinkedHashSet<>(resources)), ParsedPolicy.principalDependent(s));
        }
        if (facts.size() < MAX_CACHED) {
            facts.putIfAbsent(policy, computed);
        }
        return computed;
    }

    /** Whether a statement's Action (or NotAction) matches the catalogue action {@code index}. No allocation. */
    private static boolean matches(Statement s, BitSet[] patternSets, int index) {
        boolean in = false;
        for (BitSet set : patternSets) {
            if (set.get(index)) {
                in = true;
                break;
            }
        }
        return s.action() != null ? in : !in;
    }

    /**
     * The capabilities on one resource pattern. Sets of actions are bitsets over {@code members} (the wanted actions,
     * sorted catalogue indexes): local positions keep them one word long in the common case of a handful of actions.
     */
    private List<Capability> forResource(Decider decider, String resource, int[] members,
            Set<String> unknownActions, List<Statement> inPlay, List<StatementFacts> inPlayFacts, boolean rcpSplit,
            int[] boundaryGate) {
        int n = members.length;
        List<BitSet> classes = new ArrayList<>();
        if (n > 0) {
            BitSet all0 = new BitSet(n);
            all0.set(0, n);
            classes.add(all0);
        }
        for (int k = 0; k < inPlay.size(); k++) {
            Statement s = inPlay.get(k);
            if (classes.isEmpty()) {
                break;
            }
            if (!couldApply(s, resource)) {
                continue;
            }
            BitSet matched;
            if (n <= 64) {
                matched = new BitSet(n);
                BitSet[] sets = inPlayFacts.get(k).patternSets;
                for (int j = 0; j < n; j++) {
                    if (matches(s, sets, members[j])) {
                        matched.set(j);
                    }
                }
            } else {
                // many actions (wildcards): the statement's set of catalogue positions as it is when every action is
                // wanted (only read), else mapped to local positions
                StatementFacts facts = inPlayFacts.get(k);
                if (n == all.size() && facts.wide != null) {
                    matched = facts.wide;
                } else if (facts.small != null) {
                    // a few actions: find each among the members
                    matched = new BitSet(n);
                    for (int action : facts.small) {
                        int j = Arrays.binarySearch(members, action);
                        if (j >= 0) {
                            matched.set(j);
                        }
                    }
                } else {
                    matched = new BitSet(n);
                    for (int j = 0; j < n; j++) {
                        if (facts.wide.get(members[j])) {
                            matched.set(j);
                        }
                    }
                }
            }
            List<BitSet> next = new ArrayList<>(classes.size() + 1);
            for (BitSet c : classes) {
                if (!c.intersects(matched)) {
                    next.add(c);
                    continue;
                }
                BitSet in = (BitSet) c.clone();
                in.and(matched);
                BitSet rest = (BitSet) c.clone();
                rest.andNot(matched);
                next.add(in);
                if (!rest.isEmpty()) {
                    next.add(rest);
                }
            }
            classes = next;
        }
        if (rcpSplit) {
            List<BitSet> next = new ArrayList<>();
            for (BitSet c : classes) {
                BitSet in = new BitSet(n);
                for (int j = c.nextSetBit(0); j >= 0; j = c.nextSetBit(j + 1)) {
                    if (AnalysisRun.RCP_SERVICES.contains(all.get(members[j]).service())) {
                        in.set(j);
                    }
                }
                BitSet rest = (BitSet) c.clone();
                rest.andNot(in);
                if (!in.isEmpty()) {
                    next.add(in);
                }
                if (!rest.isEmpty()) {
                    next.add(rest);
                }
            }
            classes = next;
        }
        // Decide one representative per class; collect the statuses as sets of catalogue positions (in this
        // thread's scratch sets: a set over catalogue positions is as long as its highest position, kilobytes for a
        // handful of actions of a late service).
        Scratch scratch = SCRATCH.get();
        BitSet allowed = scratch.clear(scratch.allowed);
        BitSet conditional = scratch.clear(scratch.conditional);
        BitSet denied = scratch.clear(scratch.denied);
        List<Integer> reps = new ArrayList<>(classes.size());
        for (BitSet c : classes) {
            int rep = c.nextSetBit(0);
            reps.add(members[rep]);
            EdgeStatus decided = boundaryGate != null
                    && !anyMatches(boundaryGate, inPlay, inPlayFacts, members[rep], resource) ? EdgeStatus.DENIED
                    : decider.decide(fullNames[members[rep]], resource);
            BitSet target = decided == EdgeStatus.ALLOWED ? allowed : decided == EdgeStatus.CONDITIONAL ? conditional : denied;
            if (n == all.size()) {
                target.or(c);
            } else {
                for (int j = rep; j >= 0; j = c.nextSetBit(j + 1)) {
                    target.set(members[j]);
                }
            }
        }
        Map<String, EdgeStatus> unknownStatus = new TreeMap<>();
        for (String action : unknownActions) {
            unknownStatus.put(action, decider.decide(action, resource));
        }
        return group(resource, allowed, conditional, denied, reps, unknownStatus);
    }

    /** Whether one of the statements at {@code positions} could apply to the resource and matches the action. */
    private static boolean anyMatches(int[] positions, List<Statement> inPlay, List<StatementFacts> inPlayFacts,
            int action, String resource) {
        for (int k : positions) {
            if (couldApply(inPlay.get(k), resource) && matches(inPlay.get(k), inPlayFacts.get(k).patternSets, action)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decides actions on resource patterns for one principal. The first question per set of RCPs builds the whole
     * request (context, policies, unknown keys: the same for every action); later ones ask the evaluator the same
     * request about another action and resource, which gives the same answer as building it anew.
     */
    private static final class Decider {
        private final Identity identity;
        private final AnalysisRun run;
        private List<List<PolicySource>> rcps;
        private Check template;

        Decider(Identity identity, AnalysisRun run) {
            this.identity = identity;
            this.run = run;
        }

        EdgeStatus decide(String action, String resource) {
            List<List<PolicySource>> forAction = run.rcpsFor(action);
            if (template == null || forAction != rcps) {
                rcps = forAction;
                template = identity.applyTo(Check.request("capability")).action(action).resource(resource)
                        .rcps(forAction).absent(Callers.PRINCIPAL_ABSENT).evaluate();
                return template.status();
            }
            return Check.statusOf(Check.EVALUATOR.evaluate(
                    template.evaluationRequest().withActionAndResource(action, resource)), template.uncertain());
        }
    }

    /** Whether a statement's Resource could apply to the resource pattern (it matches the text, or uses variables). */
    private static boolean couldApply(Statement s, String resource) {
        List<ResourcePattern> patterns = s.resource();
        if (patterns == null) {
            return true;
        }
        for (int i = 0; i < patterns.size(); i++) { // indexed: this runs for every statement and pattern of a principal
            ResourcePattern p = patterns.get(i);
            if (p.template().hasVariables() || p.matches(resource)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code set} has a bit in the range {@code [range[0], range[1])} (a service's catalogue positions). */
    private static boolean anyIn(BitSet set, int[] range) {
        int first = set.nextSetBit(range[0]);
        return first >= 0 && first < range[1];
    }

    /** How many bits of {@code set} are in [from, to). */
    private static int count(BitSet set, int from, int to) {
        int c = 0;
        for (int i = set.nextSetBit(from); i >= 0 && i < to; i = set.nextSetBit(i + 1)) {
            c++;
        }
        return c;
    }

    /**
     * Sets over catalogue positions that {@link #forResource} and {@link #group} use and nothing keeps: one set of
     * each per thread, cleared before use, instead of five new ones per resource pattern worked out.
     */
    private static final class Scratch {
        final BitSet allowed = new BitSet();
        final BitSet conditional = new BitSet();
        final BitSet denied = new BitSet();
        final BitSet granted = new BitSet();
        final BitSet any = new BitSet();
        final BitSet wanted = new BitSet();

        BitSet clear(BitSet set) {
            set.clear();
            return set;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private List<Capability> group(String resource, BitSet allowed, BitSet conditional, BitSet denied, List<Integer> reps,
            Map<String, EdgeStatus> unknown) {
        Scratch scratch = SCRATCH.get();
        BitSet granted = scratch.clear(scratch.granted);
        granted.or(allowed);
        granted.or(conditional);
        BitSet any = scratch.clear(scratch.any);
        any.or(granted);
        any.or(denied);
        List<String> admin = adminReasons(resource, allowed, granted);
        boolean everything = granted.cardinality() == all.size();
        List<String> present = new ArrayList<>();
        int servicesGranted = 0;
        for (int i = any.nextSetBit(0); i >= 0; ) {
            String service = all.get(i).service();
            int[] range = serviceRange.get(service);
            present.add(service);
            if (anyIn(granted, range)) {
                servicesGranted++;
            }
            i = range[1] >= all.size() ? -1 : any.nextSetBit(range[1]);
        }
        List<Capability> out = new ArrayList<>();
        if (!present.isEmpty() && (everything || servicesGranted > MAX_SERVICES)) {
            List<String> services = new ArrayList<>();
            for (String service : present) {
                if (anyIn(granted, serviceRange.get(service))) {
                    services.add(service);
                }
            }
            out.add(capability("*", resource, allowed, conditional, denied, granted, 0, all.size(), everything, services,
                    admin, managementReasons(resource, allowed, granted, 0, all.size()), reps));
        } else {
            // Services where every wanted action is denied (a boundary or an SCP refuses them): shown one by one when
            // there are a few, folded into one DENIED "*" capability when there are many (Allow NotAction iam:*
            // under a boundary of a dozen services would otherwise draw hundreds of DENIED edges).
            List<String> refused = new ArrayList<>();
            for (String service : present) {
                if (!anyIn(granted, serviceRange.get(service))) {
                    refused.add(service);
                }
            }
            boolean foldRefused = refused.size() > MAX_SERVICES;
            if (foldRefused) {
                BitSet refusedActions = new BitSet();
                for (String service : refused) {
                    int[] range = serviceRange.get(service);
                    refusedActions.set(range[0], range[1]);
                }
                refusedActions.and(denied);
                BitSet none = new BitSet();
                out.add(capability("*", resource, none, none, refusedActions, none, 0, all.size(), false, refused,
                        List.of(), List.of(), reps));
            }
            for (String service : present) {
                if (foldRefused && refused.contains(service)) {
                    continue;
                }
                int[] range = serviceRange.get(service);
                boolean full = count(granted, range[0], range[1]) == range[1] - range[0];
                List<String> reasons = new ArrayList<>();
                for (String a : admin) {
                    if (a.startsWith(service + ":")) {
                        reasons.add(a);
                    }
                }
                out.add(capability(service, resource, allowed, conditional, denied, granted, range[0], range[1], full,
                        List.of(service), reasons, managementReasons(resource, allowed, granted, range[0], range[1]),
                        reps));
            }
        }
        Map<String, List<String>> unknownByService = new TreeMap<>();
        for (Map.Entry<String, EdgeStatus> e : unknown.entrySet()) {
            String service = e.getKey().contains(":") ? e.getKey().substring(0, e.getKey().indexOf(':')).toLowerCase(Locale.ROOT)
                    : e.getKey();
            unknownByService.computeIfAbsent(service, k -> new ArrayList<>()).add(e.getKey());
        }
        for (Map.Entry<String, List<String>> e : unknownByService.entrySet()) {
            EdgeStatus st = EdgeStatus.DENIED;
            List<String> granted2 = new ArrayList<>();
            List<String> conditional2 = new ArrayList<>();
            for (String action : e.getValue()) {
                EdgeStatus s = unknown.get(action);
                st = Check.strongest(st, s);
                if (s != EdgeStatus.DENIED) {
                    granted2.add(action);
                }
                if (s == EdgeStatus.CONDITIONAL) {
                    conditional2.add(action);
                }
            }
            Capability unknownOnes = new Capability(e.getKey(), resource, st, granted2.isEmpty() ? e.getValue() : granted2,
                    granted2.isEmpty() ? e.getValue().size() : granted2.size(), conditional2, List.of(e.getKey()), false,
                    AccessLevel.WRITE, List.of(), List.of(), List.of(e.getValue().get(0)));
            // A service the catalogue knows may have a capability on this pattern already (a new action, or a typo,
            // next to known ones): one capability per service and pattern, so they share it.
            int same = -1;
            for (int k = 0; k < out.size(); k++) {
                if (out.get(k).service().equals(e.getKey())) {
                    same = k;
                }
            }
            if (same < 0) {
                out.add(unknownOnes);
            } else {
                out.set(same, merge(out.get(same), unknownOnes));
            }
        }
        return out;
    }

    /**
     * One capability for a service's catalogue actions ({@code known}) and the actions the catalogue does not know
     * ({@code unknown}) on the same pattern. Lists what the merged status lists: the granted actions of either, or
     * when neither grants anything, the denied ones of both.
     */
    private static Capability merge(Capability known, Capability unknown) {
        EdgeStatus status = Check.strongest(known.status(), unknown.status());
        boolean granted = status != EdgeStatus.DENIED;
        boolean fromKnown = (known.status() != EdgeStatus.DENIED) == granted;
        boolean fromUnknown = (unknown.status() != EdgeStatus.DENIED) == granted;
        List<String> actions = new ArrayList<>();
        int count = 0;
        boolean listed = true;
        for (Capability c : fromKnown && fromUnknown ? List.of(known, unknown) : fromKnown ? List.of(known) : List.of(unknown)) {
            count += c.actionCount();
            listed &= !c.actions().isEmpty() || c.actionCount() == 0;
            actions.addAll(c.actions());
        }
        if (!listed || actions.size() > Capability.MAX_LISTED) {
            actions = List.of();
        } else {
            Collections.sort(actions);
        }
        List<String> conditional = new ArrayList<>(known.conditionalActions());
        conditional.addAll(unknown.conditionalActions());
        List<String> representatives = new ArrayList<>(known.representatives());
        representatives.addAll(unknown.representatives());
        AccessLevel level = fromUnknown && fromKnown && rank(unknown.level()) > rank(known.level()) ? unknown.level()
                : fromKnown ? known.level() : unknown.level();
        return new Capability(known.service(), known.resource(), status, actions, count, conditional, known.services(),
                fromKnown && known.allActionsOfService(), level, known.adminReasons(), known.managementReasons(),
                representatives);
    }

    /** One capability over catalogue positions [from, to). */
    private Capability capability(String service, String resource, BitSet allowed, BitSet conditional, BitSet denied,
            BitSet granted, int from, int to, boolean full, List<String> services, List<String> admin,
            List<String> management, List<Integer> reps) {
        int a = allowed.nextSetBit(from);
        int c = conditional.nextSetBit(from);
        EdgeStatus st = a >= 0 && a < to ? EdgeStatus.ALLOWED : c >= 0 && c < to ? EdgeStatus.CONDITIONAL
                : EdgeStatus.DENIED;
        BitSet listed = st == EdgeStatus.DENIED ? denied : granted;
        List<String> names = new ArrayList<>();
        AccessLevel level = null;
        int count;
        if (to - from > 512) {
            // a wide range (every service): count and levels word-wise, name only the first actions
            count = 0;
            for (int i = listed.nextSetBit(from); i >= 0 && i < to; i = listed.nextSetBit(i + 1)) {
                if (names.size() < Capability.MAX_LISTED) {
                    names.add(fullNames[i]);
                } else {
                    break;
                }
            }
            count = from == 0 && to == all.size() ? listed.cardinality() : listed.get(from, to).cardinality();
            for (Map.Entry<AccessLevel, BitSet> e : levelSets.entrySet()) {
                if (e.getValue().intersects(listed) && (level == null || rank(e.getKey()) > rank(level))) {
                    level = e.getKey();
                }
            }
        } else {
            count = 0;
            for (int i = listed.nextSetBit(from); i >= 0 && i < to; i = listed.nextSetBit(i + 1)) {
                count++;
                ActionInfo info = all.get(i);
                if (names.size() < Capability.MAX_LISTED) {
                    names.add(fullNames[i]);
                }
                if (level == null || rank(info.accessLevel()) > rank(level)) {
                    level = info.accessLevel();
                }
            }
        }
        if (count > Capability.MAX_LISTED) {
            names = List.of();
        }
        List<String> cond = new ArrayList<>();
        for (int i = conditional.nextSetBit(from); i >= 0 && i < to && cond.size() < Capability.MAX_LISTED;
                i = conditional.nextSetBit(i + 1)) {
            cond.add(fullNames[i]);
        }
        List<String> representatives = new ArrayList<>();
        for (int rep : reps) {
            if (representatives.size() < 3 && rep >= from && rep < to && listed.get(rep)) {
                representatives.add(fullNames[rep]);
            }
        }
        return new Capability(service, resource, st, names, count, cond, services, full,
                level == null ? AccessLevel.LIST : level, admin, st == EdgeStatus.DENIED ? List.of() : management,
                representatives);
    }

    private static int rank(AccessLevel level) {
        switch (level) {
            case LIST:
                return 0;
            case READ:
                return 1;
            case TAGGING:
                return 2;
            case WRITE:
                return 3;
            default:
                return 4;
        }
    }

    private final Map<String, Integer> named = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean has(BitSet set, String action) {
        Integer i = named.computeIfAbsent(action, a -> indexOf.getOrDefault(a.toLowerCase(Locale.ROOT), -1));
        return i >= 0 && set.get(i);
    }

    private List<String> adminReasons(String resource, BitSet allowed, BitSet granted) {
        List<String> reasons = new ArrayList<>();
        boolean everything = coversEverything(resource);
        boolean allRoles = everything || coversAllRoles(resource);
        if (!allRoles) {
            return reasons;
        }
        int grantedCount = granted.cardinality();
        if (everything && grantedCount == all.size()) {
            reasons.add(suffix("* on " + resource, allowed.cardinality() == all.size()));
            return reasons;
        }
        if (everything && grantedCount >= all.size() * 99 / 100) {
            // AdministratorAccess minus a few actions denied elsewhere (an SCP, a deny statement) is still admin
            reasons.add(suffix("* on " + resource + " (except " + (all.size() - grantedCount) + " denied actions)",
                    allowed.cardinality() == grantedCount));
            return reasons;
        }
        int[] iam = serviceRange.get("iam");
        if (everything && iam != null && count(granted, iam[0], iam[1]) == iam[1] - iam[0]) {
            reasons.add(suffix("iam:* on " + resource, count(allowed, iam[0], iam[1]) == iam[1] - iam[0]));
        }
        for (String action : List.of("iam:PassRole", "sts:AssumeRole")) {
            if (has(granted, action)) {
                reasons.add(suffix(action + " on " + resource, has(allowed, action)));
            }
        }
        if (everything) {
            for (String action : PRIVILEGE_ESCALATION) {
                if (has(granted, action)) {
                    reasons.add(suffix(action + " on " + resource, has(allowed, action)));
                }
            }
        }
        return reasons;
    }

    /**
     * The permissions-management actions (Service Authorization Reference access level) granted on every resource,
     * among catalogue positions [from, to): a few named, each "(conditional)" when only allowed under conditions.
     * Empty unless the pattern covers every resource. Actions that only read permissions (Get..., List...,
     * Describe...: the reference files a few of them under this level) and the ones that already make a principal
     * admin-equivalent are left out.
     */
    private List<String> managementReasons(String resource, BitSet allowed, BitSet granted, int from, int to) {
        if (!coversEverything(resource)) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        for (int i = permissionsManagement.nextSetBit(from); i >= 0 && i < to && reasons.size() < 3;
                i = permissionsManagement.nextSetBit(i + 1)) {
            if (granted.get(i)) {
                reasons.add(suffix(fullNames[i] + " on " + resource, allowed.get(i)));
            }
        }
        return reasons;
    }

    private static String suffix(String reason, boolean outright) {
        return outright ? reason : reason + " (conditional)";
    }

    /** Whether a resource pattern covers every resource (of its service): {@code *}, {@code arn:*}, or a resource part of {@code *}. */
    static boolean coversEverything(String resource) {
        if (resource.equals("*") || resource.equals("arn:*")) {
            return true;
        }
        String[] p = resource.split(":", 6);
        return p.length == 6 && p[0].equals("arn") && p[5].equals("*");
    }

    /** Whether a resource pattern covers every IAM role of an account. */
    static boolean coversAllRoles(String resource) {
        String[] p = resource.split(":", 6);
        return p.length == 6 && (p[2].equals("iam") || p[2].equals("*")) && (p[5].equals("role/*") || p[5].equals("role*")
                || p[5].equals("*"));
    }

    /** The catalogue actions a statement's Action or NotAction matches (a fresh set). */
    BitSet actionsOf(Statement s) {
        BitSet out = new BitSet();
        if (s.action() != null) {
            for (ActionPattern p : s.action()) {
                out.or(indices(p));
            }
            return out;
        }
        out.set(0, all.size());
        for (ActionPattern p : s.notAction()) {
            out.andNot(indices(p));
        }
        return out;
    }

    /** Action names in a statement that the catalogue does not know (a new service): evaluated one by one. */
    private Set<String> unknownActionsOf(Statement s) {
        if (s.action() == null) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (ActionPattern p : s.action()) {
            String text = p.text();
            int colon = text.indexOf(':');
            if (colon > 0 && indices(p).isEmpty() && !text.substring(0, colon).contains("*")) {
                out.add(text);
            }
        }
        return out;
    }

    /** The catalogue actions an action pattern matches; shared, never modified. */
    private BitSet indices(ActionPattern p) {
        String key = p.text().toLowerCase(Locale.ROOT);
        BitSet cached = patterns.get(key);
        if (cached != null) {
            return cached;
        }
        BitSet computed = new BitSet();
        int colon = key.indexOf(':');
        if (key.equals("*")) {
            computed.set(0, all.size());
        } else if (colon > 0 && !key.substring(0, colon).contains("*") && !key.substring(0, colon).contains("?")) {
            int[] range = serviceRange.get(key.substring(0, colon));
            if (range != null && key.substring(colon + 1).chars().allMatch(ch -> ch == '*')) {
                computed.set(range[0], range[1]);
            } else {
                for (ActionInfo a : catalogue.expand(key)) {
                    computed.set(indexOf.get(a.fullName().toLowerCase(Locale.ROOT)));
                }
            }
        } else {
            for (int i = 0; i < lowerNames.length; i++) {
                if (p.matchesLowerCase(lowerNames[i])) {
                    computed.set(i);
                }
            }
        }
        patterns.putIfAbsent(key, computed);
        return computed;
    }
}
