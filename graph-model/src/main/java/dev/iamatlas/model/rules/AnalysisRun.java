package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.NamedPolicy;
import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.InlinePolicy;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.OrgLevel;
import dev.iamatlas.model.snapshot.OrgPolicy;
import dev.iamatlas.model.snapshot.Organization;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.ScanGap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What rule units share while analysing one snapshot: its index, the organization's policies as the evaluator
 * takes them, and the identity side of each principal, built once. Thread-safe.
 */
public final class AnalysisRun {
    /**
     * Services whose resources resource control policies apply to; for other actions RCPs are not passed to the
     * evaluator (an RCP that names only S3 must not deny a Lambda call).
     *
     * @see <a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html">Resource control policies</a>
     */
    static final Set<String> RCP_SERVICES = Set.of("s3", "sts", "sqs", "kms", "secretsmanager", "dynamodb", "ecr",
            "logs", "cognito-idp", "aoss");

    private final SnapshotIndex index;
    private final AnalysisServices services;
    private final List<List<PolicySource>> scps;
    private final List<List<PolicySource>> rcps;
    /** The SCP and RCP levels as policy ids: what of the organization a cached result depends on. */
    private final String orgKey;
    /** Whether some SCP or RCP means different things for different principals (policy variables, principal keys). */
    private final boolean orgPrincipalDependent;
    /** Whether every SCP and RCP could be parsed (one that could not makes answers uncertain). */
    private final boolean orgValid;
    /** Whether some RCP depends on who the principal is. */
    private final boolean rcpPrincipalDependent;
    private final List<String> orgNotes;
    private final ConcurrentHashMap<String, Identity> identities = new ConcurrentHashMap<>();
    private volatile List<String> assumers = List.of();
    private final ConcurrentHashMap<ManagedKey, PolicySource> managedSources = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<ApiRoutes.Route>> routes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, java.util.Set<String>> sources = new ConcurrentHashMap<>();

    /** Prepares the analysis of {@code index}'s snapshot. */
    public AnalysisRun(SnapshotIndex index, AnalysisServices services) {
        this.index = Objects.requireNonNull(index, "index");
        this.services = Objects.requireNonNull(services, "services");
        Organization org = index.organization();
        boolean exempt = org != null && index.account().equals(org.managementAccountId());
        List<String> notes = new ArrayList<>();
        if (org == null || exempt) {
            this.scps = List.of();
            this.rcps = List.of();
            if (exempt) {
                notes.add("this is the organization's management account: SCPs and RCPs do not apply to it");
            }
        } else {
            this.scps = levels(org.scpLevels(), PolicyType.SCP);
            this.rcps = levels(org.rcpLevels(), PolicyType.RCP);
        }
        for (ScanGap gap : index.gaps(EntityKey.ORGANIZATION)) {
            notes.add("Organizations could not be read (" + gap.describe() + "): service control policies may "
                    + "further restrict this, which the snapshot cannot show");
        }
        this.orgNotes = List.copyOf(notes);
        StringBuilder key = new StringBuilder();
        boolean dependent = false;
        boolean rcpDependent = false;
        boolean valid = true;
        for (List<List<PolicySource>> levels : List.of(scps, rcps)) {
            key.append(levels == scps ? "" : "|r");
            for (List<PolicySource> level : levels) {
                key.append('[');
                for (PolicySource p : level) {
                    key.append(p.parsed().id()).append(',');
                    boolean d = p.parsed().valid() && p.parsed().principalDependent();
                    dependent |= d;
                    rcpDependent |= d && levels == rcps;
                    valid &= p.parsed().valid();
                }
                key.append(']');
            }
        }
        this.orgKey = key.toString();
        this.orgPrincipalDependent = dependent;
        this.rcpPrincipalDependent = rcpDependent;
        this.orgValid = valid;
    }

    /**
     * The SCP and RCP levels that apply, as policy ids ({@code [1,][1,2,]|r[7,]}): part of every key under which a
     * principal's effective permissions are cached.
     */
    public String orgKey() {
        return orgKey;
    }

    /**
     * Whether some SCP or RCP depends on who the principal is (a condition on {@code aws:PrincipalArn} or a principal
     * tag, a policy variable): then no two principals share a cached set of capabilities (per resource pattern they
     * still do where no such statement decides it).
     */
    public boolean orgPrincipalDependent() {
        return orgPrincipalDependent;
    }

    /** Whether some RCP depends on who the principal is (see {@link #orgPrincipalDependent()}). */
    public boolean rcpPrincipalDependent() {
        return rcpPrincipalDependent;
    }

    /** Whether every SCP and RCP that applies could be parsed. */
    public boolean orgValid() {
        return orgValid;
    }

    private List<List<PolicySource>> levels(List<OrgLevel> levels, PolicyType type) {
        List<List<PolicySource>> out = new ArrayList<>();
        for (OrgLevel level : levels) {
            List<PolicySource> policies = new ArrayList<>();
            for (OrgPolicy p : level.policies()) {
                String where = level.targetName() != null ? level.targetName() : level.targetId();
                String label = type + " " + (p.name() != null ? p.name() : p.policyId()) + " at " + where;
                policies.add(source(label, type, p.arn(), p.document()));
            }
            out.add(Collections.unmodifiableList(policies));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The routes of a REST ({@code rest:ID}) or v2 ({@code v2:ID}) API of this snapshot, computed once per run and
     * shared by every rule and detector; empty when there is no such API. The caller records the API read.
     */
    public List<ApiRoutes.Route> routes(String apiSubject) {
        List<ApiRoutes.Route> cached = routes.get(apiSubject);
        if (cached != null) {
            return cached;
        }
        String id = apiSubject.substring(apiSubject.indexOf(':') + 1);
        List<ApiRoutes.Route> computed;
        if (apiSubject.startsWith("v2:")) {
            var api = index.apiV2(id);
            computed = api == null ? List.of() : List.copyOf(ApiRoutes.of(api, index.partition(), index.account()));
        } else {
            var api = index.restApi(id);
            computed = api == null ? List.of() : List.copyOf(ApiRoutes.of(api, index.partition(), index.account()));
        }
        List<ApiRoutes.Route> raced = routes.putIfAbsent(apiSubject, computed);
        return raced == null ? computed : raced;
    }

    /**
     * Every execute-api ARN API Gateway can send as {@code aws:SourceArn} for an API id (REST or v2): each route in
     * each stage ({@code ANY} as configured for REST, one per HTTP method for HTTP API ANY routes, see
     * {@link ApiRoutes.Route#lambdaSourceArns()}), and each authorizer; in the API's region (a function in another
     * region sees them through {@link ApiRoutes#inRegion}). Computed once per run; empty when there is no such API.
     * The caller records the API read.
     */
    public java.util.Set<String> sourceArns(String apiId) {
        java.util.Set<String> cached = sources.get(apiId);
        if (cached != null) {
            return cached;
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String subject : List.of("rest:" + apiId, "v2:" + apiId)) {
            for (ApiRoutes.Route r : routes(subject)) {
                out.addAll(r.lambdaSourceArns().values());
            }
        }
        var rest = index.restApi(apiId);
        if (rest != null) {
            ApiRoutes.authorizers(rest, index.partition(), index.account()).forEach(a -> out.add(a.arn()));
        }
        var v2 = index.apiV2(apiId);
        if (v2 != null) {
            ApiRoutes.authorizers(v2, index.partition(), index.account()).forEach(a -> out.add(a.arn()));
        }
        java.util.Set<String> frozen = java.util.Collections.unmodifiableSet(out);
        java.util.Set<String> raced = sources.putIfAbsent(apiId, frozen);
        return raced == null ? frozen : raced;
    }

    /** The snapshot index. */
    public SnapshotIndex index() {
        return index;
    }

    /** The shared services. */
    public AnalysisServices services() {
        return services;
    }

    /** A labelled, parsed policy. */
    public PolicySource source(String label, PolicyType type, String owner, PolicyText text) {
        ParsedPolicy parsed = services.policies().parse(text);
        return new PolicySource(new NamedPolicy(label, parsed.valid() ? parsed.document() : EMPTY), type, owner, parsed);
    }

    private static final dev.iamatlas.model.policy.PolicyDocument EMPTY =
            dev.iamatlas.model.policy.PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}");

    /** SCP levels that apply to this account's principals (empty outside an organization or in its management account). */
    public List<List<PolicySource>> scps() {
        return scps;
    }

    /** RCP levels that apply to this account's resources for {@code action}, or empty. */
    public List<List<PolicySource>> rcpsFor(String action) {
        if (rcps.isEmpty()) {
            return List.of();
        }
        int colon = action.indexOf(':');
        String service = colon < 0 ? action : action.substring(0, colon).toLowerCase(Locale.ROOT);
        return RCP_SERVICES.contains(service) ? rcps : List.of();
    }

    /** Set by the engine: the principals whose identity policies can allow sts:AssumeRole at all, sorted. */
    void setAssumers(List<String> principals) {
        this.assumers = principals;
    }

    /**
     * Builds the index of {@link #assumersOf} from an earlier run's of the same account: only the principals in
     * {@code changed} (assumers that joined, left, or whose policies changed; the engine knows) are read again.
     */
    void reuseAssumerIndex(AnalysisRun earlier, Set<String> changed) {
        AssumerIndex index = earlier.assumerIndex;
        Set<String> since = changed;
        if (index == null && earlier.earlierAssumerIndex != null) { // the earlier run never needed its own
            index = earlier.earlierAssumerIndex;
            since = new java.util.HashSet<>(earlier.changedAssumers);
            since.addAll(changed);
        }
        if (index != null && since.isEmpty()) {
            this.assumerIndex = index;
        } else {
            this.earlierAssumerIndex = index;
            this.changedAssumers = Set.copyOf(since);
        }
    }

    /** The principals whose identity policies can allow {@code sts:AssumeRole} on some (not all) roles, sorted. */
    public List<String> assumers() {
        return assumers;
    }

    private volatile AssumerIndex assumerIndex;
    private AssumerIndex earlierAssumerIndex;
    private Set<String> changedAssumers = Set.of();

    /**
     * The {@link #assumers()} whose policies may allow {@code sts:AssumeRole} on {@code roleArn}: those with an Allow
     * statement for it whose Resource names the role exactly, and those whose wildcard or variable Resource matches
     * it. Built once per run; a lookup is constant time plus the wildcard patterns.
     */
    public List<String> assumersOf(String roleArn) {
        AssumerIndex index = assumerIndex;
        if (index == null) {
            synchronized (this) {
                index = assumerIndex;
                if (index == null) {
                    index = new AssumerIndex(this, earlierAssumerIndex, changedAssumers);
                    assumerIndex = index;
                    earlierAssumerIndex = null;
                }
            }
        }
        return index.candidates(roleArn);
    }

    /**
     * The Resource entries of a principal's Allow statements that may allow {@code sts:AssumeRole}: the roles it may
     * be able to assume. Empty when there is no such principal.
     */
    List<dev.iamatlas.model.policy.ResourcePattern> assumeRoleResources(String principal) {
        Identity identity = identity(principal);
        if (identity == null) {
            return List.of();
        }
        List<dev.iamatlas.model.policy.ResourcePattern> out = new ArrayList<>();
        for (PolicySource p : identity.policies()) {
            if (!p.parsed().valid()) {
                continue;
            }
            for (dev.iamatlas.model.policy.Statement s : p.parsed().document().statements()) {
                if (s.effect() == dev.iamatlas.model.policy.Effect.ALLOW
                        && ParsedPolicy.mayAllowAction(s, "sts:assumerole") && s.resource() != null) {
                    out.addAll(s.resource());
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether a Resource entry names one ARN (no wildcard, no variable): it matches that text only. */
    static boolean namesExactly(dev.iamatlas.model.policy.ResourcePattern r) {
        return !r.template().hasVariables() && !r.text().contains("*") && !r.text().contains("?");
    }

    /** Assumers by the roles their AssumeRole statements name. */
    private static final class AssumerIndex {
        private final Map<String, List<dev.iamatlas.model.policy.ResourcePattern>> byPrincipal = new java.util.HashMap<>();
        private final Map<String, List<String>> exact = new java.util.HashMap<>();
        private final List<Object[]> patterns = new ArrayList<>(); // {principal, ResourcePattern}

        /** Reads every assumer's policies, except those of an earlier index that did not change. */
        AssumerIndex(AnalysisRun run, AssumerIndex earlier, Set<String> changed) {
            for (String principal : run.assumers) {
                List<dev.iamatlas.model.policy.ResourcePattern> resources =
                        earlier != null && !changed.contains(principal) ? earlier.byPrincipal.get(principal) : null;
                if (resources == null) {
                    resources = run.assumeRoleResources(principal);
                }
                byPrincipal.put(principal, resources);
                for (dev.iamatlas.model.policy.ResourcePattern r : resources) {
                    String text = r.text();
                    if (namesExactly(r)) {
                        exact.computeIfAbsent(text, k -> new ArrayList<>()).add(principal);
                    } else {
                        patterns.add(new Object[] {principal, r});
                    }
                }
            }
        }

        List<String> candidates(String roleArn) {
            java.util.Set<String> out = new java.util.TreeSet<>(exact.getOrDefault(roleArn, List.of()));
            for (Object[] p : patterns) {
                dev.iamatlas.model.policy.ResourcePattern r = (dev.iamatlas.model.policy.ResourcePattern) p[1];
                if (r.template().hasVariables() || r.matches(roleArn)) {
                    out.add((String) p[0]);
                }
            }
            return new ArrayList<>(out);
        }
    }

    /** Notes about the organization for evidence: management account, unreadable organization. */
    public List<String> organizationNotes() {
        return orgNotes;
    }

    /**
     * The identity side of a role or user of the account, built once per run; null when the account has no such
     * principal. The caller records {@link Identity#reads()}.
     */
    public Identity identity(String principalArn) {
        Identity cached = identities.get(principalArn);
        if (cached != null) {
            return cached;
        }
        IamRole role = index.role(principalArn);
        IamUser user = role == null ? index.user(principalArn) : null;
        if (role == null && user == null) {
            return null;
        }
        Identity built = role != null ? build(role) : build(user);
        Identity raced = identities.putIfAbsent(principalArn, built);
        return raced == null ? built : raced;
    }

    private Identity build(IamRole role) {
        Builder b = new Builder(role.arn(), false);
        b.reads.add(EntityKey.role(role.arn()));
        b.gaps(EntityKey.role(role.arn()));
        b.policies.addAll(inlineSources("role/" + role.name(), role.arn(), role, role.inlinePolicies()));
        for (String arn : role.attachedPolicyArns()) {
            b.managed(arn, role.arn());
        }
        b.boundary(role.permissionsBoundaryArn());
        role.tags().forEach((k, v) -> b.context.put("aws:PrincipalTag/" + k, List.of(v)));
        return b.finish();
    }

    private Identity build(IamUser user) {
        Builder b = new Builder(user.arn(), true);
        b.reads.add(EntityKey.user(user.arn()));
        b.gaps(EntityKey.user(user.arn()));
        b.policies.addAll(inlineSources("user/" + user.name(), user.arn(), user, user.inlinePolicies()));
        for (String arn : user.attachedPolicyArns()) {
            b.managed(arn, user.arn());
        }
        for (String groupName : new LinkedHashSet<>(user.groups())) {
            b.reads.add(EntityKey.group(groupName));
            b.gaps(EntityKey.group(groupName));
            IamGroup group = index.group(groupName);
            if (group == null) {
                b.uncertainties.add("group " + groupName + " is not in the snapshot, so its policies are unknown");
                continue;
            }
            b.policies.addAll(inlineSources("group/" + group.name(), group.arn(), group, group.inlinePolicies()));
            for (String arn : group.attachedPolicyArns()) {
                b.managed(arn, group.arn());
            }
        }
        b.boundary(user.permissionsBoundaryArn());
        user.tags().forEach((k, v) -> b.context.put("aws:PrincipalTag/" + k, List.of(v)));
        return b.finish();
    }

    /**
     * The inline policies of a role, user or group ({@code owner}, labelled {@code who}) as identity-policy sources,
     * made once per entity object (see {@link AnalysisServices#inlineSources}).
     */
    private List<PolicySource> inlineSources(String who, String arn, Object owner, List<InlinePolicy> policies) {
        return services.inlineSources(arn, owner, () -> {
            List<PolicySource> out = new ArrayList<>();
            for (InlinePolicy p : policies) {
                out.add(source(who + " inline " + p.name(), PolicyType.IDENTITY, arn, p.document()));
            }
            return out;
        });
    }

    /** A managed policy's default version, as identity policy or as permissions boundary. */
    private record ManagedKey(PolicyType type, String arn, PolicyText document) {
    }

    private PolicySource managedSource(ManagedPolicy policy, PolicyText document, PolicyType type) {
        ManagedKey key = new ManagedKey(type, policy.arn(), document);
        PolicySource s = managedSources.get(key);
        if (s == null) {
            String label = type == PolicyType.PERMISSIONS_BOUNDARY ? policy.arn() + " (permissions boundary)" : policy.arn();
            s = source(label, type, policy.arn(), document);
            managedSources.put(key, s);
        }
        return s;
    }

    /** Collects one identity. */
    private final class Builder {
        final String arn;
        final boolean user;
        final List<PolicySource> policies = new ArrayList<>();
        PolicySource boundary;
        final Map<String, List<String>> context = new TreeMap<>();
        final List<String> uncertainties = new ArrayList<>();
        final Set<EntityKey> reads = new LinkedHashSet<>();

        Builder(String arn, boolean user) {
            this.arn = arn;
            this.user = user;
        }

        void gaps(EntityKey key) {
            for (ScanGap gap : index.gaps(key)) {
                if (gap.concernsOnlyTrustPolicy()) {
                    continue; // who may assume the role, not what it may do
                }
                uncertainties.add("the scan could not read everything about " + key.id() + " (" + gap.describe() + ")");
            }
        }

        void managed(String policyArn, String attachedTo) {
            reads.add(EntityKey.managedPolicy(policyArn));
            gaps(EntityKey.managedPolicy(policyArn));
            ManagedPolicy policy = index.managedPolicy(policyArn);
            if (policy == null) {
                uncertainties.add("managed policy " + policyArn + " is attached to " + attachedTo
                        + " but is not in the snapshot, so what it allows is unknown");
                return;
            }
            PolicyText document = policy.defaultDocument().orElse(null);
            if (document == null) {
                uncertainties.add("the default version of " + policyArn + " is not in the snapshot");
                return;
            }
            policies.add(managedSource(policy, document, PolicyType.IDENTITY));
        }

        void boundary(String policyArn) {
            if (policyArn == null) {
                return;
            }
            reads.add(EntityKey.managedPolicy(policyArn));
            ManagedPolicy policy = index.managedPolicy(policyArn);
            PolicyText document = policy == null ? null : policy.defaultDocument().orElse(null);
            if (document == null) {
                uncertainties.add("permissions boundary " + policyArn + " is not in the snapshot, so what it allows is unknown");
                return;
            }
            boundary = managedSource(policy, document, PolicyType.PERMISSIONS_BOUNDARY);
        }

        Identity finish() {
            if (index.organization() != null) {
                reads.add(EntityKey.ORGANIZATION);
                if (index.organization().organizationId() != null) {
                    context.put("aws:PrincipalOrgID", List.of(index.organization().organizationId()));
                }
            } else if (index.organizationUnreadable()) {
                reads.add(EntityKey.ORGANIZATION);
            }
            int[] ids = new int[policies.size()];
            boolean dependent = false;
            for (int i = 0; i < ids.length; i++) {
                ids[i] = policies.get(i).parsed().id();
                dependent |= policies.get(i).parsed().principalDependent();
            }
            java.util.Arrays.sort(ids);
            // kind: user, service-linked role (SCPs and RCPs do not restrict it) or role
            String kind = user ? "u" : services.serviceLinkedRole(arn) ? "l" : "r";
            StringBuilder key = new StringBuilder(64).append(kind).append(java.util.Arrays.toString(ids));
            if (boundary != null) {
                key.append("|b").append(boundary.parsed().id());
                dependent |= boundary.parsed().principalDependent();
            }
            key.append("|s").append(orgKey);
            dependent |= orgPrincipalDependent;
            if (dependent) {
                key.append("|p").append(arn).append(context);
            }
            if (!uncertainties.isEmpty()) {
                key.append("|u").append(uncertainties.hashCode());
            }
            // the builder's collections are not used again: wrapped, not copied (one identity per principal an edit
            // touches)
            return new Identity(arn, user, Collections.unmodifiableList(policies), boundary, scps,
                    Collections.unmodifiableMap(context), uncertainties.isEmpty() ? List.of()
                    : Collections.unmodifiableList(uncertainties), orgNotes, Collections.unmodifiableSet(reads),
                    key.toString());
        }
    }
}
