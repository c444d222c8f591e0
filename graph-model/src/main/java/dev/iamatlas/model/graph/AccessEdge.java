package dev.iamatlas.model.graph;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * An edge of the access graph: one link between two nodes, with its {@link EdgeType type}, {@link EdgeStatus
 * status}, a short label for diagrams, a long explanation for people and the {@link EdgeEvidence evidence} that
 * decided it.
 *
 * <p>Edges are identity objects: two edges between the same nodes are distinct objects even when every field
 * matches (JGraphT needs that for a multigraph), so this is a class, not a record. Each edge also has a stable
 * {@link #id()}, unique within a graph and the same across builds of the same snapshot, which is how reports, the
 * diagram and diffs refer to it; {@link #sameAs} compares content.
 *
 * <p>The evidence and the explanation are computed on first use and then kept: building the graph evaluates
 * requests on the evaluator's fast path and builds no evidence strings; asking an edge why is what runs the
 * explaining evaluation. Both are deterministic. An edge that an edit leaves unchanged (same {@link #sameAs
 * content}) stays in the graph as the same object and is explained as of the latest analysis: its evidence may cite
 * other statements than before. Thread-safe for reading; only the engine changes an edge, while nobody reads the
 * graph.
 */
public final class AccessEdge {

    /** Edge attribute: the stage a route edge belongs to. */
    public static final String STAGE = "stage";
    /** Edge attribute: the integration's or authorizer's qualified function ARN, as configured. */
    public static final String FUNCTION_ARN = "functionArn";
    /** Edge attribute: the {@code aws:SourceArn} API Gateway sends for this link. */
    public static final String SOURCE_ARN = "sourceArn";
    /** Edge attribute: the credentials role of an integration. */
    public static final String CREDENTIALS_ROLE = "credentialsRole";
    /** Edge attribute: capability actions, comma-separated ({@code GetItem, Query}). */
    public static final String ACTIONS = "actions";
    /** Edge attribute: the highest access level among a capability's actions. */
    public static final String ACCESS_LEVEL = "accessLevel";
    /** Edge attribute: {@code true} when a capability edge gives admin-equivalent access. */
    public static final String ADMIN_EQUIVALENT = Node.ADMIN_EQUIVALENT;
    /** Edge attribute: {@code true} when a capability edge gives permissions management on every resource. */
    public static final String PERMISSIONS_MANAGEMENT = Node.PERMISSIONS_MANAGEMENT;
    /** Edge attribute: traffic weight of an alias's additional version. */
    public static final String WEIGHT = "weight";
    /** Edge attribute: the resource-policy statement ids (Sids) that a link relies on, comma-separated. */
    public static final String STATEMENT_IDS = "statementIds";
    /** Edge attribute: HTTP methods allowed for an {@code ANY} route when only some are. */
    public static final String ALLOWED_METHODS = "allowedMethods";
    /** Edge attribute: HTTP methods denied for an {@code ANY} route when only some are. */
    public static final String DENIED_METHODS = "deniedMethods";
    /**
     * Edge attribute: for an edge from a stand-in caller (any principal of an account, any AWS principal), what the
     * resource side alone decided — ALLOWED means the resource policy lets any such caller in, and only the caller's
     * own policies (which the snapshot cannot see) stand between.
     */
    public static final String RESOURCE_SIDE = "resourceSide";
    /**
     * Edge attribute: for an edge that is not ALLOWED, the evaluator's reason for the request that decided it
     * (a {@code DecisionReason} name such as {@code EXPLICIT_DENY} or {@code NO_ALLOWING_STATEMENT}).
     */
    public static final String DECISION_REASON = "decisionReason";
    /** Edge attribute: why an edge is broken in a way no policy shows ("function not found", "unresolved stage variable"). */
    public static final String BROKEN_BECAUSE = "brokenBecause";

    /** The explicit id, or null until {@link #id()} first builds the default one. */
    private String id;
    private final boolean explicitId;
    private final String discriminator;
    private final EdgeType type;
    private final EdgeStatus status;
    private final String sourceId;
    private final String targetId;
    private final String label;
    private final AttributeMap attributes;
    private final boolean derived;
    /** How the evidence and explanation are worked out; replaced when the edge is kept across an edit. */
    private volatile Why why;

    private AccessEdge(Builder b) {
        this.type = b.type;
        this.status = Objects.requireNonNull(b.status, "status");
        this.sourceId = b.sourceId;
        this.targetId = b.targetId;
        // The default id is built when first asked for: an edit re-emits every edge of each unit it re-runs, and most
        // of them turn out the same as before (compared by their parts, see sameKey) and are dropped unasked.
        this.id = b.id;
        this.explicitId = b.id != null;
        // empty is no discriminator, as in defaultId, so that sameKey agrees with comparing ids
        this.discriminator = b.discriminator == null || b.discriminator.isEmpty() ? null : b.discriminator;
        this.label = b.label == null ? b.type.verb() : b.label;
        this.attributes = b.attributes == null ? b.shared != null ? b.shared : AttributeMap.EMPTY
                : AttributeMap.of(b.attributes);
        this.derived = b.derived;
        this.why = new Why(label, b.evidence, b.explanation, b.explanationFromEvidence, b.evidenceValue,
                b.explanationValue);
    }

    /**
     * The sources of an edge's evidence and explanation, and both once computed. Immutable but for the two
     * memoized results, so that a {@link #explanationNow() supplier} taken from an edge keeps answering for the
     * analysis it was taken in.
     */
    private static final class Why {
        private final String label;
        private final Supplier<EdgeEvidence> evidenceSource;
        private final Supplier<String> explanationSource;
        private final java.util.function.Function<EdgeEvidence, String> explanationFromEvidence;
        private volatile EdgeEvidence evidence;
        private volatile String explanation;

        Why(String label, Supplier<EdgeEvidence> evidenceSource, Supplier<String> explanationSource,
                java.util.function.Function<EdgeEvidence, String> explanationFromEvidence, EdgeEvidence evidence,
                String explanation) {
            this.label = label;
            this.evidenceSource = evidenceSource;
            this.explanationSource = explanationSource;
            this.explanationFromEvidence = explanationFromEvidence;
            this.evidence = evidence;
            this.explanation = explanation;
        }

        String explanation() {
            String e = explanation;
            if (e == null) {
                e = explanationFromEvidence != null ? explanationFromEvidence.apply(evidence())
                        : explanationSource == null ? label : explanationSource.get();
                explanation = e;
            }
            return e;
        }

        EdgeEvidence evidence() {
            EdgeEvidence e = evidence;
            if (e == null) {
                e = evidenceSource == null ? EdgeEvidence.NONE : evidenceSource.get();
                evidence = e;
            }
            return e;
        }
    }

    /** An immutable attribute map to give many edges through {@link Builder#attributes(SortedMap)}. */
    public static SortedMap<String, String> sharedAttributes(Map<String, String> values) {
        return AttributeMap.of(values);
    }

    /** The id an edge gets when none is given: {@code TYPE source -> target}, plus {@code #discriminator}. */
    public static String defaultId(EdgeType type, String sourceId, String targetId, String discriminator) {
        String base = type.name() + " " + sourceId + " -> " + targetId;
        return discriminator == null || discriminator.isEmpty() ? base : base + " #" + discriminator;
    }

    /**
     * A new builder.
     *
     * @param type the kind of link
     * @param sourceId the id of the node the edge starts at
     * @param targetId the id of the node it points to
     */
    public static Builder builder(EdgeType type, String sourceId, String targetId) {
        return new Builder(type, sourceId, targetId);
    }

    /** The stable id, unique within a graph. */
    public String id() {
        String i = id;
        if (i == null) {
            // racy but harmless: every thread builds the same immutable string
            i = defaultId(type, sourceId, targetId, discriminator);
            id = i;
        }
        return i;
    }

    /**
     * Whether the two edges have the same {@link #id()}, without building default ids: edges with default ids compare
     * their type, ends and discriminator.
     */
    public boolean sameKey(AccessEdge other) {
        if (explicitId || other.explicitId) {
            return id().equals(other.id());
        }
        return type == other.type && sourceId.equals(other.sourceId) && targetId.equals(other.targetId)
                && Objects.equals(discriminator, other.discriminator);
    }

    /** The kind of link. */
    public EdgeType type() {
        return type;
    }

    /** Whether the link works. */
    public EdgeStatus status() {
        return status;
    }

    /** The id of the node the edge starts at. */
    public String sourceId() {
        return sourceId;
    }

    /** The id of the node the edge points to. */
    public String targetId() {
        return targetId;
    }

    /** The short label drawn on the arrow, such as "invokes" or "GetItem, Query". */
    public String label() {
        return label;
    }

    /** Display facts, sorted; names are the constants of this class. Unmodifiable. */
    public SortedMap<String, String> attributes() {
        return attributes;
    }

    /** One attribute, or null. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /**
     * True for an edge a query worked out on demand (for example "role X can invoke function F" from a capability
     * on {@code *}) rather than one stored in the graph.
     */
    public boolean derived() {
        return derived;
    }

    /**
     * The long explanation, one or two sentences, such as "API Gateway may invoke orders:live for GET /orders in
     * stage prod: statement apigw-prod of the alias's resource policy allows apigateway.amazonaws.com when
     * aws:SourceArn matches arn:aws:execute-api:...". Computed on first use.
     */
    public String explanation() {
        return why.explanation();
    }

    /** The evidence: requests evaluated and notes. Computed on first use (runs the explaining evaluation). */
    public EdgeEvidence evidence() {
        return why.evidence();
    }

    /**
     * The explanation as the edge stands now, computed when first asked for. An edge that an edit leaves unchanged
     * stays in the graph and takes the explanation of the new analysis (see {@link #adopt}); this supplier keeps
     * giving the one of the analysis it was taken in.
     */
    public Supplier<String> explanationNow() {
        Why w = why;
        return w::explanation;
    }

    /**
     * Takes the evidence and explanation of {@code newer}, an edge of a later analysis that is {@link #sameAs} this
     * one: the graph keeps this object (and its place among its nodes' edges) and explains it as of the later
     * analysis. Only the analysis engine calls this, through {@link GraphWriter}, once it has compared the two.
     */
    void adopt(AccessEdge newer) {
        assert sameAs(newer) : "edge " + newer + " differs from " + this;
        this.why = newer.why;
    }

    /**
     * Whether {@code other} has the same id, type, status, endpoints, label and attributes (evidence and
     * explanation are not compared: they follow from the rest).
     */
    public boolean sameAs(AccessEdge other) {
        return other != null && sameKey(other) && type == other.type && status == other.status
                && sourceId.equals(other.sourceId) && targetId.equals(other.targetId) && label.equals(other.label)
                && attributes.sameAs(other.attributes) && derived == other.derived;
    }

    @Override
    public String toString() {
        return id() + " [" + status + "]";
    }

    /** Builds an {@link AccessEdge}. Not thread-safe. */
    public static final class Builder {
        private final EdgeType type;
        private final String sourceId;
        private final String targetId;
        private String id;
        private String discriminator;
        private EdgeStatus status;
        private String label;
        /** Attributes set one by one (made when the first is set). */
        private Map<String, String> attributes;
        /** Attributes given as a whole, shared with other edges. */
        private AttributeMap shared;
        private boolean derived;
        private Supplier<EdgeEvidence> evidence;
        private Supplier<String> explanation;
        private java.util.function.Function<EdgeEvidence, String> explanationFromEvidence;
        private EdgeEvidence evidenceValue;
        private String explanationValue;

        private Builder(EdgeType type, String sourceId, String targetId) {
            this.type = Objects.requireNonNull(type, "type");
            this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
            this.targetId = Objects.requireNonNull(targetId, "targetId");
        }

        /** Sets the id explicitly (default: {@link AccessEdge#defaultId}). */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** Distinguishes this edge from others of the same type between the same nodes (appended to the id). */
        public Builder discriminator(String value) {
            this.discriminator = value;
            return this;
        }

        public Builder status(EdgeStatus value) {
            this.status = value;
            return this;
        }

        /** The short label (default: the type's verb). */
        public Builder label(String value) {
            this.label = value;
            return this;
        }

        /** Sets an attribute; null removes it. */
        public Builder attribute(String name, String value) {
            if (attributes == null) {
                attributes = new TreeMap<>(shared == null ? Map.of() : shared);
                shared = null;
            }
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            return this;
        }

        /**
         * Sets every attribute at once from a map made by {@link AccessEdge#sharedAttributes}: edges that carry the
         * same attributes (a capability's, for every principal that has it) then hold one map, and compare by
         * reference.
         */
        public Builder attributes(SortedMap<String, String> values) {
            if (values instanceof AttributeMap a && attributes == null) {
                shared = a;
            } else {
                attributes = new TreeMap<>(values);
                shared = null;
            }
            return this;
        }

        /** Marks the edge as worked out by a query (see {@link AccessEdge#derived()}). */
        public Builder derived(boolean value) {
            this.derived = value;
            return this;
        }

        /** The evidence, computed on first use; the supplier must be deterministic and thread-safe. */
        public Builder evidence(Supplier<EdgeEvidence> source) {
            this.evidence = source;
            return this;
        }

        /** The evidence, already known. */
        public Builder evidenceValue(EdgeEvidence value) {
            this.evidenceValue = value;
            return this;
        }

        /** The long explanation, computed on first use. */
        public Builder explanation(Supplier<String> source) {
            this.explanation = source;
            return this;
        }

        /** The long explanation, computed on first use from the edge's evidence. */
        public Builder explanationFrom(java.util.function.Function<EdgeEvidence, String> source) {
            this.explanationFromEvidence = source;
            return this;
        }

        /** The long explanation, already known. */
        public Builder explanationValue(String value) {
            this.explanationValue = value;
            return this;
        }

        public AccessEdge build() {
            return new AccessEdge(this);
        }
    }
}
