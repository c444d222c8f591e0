package dev.iamatlas.model.rules;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.Organization;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.ScanGap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lookups over one {@link AccountSnapshot}: entities by ARN, id or name, reverse indexes (which principals attach a
 * managed policy, which users are in a group) and the scan gaps that concern each entity. Immutable; building it is
 * linear in the size of the snapshot, and {@link #SnapshotIndex(SnapshotIndex, AccountSnapshot) indexing an edited
 * snapshot} is linear only in the lists the edit replaced (an edit shares every other list with the snapshot it
 * edited); every lookup is constant time.
 */
public final class SnapshotIndex {
    private final AccountSnapshot snapshot;
    private final Section<LambdaFunction> functions;
    private final Section<IamRole> roles;
    private final Section<IamUser> users;
    private final Section<IamGroup> groups;
    private final Section<ManagedPolicy> managedPolicies;
    private final Section<RestApi> restApis;
    private final Section<ApiV2> apisV2;
    private final Map<EntityKey, List<ScanGap>> gapsByEntity = new HashMap<>();
    private final List<ScanGap> globalGaps = new ArrayList<>();
    private final List<String> principals;
    private final List<String> duplicates = new ArrayList<>();

    /**
     * The index of one list of entities: by id, by a second key, and a reverse index, built once per list and
     * shared by the indexes of later snapshots that share the list.
     */
    private static final class Section<T> {
        final List<T> list;
        final Map<String, T> byId;
        final Map<String, T> byName = new HashMap<>();
        final Map<String, List<T>> allByName = new HashMap<>();
        /** Reverse index: a key (a policy ARN, a group name) to the ids of the entities that name it. */
        final Map<String, List<String>> naming = new HashMap<>();
        final List<String> duplicates = new ArrayList<>();

        Section(List<T> list, boolean ordered) {
            this.list = list;
            this.byId = ordered ? new LinkedHashMap<>() : new HashMap<>(list.size() * 4 / 3 + 1);
        }

        void put(String kind, String id, T entity) {
            if (byId.put(id, entity) != null) {
                duplicates.add("the snapshot lists " + kind + " " + id + " more than once; the last one is analysed");
            }
        }

        void name(String key, String id) {
            naming.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
        }
    }

    /** Indexes {@code snapshot}. Linear in its size. */
    public SnapshotIndex(AccountSnapshot snapshot) {
        this(null, snapshot);
    }

    /**
     * Indexes {@code snapshot}, an edited version of {@code previous}'s: the parts of {@code previous} built from
     * lists that {@code snapshot} shares (the same list objects) are reused. Linear in the lists that differ (and in
     * the principals, to list them, when roles or users were added or removed).
     *
     * @param previous the index of an earlier snapshot of the same account, or null
     */
    public SnapshotIndex(SnapshotIndex previous, AccountSnapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.functions = reuse(previous == null ? null : previous.functions, snapshot.functions(), list -> {
            Section<LambdaFunction> out = new Section<>(list, false);
            for (LambdaFunction f : list) {
                out.put("function", f.arn(), f);
                out.allByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
            }
            return out;
        });
        this.roles = reuse(previous == null ? null : previous.roles, snapshot.iam().roles(), list -> {
            Section<IamRole> out = new Section<>(list, false);
            for (IamRole r : list) {
                out.put("role", r.arn(), r);
                out.byName.put(r.name(), r);
                for (String p : r.attachedPolicyArns()) {
                    out.name(p, r.arn());
                }
                if (r.permissionsBoundaryArn() != null) {
                    out.name(r.permissionsBoundaryArn(), r.arn());
                }
            }
            return out;
        });
        this.users = reuse(previous == null ? null : previous.users, snapshot.iam().users(), list -> {
            Section<IamUser> out = new Section<>(list, false);
            for (IamUser u : list) {
                out.put("user", u.arn(), u);
                out.byName.put(u.name(), u);
                for (String p : u.attachedPolicyArns()) {
                    out.name(p, u.arn());
                }
                if (u.permissionsBoundaryArn() != null) {
                    out.name(u.permissionsBoundaryArn(), u.arn());
                }
                for (String g : u.groups()) {
                    out.name("group:" + g, u.arn());
                }
            }
            return out;
        });
        this.groups = reuse(previous == null ? null : previous.groups, snapshot.iam().groups(), list -> {
            Section<IamGroup> out = new Section<>(list, false);
            for (IamGroup g : list) {
                out.byName.put(g.name(), g);
                out.put("group", g.arn(), g);
            }
            return out;
        });
        this.managedPolicies = reuse(previous == null ? null : previous.managedPolicies, snapshot.iam().managedPolicies(),
                list -> {
                    Section<ManagedPolicy> out = new Section<>(list, false);
                    for (ManagedPolicy p : list) {
                        out.put("managed policy", p.arn(), p);
                    }
                    return out;
                });
        this.restApis = reuse(previous == null ? null : previous.restApis, snapshot.restApis(), list -> {
            Section<RestApi> out = new Section<>(list, true);
            for (RestApi api : list) {
                out.put("REST API", api.id(), api);
            }
            return out;
        });
        this.apisV2 = reuse(previous == null ? null : previous.apisV2, snapshot.apisV2(), list -> {
            Section<ApiV2> out = new Section<>(list, true);
            for (ApiV2 api : list) {
                out.put("API", api.apiId(), api);
            }
            return out;
        });
        for (Section<?> section : List.of(functions, roles, users, groups, managedPolicies, restApis, apisV2)) {
            duplicates.addAll(section.duplicates);
        }
        if (previous != null && previous.roles == roles && previous.users == users) {
            this.principals = previous.principals;
        } else if (previous != null && sameIds(previous.roles, roles) && sameIds(previous.users, users)) {
            this.principals = previous.principals; // an edit that changed a principal but no principal's ARN
        } else {
            List<String> all = new ArrayList<>(roles.byId.keySet());
            all.addAll(users.byId.keySet());
            Collections.sort(all);
            this.principals = Collections.unmodifiableList(all);
        }
        for (ScanGap gap : snapshot.gaps()) {
            List<EntityKey> keys = keysOf(gap);
            if (keys.isEmpty()) {
                globalGaps.add(gap);
            }
            for (EntityKey key : keys) {
                gapsByEntity.computeIfAbsent(key, k -> new ArrayList<>()).add(gap);
            }
        }
    }

    private static <T> Section<T> reuse(Section<T> previous, List<T> list,
            java.util.function.Function<List<T>, Section<T>> build) {
        return previous != null && previous.list == list ? previous : build.apply(list);
    }

    /** Whether two sections index the same ids (the same entities, maybe changed). */
    private static boolean sameIds(Section<?> a, Section<?> b) {
        return a.byId.size() == b.byId.size() && a.byId.keySet().equals(b.byId.keySet());
    }

    /** Entities the snapshot lists more than once (IAM and AWS ids are unique, so the snapshot is inconsistent). */
    public List<String> duplicates() {
        return Collections.unmodifiableList(duplicates);
    }

    /** The indexed snapshot. */
    public AccountSnapshot snapshot() {
        return snapshot;
    }

    /**
     * The snapshot's list of one kind of entity (functions, roles, users, groups, managed policies, REST or v2 APIs),
     * or null for the other kinds. An edit shares every list it does not change, so comparing these lists by
     * reference tells what an edit left alone.
     */
    public List<?> entities(EntityKey.Kind kind) {
        switch (kind) {
            case FUNCTION:
                return snapshot.functions();
            case ROLE:
                return snapshot.iam().roles();
            case USER:
                return snapshot.iam().users();
            case GROUP:
                return snapshot.iam().groups();
            case MANAGED_POLICY:
                return snapshot.iam().managedPolicies();
            case REST_API:
                return snapshot.restApis();
            case API_V2:
                return snapshot.apisV2();
            default:
                return null;
        }
    }

    /**
     * Whether {@code other} holds the very same lists (by reference) of every kind in {@code kinds} as this index.
     * False for a kind without a list.
     */
    public boolean sameEntities(SnapshotIndex other, Set<EntityKey.Kind> kinds) {
        for (EntityKey.Kind kind : kinds) {
            List<?> mine = entities(kind);
            if (mine == null || mine != other.entities(kind)) {
                return false;
            }
        }
        return true;
    }

    /** The account id. */
    public String account() {
        return snapshot.accountId();
    }

    /** The partition ({@code aws}, ...). */
    public String partition() {
        return snapshot.metadata().partition();
    }

    /** The organization, or null. */
    public Organization organization() {
        return snapshot.organization();
    }

    /** A function by unqualified ARN, or null. */
    public LambdaFunction function(String unqualifiedArn) {
        return functions.byId.get(unqualifiedArn);
    }

    /** Functions with this name (several when in several regions). */
    public List<LambdaFunction> functionsNamed(String name) {
        return functions.allByName.getOrDefault(name, List.of());
    }

    /** A role by ARN, or null. */
    public IamRole role(String arn) {
        return roles.byId.get(arn);
    }

    /** A role by name, or null. */
    public IamRole roleNamed(String name) {
        return roles.byName.get(name);
    }

    /** A user by ARN, or null. */
    public IamUser user(String arn) {
        return users.byId.get(arn);
    }

    /** A group by name, or null. */
    public IamGroup group(String name) {
        return groups.byName.get(name);
    }

    /** A managed policy by ARN, or null. */
    public ManagedPolicy managedPolicy(String arn) {
        return managedPolicies.byId.get(arn);
    }

    /** A REST API by id, or null. */
    public RestApi restApi(String id) {
        return restApis.byId.get(id);
    }

    /** An HTTP or WebSocket API by id, or null. */
    public ApiV2 apiV2(String id) {
        return apisV2.byId.get(id);
    }

    /** Every REST API id, in snapshot order. */
    public Set<String> restApiIds() {
        return Collections.unmodifiableSet(restApis.byId.keySet());
    }

    /** Every v2 API id, in snapshot order. */
    public Set<String> apiV2Ids() {
        return Collections.unmodifiableSet(apisV2.byId.keySet());
    }

    /** Every role and user ARN, sorted. */
    public List<String> principals() {
        return principals;
    }

    /** The role and user ARNs that attach a managed policy (or use it as their boundary). */
    public List<String> attachersOf(String policyArn) {
        List<String> ofRoles = roles.naming.getOrDefault(policyArn, List.of());
        List<String> ofUsers = users.naming.getOrDefault(policyArn, List.of());
        if (ofUsers.isEmpty()) {
            return Collections.unmodifiableList(ofRoles);
        }
        List<String> out = new ArrayList<>(ofRoles);
        out.addAll(ofUsers);
        return out;
    }

    /** The ARNs of the users in a group. */
    public List<String> usersOf(String groupName) {
        return Collections.unmodifiableList(users.naming.getOrDefault("group:" + groupName, List.of()));
    }

    /** The groups that attach a managed policy. Linear in the number of groups. */
    public List<String> groupsAttaching(String policyArn) {
        List<String> out = new ArrayList<>();
        for (IamGroup g : groups.byName.values()) {
            if (g.attachedPolicyArns().contains(policyArn)) {
                out.add(g.name());
            }
        }
        Collections.sort(out);
        return out;
    }

    /** The scan gaps that concern an entity (its policy could not be read, ...). */
    public List<ScanGap> gaps(EntityKey key) {
        return gapsByEntity.getOrDefault(key, List.of());
    }

    /** Gaps that concern no single entity (a whole service or region could not be listed). */
    public List<ScanGap> globalGaps() {
        return Collections.unmodifiableList(globalGaps);
    }

    /** Whether the scan could not read the organization's policies. */
    public boolean organizationUnreadable() {
        return !gaps(EntityKey.ORGANIZATION).isEmpty();
    }

    /** A function alias by qualified ARN, or null. Linear in the function's aliases. */
    public FunctionAlias alias(LambdaFunction function, String name) {
        for (FunctionAlias a : function.aliases()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** A function version by number, or null. Linear in the function's versions. */
    public FunctionVersion version(LambdaFunction function, String version) {
        for (FunctionVersion v : function.versions()) {
            if (v.version().equals(version)) {
                return v;
            }
        }
        return null;
    }

    /**
     * The entities a gap concerns. A gap names a resource by ARN, id or name; a gap with no resource concerns a
     * whole service (Organizations: the organization key; others: no entity).
     */
    public List<EntityKey> keysOf(ScanGap gap) {
        String service = gap.service() == null ? "" : gap.service();
        String resource = gap.resource();
        List<EntityKey> keys = new ArrayList<>();
        if (service.equals("organizations")) {
            keys.add(EntityKey.ORGANIZATION);
            return keys;
        }
        if (resource == null || resource.isEmpty()) {
            return keys;
        }
        switch (service) {
            case "lambda": {
                LambdaArns.FunctionArn arn = LambdaArns.parse(resource);
                if (arn != null) {
                    keys.add(EntityKey.function(arn.unqualified()));
                } else {
                    for (LambdaFunction f : functionsNamed(resource.contains(":") ? resource.substring(0, resource.indexOf(':')) : resource)) {
                        keys.add(EntityKey.function(f.arn()));
                    }
                }
                break;
            }
            case "iam": {
                if (roles.byId.containsKey(resource) || resource.contains(":role/")) {
                    keys.add(EntityKey.role(resource));
                } else if (users.byId.containsKey(resource) || resource.contains(":user/")) {
                    keys.add(EntityKey.user(resource));
                } else if (groups.byId.containsKey(resource)) {
                    keys.add(EntityKey.group(groups.byId.get(resource).name()));
                } else if (resource.contains(":policy/")) {
                    keys.add(EntityKey.managedPolicy(resource));
                } else if (roles.byName.containsKey(resource)) {
                    keys.add(EntityKey.role(roles.byName.get(resource).arn()));
                } else if (users.byName.containsKey(resource)) {
                    keys.add(EntityKey.user(users.byName.get(resource).arn()));
                } else if (groups.byName.containsKey(resource)) {
                    keys.add(EntityKey.group(resource));
                }
                break;
            }
            case "apigateway":
            case "apigatewayv2":
            case "execute-api": {
                String id = resource;
                int slash = resource.lastIndexOf('/');
                if (resource.startsWith("arn:") && slash >= 0) {
                    String[] parts = resource.split("/");
                    for (int i = 0; i + 1 < parts.length; i++) {
                        if (parts[i].equals("restapis") || parts[i].equals("apis")) {
                            id = parts[i + 1];
                        }
                    }
                }
                if (restApis.byId.containsKey(id) || !apisV2.byId.containsKey(id)) {
                    keys.add(EntityKey.restApi(id));
                }
                if (apisV2.byId.containsKey(id)) {
                    keys.add(EntityKey.apiV2(id));
                }
                break;
            }
            default:
                break;
        }
        return keys;
    }
}
