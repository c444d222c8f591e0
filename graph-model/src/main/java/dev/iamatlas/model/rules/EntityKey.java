package dev.iamatlas.model.rules;

import java.util.Objects;

/**
 * Names one entity of a snapshot that a rule unit read, so that an edit to that entity re-runs exactly the units
 * that depend on it. Ids are ARNs, except for API ids, group names and the singleton kinds.
 *
 * @param kind what sort of entity
 * @param id which one
 */
public record EntityKey(Kind kind, String id) {

    /** What sort of entity a key names. */
    public enum Kind {
        /** A Lambda function with its versions, aliases, URLs and their policies; id: the unqualified ARN. */
        FUNCTION,
        /** An IAM role (trust policy, inline and attached policies, boundary, tags); id: its ARN. */
        ROLE,
        /** An IAM user (groups, policies, boundary, tags); id: its ARN. */
        USER,
        /** An IAM group; id: its name (users name their groups). */
        GROUP,
        /** A managed policy and its versions; id: its ARN. */
        MANAGED_POLICY,
        /** A REST API; id: the API id. */
        REST_API,
        /** An HTTP or WebSocket API; id: the API id. */
        API_V2,
        /** The organization's SCPs and RCPs; id: {@code org}. */
        ORGANIZATION,
        /**
         * Derived: the principals whose identity policies can allow {@code sts:AssumeRole} on some roles. Read by
         * units that consider every such principal, one part each (roles that trust their own account); when such a
         * principal joins, leaves or changes, the engine re-runs its part in every reading unit. Id: {@code assumers}.
         */
        ASSUMERS
    }

    /** Subject kinds of rules and detectors with a unit per API (REST and v2). */
    public static final java.util.Set<Kind> API_LISTS = java.util.Set.of(Kind.REST_API, Kind.API_V2);
    /** Subject kinds of rules and detectors with a unit per function. */
    public static final java.util.Set<Kind> FUNCTION_LIST = java.util.Set.of(Kind.FUNCTION);
    /** Subject kinds of rules and detectors with a unit per role. */
    public static final java.util.Set<Kind> ROLE_LIST = java.util.Set.of(Kind.ROLE);

    /** The organization key. */
    public static final EntityKey ORGANIZATION = new EntityKey(Kind.ORGANIZATION, "org");
    /** The derived key of principals able to call sts:AssumeRole. */
    public static final EntityKey ASSUMERS = new EntityKey(Kind.ASSUMERS, "assumers");

    public EntityKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static EntityKey function(String unqualifiedArn) {
        return new EntityKey(Kind.FUNCTION, unqualifiedArn);
    }

    public static EntityKey role(String arn) {
        return new EntityKey(Kind.ROLE, arn);
    }

    public static EntityKey user(String arn) {
        return new EntityKey(Kind.USER, arn);
    }

    public static EntityKey group(String name) {
        return new EntityKey(Kind.GROUP, name);
    }

    public static EntityKey managedPolicy(String arn) {
        return new EntityKey(Kind.MANAGED_POLICY, arn);
    }

    public static EntityKey restApi(String id) {
        return new EntityKey(Kind.REST_API, id);
    }

    public static EntityKey apiV2(String id) {
        return new EntityKey(Kind.API_V2, id);
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
