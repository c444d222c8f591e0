package dev.iamatlas.model.graph;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A vertex of the access graph: a value keyed by its {@link #id()}. Two nodes are equal when their ids are equal,
 * whatever their other fields, so a node can be looked up by id and JGraphT keys its vertex maps by it.
 *
 * <p>Ids are stable across scans (see {@link NodeIds}): the ARN for an AWS resource (a route is its
 * {@code execute-api} ARN, an authorizer {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/authorizers/ID}), and a
 * synthetic id for callers and capabilities ({@code internet}, {@code aws:any-principal}, {@code vpce-...}).
 *
 * <p>Attributes are a small sorted map of display facts, such as {@link #STAGE}, {@link #METHOD},
 * {@link #AUTHORIZATION_TYPE} or {@link #ADMIN_EQUIVALENT}; names are the constants of this class.
 */
public final class Node {

    /** Stage of a route ({@code prod}, {@code $default}). */
    public static final String STAGE = "stage";
    /** HTTP method of a REST method or HTTP API route ({@code GET}, {@code ANY}). */
    public static final String METHOD = "method";
    /** Resource path of a REST method or HTTP API route ({@code /orders/{id}}). */
    public static final String PATH = "path";
    /** Route key of an HTTP or WebSocket API route ({@code GET /orders}, {@code $default}, {@code $connect}). */
    public static final String ROUTE_KEY = "routeKey";
    /** Authorization of a route: NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS or JWT. */
    public static final String AUTHORIZATION_TYPE = "authorizationType";
    /** Authorizer id of a route or authorizer node. */
    public static final String AUTHORIZER_ID = "authorizerId";
    /** Authorizer type (TOKEN, REQUEST, COGNITO_USER_POOLS, JWT). */
    public static final String AUTHORIZER_TYPE = "authorizerType";
    /** {@code true} when callers must send an API key. */
    public static final String API_KEY_REQUIRED = "apiKeyRequired";
    /** Endpoint type of an API: EDGE, REGIONAL or PRIVATE (v2 APIs: REGIONAL). */
    public static final String ENDPOINT_TYPE = "endpointType";
    /** API id of an API, route or authorizer. */
    public static final String API_ID = "apiId";
    /** REST, HTTP or WEBSOCKET. */
    public static final String PROTOCOL = "protocol";
    /** {@code true} when the API has a resource policy. */
    public static final String HAS_RESOURCE_POLICY = "hasResourcePolicy";
    /** {@code true} when the API's default {@code execute-api} endpoint is disabled. */
    public static final String DEFAULT_ENDPOINT_DISABLED = "defaultEndpointDisabled";
    /** Integration type of a route (AWS_PROXY, AWS, HTTP, MOCK, ...). */
    public static final String INTEGRATION_TYPE = "integrationType";
    /** Alias name or version number of a qualified function node. */
    public static final String QUALIFIER = "qualifier";
    /** Lambda runtime. */
    public static final String RUNTIME = "runtime";
    /** Function URL auth type: NONE or AWS_IAM. */
    public static final String URL_AUTH_TYPE = "authType";
    /** Capability: the service prefix ({@code dynamodb}, or {@code *} for every service). */
    public static final String SERVICE = "service";
    /** Capability: the resource pattern as written in the policy ({@code *}, {@code arn:aws:dynamodb:...}). */
    public static final String RESOURCE_PATTERN = "resourcePattern";
    /** {@code true} on a role or user with admin-equivalent access, and on the capability edges that give it. */
    public static final String ADMIN_EQUIVALENT = "adminEquivalent";
    /** Why a principal is admin-equivalent, such as {@code iam:PassRole on *}; several reasons joined by "; ". */
    public static final String ADMIN_REASONS = "adminReasons";
    /**
     * {@code true} on a role or user that may change resources' permissions on every resource of some service (a
     * "Permissions management" action such as {@code s3:PutBucketPolicy} on {@code *}) without being admin-equivalent,
     * and on the capability edges that give it.
     */
    public static final String PERMISSIONS_MANAGEMENT = "permissionsManagement";
    /** Which permissions-management actions, such as {@code s3:PutBucketPolicy on *}; joined by "; ". */
    public static final String PERMISSIONS_MANAGEMENT_REASONS = "permissionsManagementReasons";
    /** {@code true} for a service-linked role. */
    public static final String SERVICE_LINKED = "serviceLinked";
    /** IAM path of a role or user. */
    public static final String IAM_PATH = "iamPath";
    /**
     * {@code true} when the node stands for something the snapshot does not contain (a function an integration
     * names that does not exist, a principal of another account): it exists in the graph so that the edge pointing
     * at it can say why it is broken or conditional.
     */
    public static final String PLACEHOLDER = "placeholder";
    /** Why a placeholder is one: "not in this snapshot", "another account", "unresolved stage variable". */
    public static final String PLACEHOLDER_REASON = "placeholderReason";

    private final String id;
    private final NodeKind kind;
    private final String label;
    private final String arn;
    private final String account;
    private final String region;
    private final String groupId;
    private final AttributeMap attributes;

    private Node(Builder b) {
        this.id = b.id;
        this.kind = b.kind;
        this.label = b.label == null ? b.id : b.label;
        this.arn = b.arn;
        this.account = b.account;
        this.region = b.region;
        this.groupId = b.groupId;
        this.attributes = AttributeMap.of(b.attributes);
    }

    /**
     * A new builder.
     *
     * @param id the stable id (see {@link NodeIds})
     * @param kind what the node stands for
     */
    public static Builder builder(String id, NodeKind kind) {
        return new Builder(id, kind);
    }

    /** The stable id: an ARN, or a synthetic id from {@link NodeIds}. */
    public String id() {
        return id;
    }

    /** What the node stands for. */
    public NodeKind kind() {
        return kind;
    }

    /** A short label for diagrams, such as the function name or {@code GET /orders}. */
    public String label() {
        return label;
    }

    /** The ARN of the AWS resource, or null for synthetic nodes (callers, capabilities). */
    public String arn() {
        return arn;
    }

    /** The account the node belongs to, or null when none (the Internet, a service principal). */
    public String account() {
        return account;
    }

    /** The region, or null for global things (IAM) and callers. */
    public String region() {
        return region;
    }

    /** The id of the node this one folds into when its group is collapsed (a route's API), or null. */
    public String groupId() {
        return groupId;
    }

    /** Display facts, sorted by name; names are the constants of this class. Unmodifiable. */
    public SortedMap<String, String> attributes() {
        return attributes;
    }

    /** One attribute, or null when absent. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** Whether a boolean attribute is {@code "true"}. */
    public boolean flag(String name) {
        return "true".equals(attributes.get(name));
    }

    /** Whether this node stands for something the snapshot does not contain (see {@link #PLACEHOLDER}). */
    public boolean isPlaceholder() {
        return flag(PLACEHOLDER);
    }

    /** Whether every field, not only the id, equals {@code other}'s. */
    public boolean sameDefinition(Node other) {
        return this == other || other != null && id.equals(other.id) && kind == other.kind && label.equals(other.label)
                && Objects.equals(arn, other.arn) && Objects.equals(account, other.account)
                && Objects.equals(region, other.region) && Objects.equals(groupId, other.groupId)
                && attributes.sameAs(other.attributes);
    }

    /** A builder holding this node's fields, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(id, kind).label(label).arn(arn).account(account).region(region).groupId(groupId);
        b.attributes.putAll(attributes);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node && ((Node) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }

    /** Builds a {@link Node}. */
    public static final class Builder {
        private final String id;
        private final NodeKind kind;
        private String label;
        private String arn;
        private String account;
        private String region;
        private String groupId;
        private final Map<String, String> attributes = new TreeMap<>();

        private Builder(String id, NodeKind kind) {
            this.id = Objects.requireNonNull(id, "id");
            this.kind = Objects.requireNonNull(kind, "kind");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("node id must not be empty");
            }
        }

        public Builder label(String value) {
            this.label = value;
            return this;
        }

        public Builder arn(String value) {
            this.arn = value;
            return this;
        }

        public Builder account(String value) {
            this.account = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder groupId(String value) {
            this.groupId = value;
            return this;
        }

        /** Sets an attribute; a null value removes it. */
        public Builder attribute(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            return this;
        }

        /** Sets a boolean attribute: {@code "true"}, or removes it when false (absent means false). */
        public Builder flag(String name, boolean value) {
            return attribute(name, value ? "true" : null);
        }

        public Node build() {
            return new Node(this);
        }
    }
}
