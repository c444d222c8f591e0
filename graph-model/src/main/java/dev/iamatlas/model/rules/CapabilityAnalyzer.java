package dev.iamatlas.model.rules;

import dev.iamatlas.model.catalogue.AccessLevel;
import dev.iamatlas.model.catalogue.ActionCatalogue;
import dev.iamatlas.model.catalogue.ActionInfo;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.policy.ActionPattern;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.ResourcePattern;
import dev.iamatlas.model.policy.Statement;
import java.util.ArrayList;
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
 * class. The result is cached per distinct policy set (roles that attach the same managed policies share it), keyed
 * by {@link Identity#cacheKey()}.
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
 */
public final class CapabilityAnalyzer {
    /** Actions that let a principal raise its own (or another's) permissions when allowed on all resources. */
    public static final List<String> PRIVILEGE_ESCALATION = List.of("iam:AddUserToGroup", "iam:AttachGroupPolicy",
            "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:CreateAccessKey", "iam:CreateLoginProfile",
            "iam:CreatePolicyVersion", "iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary",
            "iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:SetDefaultPolicyVersion",
            "iam:UpdateAssumeRolePolicy", "iam:UpdateLoginProfile");

    /** Above this many services on one resource pattern, the capabilities fold into one {@code *} capability. */
    static final int MAX_SERVICES = 20;

    private final ActionCatalogue catalogue;
    private final List<ActionInfo> all;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final String[] lowerNames;
    private final Map<String, int[]> serviceRange = new HashMap<>();
    private final BitSet permissionsManagement = new BitSet();
    private final ConcurrentHashMap<String, int[]> patterns = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Capability>> profiles = new ConcurrentHashMap<>();

    CapabilityAnalyzer(ActionCatalogue catalogue) {
        this.catalogue = catalogue;
        this.all = catalogue.expand("*");
        this.lowerNames = new String[all.size()];
        for (int i = 0; i < all.size(); i++) {
            ActionInfo a = all.get(i);
            lowerNames[i] = a.fullName().toLowerCase(Locale.ROOT);
            indexOf.put(lowerNames[i], i);
            serviceRange.merge(a.service(), new int[] {i, i + 1}, (x, y) -> new int[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])});
            if (a.accessLevel() == AccessLevel.PERMISSIONS_MANAGEMENT) {
                permissionsManagement.set(i);
            }
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
        List<Capability> raced = profiles.putIfAbsent(identity.cacheKey(), computed);
        return raced == null ? computed : raced;
    }

    private List<Capability> compute(Identity identity, AnalysisRun run) {
        Map<String, BitSet> wanted = new LinkedHashMap<>();
        Map<String, Set<String>> unknownWanted = new LinkedHashMap<>();
        List<Statement> inPlay = new ArrayList<>();
        for (PolicySource p : identity.policies()) {
            if (!p.parsed().valid()) {
                continue;
            }
            for (Statement s : p.parsed().document().statements()) {
                inPlay.add(s);
                if (s.effect() != Effect.ALLOW) {
                    continue;
                }
                List<String> resources = new ArrayList<>();
                if (s.resource() != null) {
                    s.resource().forEach(r -> resources.add(r.text()));
                } else if (s.notResource() != null) {
                    resources.add("*");
                }
                if (resources.isEmpty()) {
                    continue;
                }
                BitSet actions = actionsOf(s);
                Set<String> unknown = unknownActionsOf(s);
                for (String r : resources) {
                    wanted.computeIfAbsent(r, k -> new BitSet()).or(actions);
                    if (!unknown.isEmpty()) {
                        unknownWanted.computeIfAbsent(r, k -> new TreeSet<>()).addAll(unknown);
                    }
                }
            }
        }
        if (identity.boundary() != null && identity.boundary().parsed().valid()) {
            inPlay.addAll(identity.boundary().parsed().document().statements());
        }
        for (List<PolicySource> level : identity.scps()) {
            for (PolicySource p : level) {
                if (p.parsed().valid()) {
                    inPlay.addAll(p.parsed().document().statements());
                }
            }
        }
        List<Capability> out = new ArrayList<>();
        Set<String> resources = new LinkedHashSet<>(wanted.keySet());
        resources.addAll(unknownWanted.keySet());
        for (String resource : resources) {
            BitSet actions = wanted.getOrDefault(resource, new BitSet());
            out.addAll(forResource(identity, run, resource, actions, unknownWanted.getOrDefault(resource, Set.of()), inPlay));
        }
        out.sort((a, b) -> (a.service() + "|" + a.resource()).compareTo(b.service() + "|" + b.resource()));
        return Collections.unmodifiableList(out);
    }

    private List<Capability> forResource(Identity identity, AnalysisRun run, String resource, BitSet wanted,
            Set<String> unknownActions, List<Statement> inPlay) {
        // Partition the wanted actions by the statements that could apply to this resource.
        List<BitSet> classes = new ArrayList<>();
        if (!wanted.isEmpty()) {
            classes.add(wanted);
        }
        for (Statement s : inPlay) {
            if (!couldApply(s, resource)) {
                continue;
            }
            BitSet matched = actionsOf(s);
            List<BitSet> next = new ArrayList<>(classes.size() + 1);
            for (BitSet c : classes) {
                BitSet in = (BitSet) c.clone();
                in.and(matched);
                if (in.isEmpty()) {
                    next.add(c);
                    continue;
                }
                BitSet rest = (BitSet) c.clone();
                rest.andNot(matched);
                next.add(in);
                if (!rest.isEmpty()) {
                    next.add(rest);
                }
            }
            classes = next;
        }
        if (!run.rcpsFor("s3:GetObject").isEmpty()) {
            classes = splitByRcpServices(classes);
        }
        BitSet allowed = new BitSet();
        BitSet conditional = new BitSet();
        BitSet denied = new BitSet();
        Map<Integer, Integer> repOf = new HashMap<>();
        for (BitSet c : classes) {
            int rep = c.nextSetBit(0);
            EdgeStatus status = decide(identity, run, all.get(rep).fullName(), resource);
            (status == EdgeStatus.ALLOWED ? allowed : status == EdgeStatus.CONDITIONAL ? conditional : denied).or(c);
            for (int i = c.nextSetBit(0); i >= 0; i = c.nextSetBit(i + 1)) {
                repOf.put(i, rep);
            }
        }
        Map<String, EdgeStatus> unknownStatus = new TreeMap<>();
        for (String action : unknownActions) {
            unknownStatus.put(action, decide(identity, run, action, resource));
        }
        return group(resource, allowed, conditional, denied, unknownStatus, repOf);
    }

    private List<BitSet> splitByRcpServices(List<BitSet> classes) {
        BitSet rcp = new BitSet();
        for (String s : AnalysisRun.RCP_SERVICES) {
            int[] range = serviceRange.get(s);
            if (range != null) {
                rcp.set(range[0], range[1]);
            }
        }
        List<BitSet> out = new ArrayList<>();
        for (BitSet c : classes) {
            BitSet in = (BitSet) c.clone();
            in.and(rcp);
            BitSet rest = (BitSet) c.clone();
            rest.andNot(rcp);
            if (!in.isEmpty()) {
                out.add(in);
            }
            if (!rest.isEmpty()) {
                out.add(rest);
            }
        }
        return out;
    }

    private EdgeStatus decide(Identity identity, AnalysisRun run, String action, String resource) {
        return identity.applyTo(Check.request("capability")).action(action).resource(resource)
                .rcps(run.rcpsFor(action)).absent(Callers.PRINCIPAL_ABSENT).evaluate().status();
    }

    /** Whether a statement's Resource could apply to the resource pattern (it matches the text, or uses variables). */
    private static boolean couldApply(Statement s, String resource) {
        if (s.resource() == null) {
            return true;
        }
        for (ResourcePattern p : s.resource()) {
            if (p.template().hasVariables() || p.matches(resource)) {
                return true;
            }
        }
        return false;
    }

    private List<Capability> group(String resource, BitSet allowed, BitSet conditional, BitSet denied,
            Map<String, EdgeStatus> unknown, Map<Integer, Integer> repOf) {
        BitSet granted = (BitSet) allowed.clone();
        granted.or(conditional);
        Map<String, BitSet> byService = new TreeMap<>();
        BitSet any = (BitSet) granted.clone();
        any.or(denied);
        for (int i = any.nextSetBit(0); i >= 0; i = any.nextSetBit(i + 1)) {
            byService.computeIfAbsent(all.get(i).service(), k -> new BitSet()).set(i);
        }
        List<String> admin = adminReasons(resource, allowed, conditional);
        boolean everything = granted.cardinality() == all.size();
        int servicesGranted = 0;
        for (BitSet s : byService.values()) {
            if (s.intersects(granted)) {
                servicesGranted++;
            }
        }
        List<Capability> out = new ArrayList<>();
        if (everything || servicesGranted > MAX_SERVICES) {
            List<String> services = new ArrayList<>();
            for (Map.Entry<String, BitSet> e : byService.entrySet()) {
                if (e.getValue().intersects(granted)) {
                    services.add(e.getKey());
                }
            }
            List<String> reasons = new ArrayList<>();
            for (String r : admin) {
                reasons.add(r.startsWith("PM ") ? r.substring(3) : r);
            }
            out.add(capability("*", resource, granted, allowed, conditional, denied, everything, services, reasons, repOf));
        } else {
            for (Map.Entry<String, BitSet> e : byService.entrySet()) {
                BitSet mask = e.getValue();
                BitSet g = (BitSet) granted.clone();
                g.and(mask);
                int[] range = serviceRange.get(e.getKey());
                boolean full = g.cardinality() == range[1] - range[0];
                BitSet a = (BitSet) allowed.clone();
                a.and(mask);
                BitSet c = (BitSet) conditional.clone();
                c.and(mask);
                BitSet d = (BitSet) denied.clone();
                d.and(mask);
                List<String> reasons = new ArrayList<>();
                for (String r : admin) {
                    if (r.startsWith(e.getKey() + ":") || r.startsWith("PM ") && r.contains(" " + e.getKey() + ":")) {
                        reasons.add(r.startsWith("PM ") ? r.substring(3) : r);
                    }
                }
                out.add(capability(e.getKey(), resource, g, a, c, d, full, List.of(e.getKey()), reasons, repOf));
            }
        }
        Map<String, List<String>> unknownByService = new TreeMap<>();
        for (Map.Entry<String, EdgeStatus> e : unknown.entrySet()) {
            String service = e.getKey().contains(":") ? e.getKey().substring(0, e.getKey().indexOf(':')).toLowerCase(Locale.ROOT)
                    : e.getKey();
            unknownByService.computeIfAbsent(service, k -> new ArrayList<>()).add(e.getKey());
        }
        for (Map.Entry<String, List<String>> e : unknownByService.entrySet()) {
            EdgeStatus status = EdgeStatus.DENIED;
            List<String> granted2 = new ArrayList<>();
            List<String> conditional2 = new ArrayList<>();
            for (String action : e.getValue()) {
                EdgeStatus s = unknown.get(action);
                status = Check.strongest(status, s);
                if (s != EdgeStatus.DENIED) {
                    granted2.add(action);
                }
                if (s == EdgeStatus.CONDITIONAL) {
                    conditional2.add(action);
                }
            }
            out.add(new Capability(e.getKey(), resource, status, granted2.isEmpty() ? e.getValue() : granted2,
                    granted2.isEmpty() ? e.getValue().size() : granted2.size(), conditional2, List.of(e.getKey()), false,
                    AccessLevel.WRITE, List.of(), List.of(e.getValue().get(0))));
        }
        return out;
    }

    private Capability capability(String service, String resource, BitSet granted, BitSet allowed, BitSet conditional,
            BitSet denied, boolean full, List<String> services, List<String> admin, Map<Integer, Integer> repOf) {
        EdgeStatus status = !allowed.isEmpty() ? EdgeStatus.ALLOWED : !conditional.isEmpty() ? EdgeStatus.CONDITIONAL
                : EdgeStatus.DENIED;
        BitSet listed = granted.isEmpty() ? denied : granted;
        List<String> names = new ArrayList<>();
        AccessLevel level = null;
        Set<Integer> reps = new LinkedHashSet<>();
        for (int i = listed.nextSetBit(0); i >= 0; i = listed.nextSetBit(i + 1)) {
            ActionInfo a = all.get(i);
            if (names.size() < Capability.MAX_LISTED) {
                names.add(a.fullName());
            }
            level = level == null || rank(a.accessLevel()) > rank(level) ? a.accessLevel() : level;
            Integer rep = repOf.get(i);
            if (rep != null && reps.size() < 3 && (status != EdgeStatus.ALLOWED || allowed.get(rep))) {
                reps.add(rep);
            }
        }
        int count = listed.cardinality();
        if (count > Capability.MAX_LISTED) {
            names = List.of();
        }
        List<String> cond = new ArrayList<>();
        for (int i = conditional.nextSetBit(0); i >= 0 && cond.size() < Capability.MAX_LISTED; i = conditional.nextSetBit(i + 1)) {
            cond.add(all.get(i).fullName());
        }
        List<String> repNames = new ArrayList<>();
        for (int r : reps) {
            repNames.add(all.get(r).fullName());
        }
        return new Capability(service, resource, status, names, count, cond, services, full,
                level == null ? AccessLevel.LIST : level, admin, repNames);
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

    private List<String> adminReasons(String resource, BitSet allowed, BitSet conditional) {
        List<String> reasons = new ArrayList<>();
        boolean everything = coversEverything(resource);
        boolean allRoles = everything || coversAllRoles(resource);
        BitSet granted = (BitSet) allowed.clone();
        granted.or(conditional);
        if (everything && granted.cardinality() == all.size()) {
            reasons.add(suffix("* on " + resource, allowed.cardinality() == all.size()));
            return reasons;
        }
        int[] iam = serviceRange.get("iam");
        if (everything && iam != null && granted.get(iam[0], iam[1]).cardinality() == iam[1] - iam[0]) {
            reasons.add(suffix("iam:* on " + resource, allowed.get(iam[0], iam[1]).cardinality() == iam[1] - iam[0]));
        }
        for (String action : List.of("iam:PassRole", "sts:AssumeRole")) {
            Integer i = indexOf.get(action.toLowerCase(Locale.ROOT));
            if (allRoles && i != null && granted.get(i)) {
                reasons.add(suffix(action + " on " + resource, allowed.get(i)));
            }
        }
        if (everything) {
            for (String action : PRIVILEGE_ESCALATION) {
                Integer i = indexOf.get(action.toLowerCase(Locale.ROOT));
                if (i != null && granted.get(i)) {
                    reasons.add(suffix(action + " on " + resource, allowed.get(i)));
                }
            }
            BitSet pm = (BitSet) granted.clone();
            pm.and(permissionsManagement);
            int listed = 0;
            for (int i = pm.nextSetBit(0); i >= 0 && listed < 5; i = pm.nextSetBit(i + 1)) {
                String name = all.get(i).fullName();
                if (!PRIVILEGE_ESCALATION.contains(name) && !name.equals("iam:PassRole")) {
                    reasons.add("PM " + suffix("permissions management " + name + " on " + resource, allowed.get(i)));
                    listed++;
                }
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

    /** The catalogue actions a statement's Action or NotAction matches. */
    BitSet actionsOf(Statement s) {
        BitSet out = new BitSet();
        if (s.action() != null) {
            for (ActionPattern p : s.action()) {
                for (int i : indices(p)) {
                    out.set(i);
                }
            }
            return out;
        }
        out.set(0, all.size());
        for (ActionPattern p : s.notAction()) {
            for (int i : indices(p)) {
                out.clear(i);
            }
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
            if (colon > 0 && indices(p).length == 0 && !text.substring(0, colon).contains("*")) {
                out.add(text);
            }
        }
        return out;
    }

    private int[] indices(ActionPattern p) {
        String key = p.text().toLowerCase(Locale.ROOT);
        int[] cached = patterns.get(key);
        if (cached != null) {
            return cached;
        }
        int[] computed;
        int colon = key.indexOf(':');
        if (key.equals("*")) {
            computed = range(0, all.size());
        } else if (colon > 0 && !key.substring(0, colon).contains("*") && !key.substring(0, colon).contains("?")) {
            List<ActionInfo> expanded = catalogue.expand(key);
            computed = new int[expanded.size()];
            for (int i = 0; i < computed.length; i++) {
                computed[i] = indexOf.get(expanded.get(i).fullName().toLowerCase(Locale.ROOT));
            }
        } else {
            List<Integer> matches = new ArrayList<>();
            for (int i = 0; i < lowerNames.length; i++) {
                if (p.matchesLowerCase(lowerNames[i])) {
                    matches.add(i);
                }
            }
            computed = matches.stream().mapToInt(Integer::intValue).toArray();
        }
        patterns.putIfAbsent(key, computed);
        return computed;
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
