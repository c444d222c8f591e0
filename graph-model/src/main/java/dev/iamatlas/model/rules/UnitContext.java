package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.ScanGap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule unit sees and where it puts its results. Every snapshot lookup records the entity it read (so an
 * edit re-runs exactly the units that read what changed); nodes and edges emitted go to the current part. One
 * context serves one unit computation on one thread.
 */
public final class UnitContext {
    /** The key of the part that holds everything not inside {@link #inPart}. */
    public static final String MAIN = "";

    private final AnalysisRun run;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private Part current;

    UnitContext(AnalysisRun run) {
        this.run = run;
        this.current = part(MAIN);
    }

    /** What one part of a unit read and emitted. */
    static final class Part {
        Set<EntityKey> reads = new LinkedHashSet<>();
        List<Node> owned = new ArrayList<>();
        List<Node> references = new ArrayList<>();
        List<AccessEdge> edges = new ArrayList<>();

        boolean isEmpty() {
            return reads.isEmpty() && owned.isEmpty() && references.isEmpty() && edges.isEmpty();
        }

        /** Replaces the growable collections by compact immutable copies, once the part is in the graph. */
        void freeze() {
            reads = Set.copyOf(reads);
            owned = List.copyOf(owned);
            references = List.copyOf(references);
            edges = List.copyOf(edges);
        }
    }

    private Part part(String key) {
        return parts.computeIfAbsent(key, k -> new Part());
    }

    Map<String, Part> parts() {
        return parts;
    }

    /** Runs {@code body} with reads and emissions going to the part {@code key}. Parts do not nest. */
    public void inPart(String key, Runnable body) {
        Part saved = current;
        current = part(key);
        try {
            body.run();
        } finally {
            current = saved;
        }
    }

    /** The analysis run (index, services, organization policies). Lookups through it are not recorded. */
    public AnalysisRun run() {
        return run;
    }

    /** The account id. */
    public String account() {
        return run.index().account();
    }

    /** The partition. */
    public String partition() {
        return run.index().partition();
    }

    /** Records that the unit depends on {@code key}. */
    public void read(EntityKey key) {
        current.reads.add(key);
    }

    /** A function by unqualified ARN, or null; recorded. */
    public LambdaFunction function(String unqualifiedArn) {
        read(EntityKey.function(unqualifiedArn));
        return run.index().function(unqualifiedArn);
    }

    /** A role by ARN, or null; recorded. */
    public IamRole role(String arn) {
        read(EntityKey.role(arn));
        return run.index().role(arn);
    }

    /** A user by ARN, or null; recorded. */
    public IamUser user(String arn) {
        read(EntityKey.user(arn));
        return run.index().user(arn);
    }

    /** A group by name, or null; recorded. */
    public IamGroup group(String name) {
        read(EntityKey.group(name));
        return run.index().group(name);
    }

    /** A REST API by id, or null; recorded. */
    public RestApi restApi(String id) {
        read(EntityKey.restApi(id));
        return run.index().restApi(id);
    }

    /** A v2 API by id, or null; recorded. */
    public ApiV2 apiV2(String id) {
        read(EntityKey.apiV2(id));
        return run.index().apiV2(id);
    }

    /** The identity side of a role or user of the account, or null; its inputs are recorded. */
    public Identity identity(String principalArn) {
        Identity identity = run.identity(principalArn);
        if (identity == null) {
            read(EntityKey.role(principalArn));
            read(EntityKey.user(principalArn));
            return null;
        }
        current.reads.addAll(identity.reads());
        return identity;
    }

    /** SCP levels for this account's principals; recorded. */
    public List<List<PolicySource>> scps() {
        read(EntityKey.ORGANIZATION);
        return run.scps();
    }

    /** RCP levels for this account's resources and {@code action}; recorded. */
    public List<List<PolicySource>> rcpsFor(String action) {
        read(EntityKey.ORGANIZATION);
        return run.rcpsFor(action);
    }

    /** Notes about the organization (unreadable, management account); recorded. */
    public List<String> organizationNotes() {
        read(EntityKey.ORGANIZATION);
        return run.organizationNotes();
    }

    /**
     * The principals of the account whose identity policies may allow {@code sts:AssumeRole} on this role (and not
     * on every role); recorded as {@link EntityKey#ASSUMERS}.
     */
    public List<String> assumersOf(String roleArn) {
        read(EntityKey.ASSUMERS);
        return run.assumersOf(roleArn);
    }

    /** The gaps about an entity, as uncertainty notes; the entity is recorded. */
    public List<String> gapNotes(EntityKey key) {
        read(key);
        List<String> notes = new ArrayList<>();
        for (ScanGap gap : run.index().gaps(key)) {
            notes.add("the scan could not read everything about " + key.id() + " (" + gap.describe() + ")");
        }
        return notes;
    }

    /** A labelled, parsed policy (parsed once per distinct text). */
    public PolicySource source(String label, PolicyType type, String owner, PolicyText text) {
        return run.source(label, type, owner, text);
    }

    /** Emits a node this unit is the authority for (built from the entity's own data). */
    public void node(Node node) {
        current.owned.add(node);
    }

    /**
     * Emits a node this unit only points at; the authority's definition wins when there is one, and this one
     * stands in when the snapshot has no such entity.
     */
    public void reference(Node node) {
        current.references.add(node);
    }

    /** Emits an edge; both endpoints must be emitted by the same part (as node or reference). */
    public void edge(AccessEdge edge) {
        current.edges.add(edge);
    }
}
