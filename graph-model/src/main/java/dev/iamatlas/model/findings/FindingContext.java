package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.rules.AnalysisRun;
import dev.iamatlas.model.rules.EntityKey;
import dev.iamatlas.model.rules.ParsedPolicy;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a detector sees: the access graph and the snapshot. Every node and entity it looks at is recorded — a
 * node's definition and a node's edges separately, so that a hub such as the Internet, whose edges change with
 * almost every edit, dirties only the detectors that walked its edges — and after an edit only the detectors that
 * looked at something that changed run again. One context serves one
 * detector unit on one thread.
 */
public final class FindingContext {
    private final AccessGraph graph;
    private final AnalysisRun run;
    private final Set<String> nodeReads = new HashSet<>();
    private final Set<String> adjacencyReads = new HashSet<>();
    private final Set<EntityKey> entityReads = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();

    FindingContext(AccessGraph graph, AnalysisRun run) {
        this.graph = graph;
        this.run = run;
    }

    Set<String> nodeReads() {
        return nodeReads;
    }

    Set<String> adjacencyReads() {
        return adjacencyReads;
    }

    Set<EntityKey> entityReads() {
        return entityReads;
    }

    List<Finding> findings() {
        return findings;
    }

    /** Reports a finding. */
    public void report(Finding finding) {
        findings.add(finding);
    }

    /** The analysed account. */
    public String account() {
        return run.index().account();
    }

    /** The partition. */
    public String partition() {
        return run.index().partition();
    }

    /** The analysis run (policy parsing, organization); not recorded. */
    public AnalysisRun run() {
        return run;
    }

    /** A node; recorded. */
    public Optional<Node> node(String id) {
        nodeReads.add(id);
        return graph.node(id);
    }

    /**
     * Edges entering a node, sorted by id; recorded. Sorted so that what a detector reports does not depend on the
     * order the edges were put into the graph (a full build and an incremental update put them in different orders).
     * Linear-logarithmic in the node's degree.
     */
    public List<AccessEdge> incoming(String id) {
        adjacencyReads.add(id);
        return sorted(graph.incoming(id));
    }

    /** Edges leaving a node, sorted by id; recorded. See {@link #incoming}. */
    public List<AccessEdge> outgoing(String id) {
        adjacencyReads.add(id);
        return sorted(graph.outgoing(id));
    }

    private static List<AccessEdge> sorted(Set<AccessEdge> edges) {
        if (edges.isEmpty()) {
            return List.of();
        }
        AccessEdge[] out = edges.toArray(new AccessEdge[0]);
        Arrays.sort(out, BY_ID);
        return Arrays.asList(out);
    }

    private static final Comparator<AccessEdge> BY_ID = Comparator.comparing(AccessEdge::id);

    /** A function; recorded. */
    public LambdaFunction function(String arn) {
        entityReads.add(EntityKey.function(arn));
        return run.index().function(arn);
    }

    /** A role; recorded. */
    public IamRole role(String arn) {
        entityReads.add(EntityKey.role(arn));
        return run.index().role(arn);
    }

    /** A REST API; recorded. */
    public RestApi restApi(String id) {
        entityReads.add(EntityKey.restApi(id));
        return run.index().restApi(id);
    }

    /** A v2 API; recorded. */
    public ApiV2 apiV2(String id) {
        entityReads.add(EntityKey.apiV2(id));
        return run.index().apiV2(id);
    }

    /** A policy text, parsed once. */
    public ParsedPolicy parse(PolicyText text) {
        return run.services().policies().parse(text);
    }
}
