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
 * linear in the size of the snapshot; every lookup is constant time.
 */
public final class SnapshotIndex {
    private final AccountSnapshot snapshot;
    private final Map<String, LambdaFunction> functions = new HashMap<>();
    private final Map<String, List<LambdaFunction>> functionsByName = new HashMap<>();
    private final Map<String, IamRole> roles = new HashMap<>();
    private final Map<String, IamRole> rolesByName = new HashMap<>();
    private final Map<String, IamUser> users = new HashMap<>();
    private final Map<String, IamUser> usersByName = new HashMap<>();
    private final Map<String, IamGroup> groupsByName = new HashMap<>();
    private final Map<String, IamGroup> groupsByArn = new HashMap<>();
    private final Map<String, ManagedPolicy> managedPolicies = new HashMap<>();
    private final Map<String, RestApi> restApis = new LinkedHashMap<>();
    private final Map<String, ApiV2> apisV2 = new LinkedHashMap<>();
    private final Map<String, List<String>> attachersOfPolicy = new HashMap<>();
    private final Map<String, List<String>> usersOfGroup = new HashMap<>();
    private final Map<EntityKey, List<ScanGap>> gapsByEntity = new HashMap<>();
    private final List<ScanGap> globalGaps = new ArrayList<>();
    private final List<String> principals;
    private final List<String> duplicates = new ArrayList<>();

    /** Indexes {@code snapshot}. Linear in its size. */
    public SnapshotIndex(AccountSnapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        for (LambdaFunction f : snapshot.functions()) {
            duplicate("function", f.arn(), functions.put(f.arn(), f));
            functionsByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
        }
        for (IamRole r : snapshot.iam().roles()) {
            duplicate("role", r.arn(), roles.put(r.arn(), r));
            rolesByName.put(r.name(), r);
            for (String p : r.attachedPolicyArns()) {
                attachersOfPolicy.computeIfAbsent(p, k -> new ArrayList<>()).add(r.arn());
            }
            if (r.permissionsBoundaryArn() != null) {
                attachersOfPolicy.computeIfAbsent(r.permissionsBoundaryArn(), k -> new ArrayList<>()).add(r.arn());
            }
        }
        for (IamUser u : snapshot.iam().users()) {
            duplicate("user", u.arn(), users.put(u.arn(), u));
            usersByName.put(u.name(), u);
            for (String p : u.attachedPolicyArns()) {
                attachersOfPolicy.computeIfAbsent(p, k -> new ArrayList<>()).add(u.arn());
            }
            if (u.permissionsBoundaryArn() != null) {
                attachersOfPolicy.computeIfAbsent(u.permissionsBoundaryArn(), k -> new ArrayList<>()).add(u.arn());
            }
            for (String g : u.groups()) {
                usersOfGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(u.arn());
            }
        }
        for (IamGroup g : snapshot.iam().groups()) {
            groupsByName.put(g.name(), g);
            duplicate("group", g.arn(), groupsByArn.put(g.arn(), g));
        }
        for (ManagedPolicy p : snapshot.iam().managedPolicies()) {
            duplicate("managed policy", p.arn(), managedPolicies.put(p.arn(), p));
        }
        for (RestApi api : snapshot.restApis()) {
            duplicate("REST API", api.id(), restApis.put(api.id(), api));
        }
        for (ApiV2 api : snapshot.apisV2()) {
            duplicate("API", api.apiId(), apisV2.put(api.apiId(), api));
        }
        List<String> all = new ArrayList<>(roles.keySet());
        all.addAll(users.keySet());
        Collections.sort(all);
        this.principals = Collections.unmodifiableList(all);
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

    private void duplicate(String kind, String id, Object earlier) {
        if (earlier != null) {
            duplicates.add("the snapshot lists " + kind + " " + id + " more than once; the last one is analysed");
        }
    }

    /** Entities the snapshot lists more than once (IAM and AWS ids are unique, so the snapshot is inconsistent). */
    public List<String> duplicates() {
        return Collections.unmodifiableList(duplicates);
    }

    /** The indexed snapshot. */
    public AccountSnapshot snapshot() {
        return snapshot;
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
        return functions.get(unqualifiedArn);
    }

    /** Functions with this name (several when in several regions). */
    public List<LambdaFunction> functionsNamed(String name) {
        return functionsByName.getOrDefault(name, List.of());
    }

    /** A role by ARN, or null. */
    public IamRole role(String arn) {
        return roles.get(arn);
    }

    /** A role by name, or null. */
    public IamRole roleNamed(String name) {
        return rolesByName.get(name);
    }

    /** A user by ARN, or null. */
    public IamUser user(String arn) {
        return users.get(arn);
    }

    /** A group by name, or null. */
    public IamGroup group(String name) {
        return groupsByName.get(name);
    }

    /** A managed policy by ARN, or null. */
    public ManagedPolicy managedPolicy(String arn) {
        return managedPolicies.get(arn);
    }

    /** A REST API by id, or null. */
    public RestApi restApi(String id) {
        return restApis.get(id);
    }

    /** An HTTP or WebSocket API by id, or null. */
    public ApiV2 apiV2(String id) {
        return apisV2.get(id);
    }

    /** Every REST API id, in snapshot order. */
    public Set<String> restApiIds() {
        return Collections.unmodifiableSet(restApis.keySet());
    }

    /** Every v2 API id, in snapshot order. */
    public Set<String> apiV2Ids() {
        return Collections.unmodifiableSet(apisV2.keySet());
    }

    /** Every role and user ARN, sorted. */
    public List<String> principals() {
        return principals;
    }

    /** The role and user ARNs that attach a managed policy (or use it as their boundary). */
    public List<String> attachersOf(String policyArn) {
        return attachersOfPolicy.getOrDefault(policyArn, List.of());
    }

    /** The ARNs of the users in a group. */
    public List<String> usersOf(String groupName) {
        return usersOfGroup.getOrDefault(groupName, List.of());
    }

    /** The groups that attach a managed policy. Linear in the number of groups. */
    public List<String> groupsAttaching(String policyArn) {
        List<String> out = new ArrayList<>();
        for (IamGroup g : groupsByName.values()) {
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
                if (roles.containsKey(resource) || resource.contains(":role/")) {
                    keys.add(EntityKey.role(resource));
                } else if (users.containsKey(resource) || resource.contains(":user/")) {
                    keys.add(EntityKey.user(resource));
                } else if (groupsByArn.containsKey(resource)) {
                    keys.add(EntityKey.group(groupsByArn.get(resource).name()));
                } else if (resource.contains(":policy/")) {
                    keys.add(EntityKey.managedPolicy(resource));
                } else if (rolesByName.containsKey(resource)) {
                    keys.add(EntityKey.role(rolesByName.get(resource).arn()));
                } else if (usersByName.containsKey(resource)) {
                    keys.add(EntityKey.user(usersByName.get(resource).arn()));
                } else if (groupsByName.containsKey(resource)) {
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
                if (restApis.containsKey(id) || !apisV2.containsKey(id)) {
                    keys.add(EntityKey.restApi(id));
                }
                if (apisV2.containsKey(id)) {
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
