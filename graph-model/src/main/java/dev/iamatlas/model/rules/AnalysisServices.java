package dev.iamatlas.model.rules;

import dev.iamatlas.model.catalogue.ActionCatalogue;
import java.util.Objects;

/**
 * What rule units share across snapshots of one analysis session: the policy library (each distinct text parsed
 * once), the IAM action catalogue and the cache of effective permissions per distinct policy set. Thread-safe.
 */
public final class AnalysisServices {
    private final PolicyLibrary policies;
    private final ActionCatalogue catalogue;
    private final CapabilityAnalyzer capabilities;

    /** Services over the bundled action catalogue. */
    public AnalysisServices() {
        this(ActionCatalogue.bundled());
    }

    /** Services over the given action catalogue. */
    public AnalysisServices(ActionCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.policies = new PolicyLibrary();
        this.capabilities = new CapabilityAnalyzer(catalogue);
    }

    /** The policy library. */
    public PolicyLibrary policies() {
        return policies;
    }

    /** The IAM action catalogue. */
    public ActionCatalogue catalogue() {
        return catalogue;
    }

    /** Effective permissions, cached per distinct policy set. */
    public CapabilityAnalyzer capabilities() {
        return capabilities;
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> serviceLinked =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether a role ARN names a service-linked role, as the evaluator reads it (SCPs and RCPs do not restrict one);
     * worked out once per ARN.
     */
    boolean serviceLinkedRole(String roleArn) {
        Boolean known = serviceLinked.get(roleArn);
        if (known == null) {
            known = dev.iamatlas.model.evaluation.RequestPrincipal.parse(roleArn).isServiceLinkedRole();
            serviceLinked.put(roleArn, known);
        }
        return known;
    }

    /** A principal's node and what it was made from ({@code reasons}: what its capabilities made of it). */
    private record PrincipalNode(Object entity, String account, String reasons, dev.iamatlas.model.graph.Node node) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, PrincipalNode> principalNodes =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A role's or user's node, made again only when the entity object, account or {@code reasons} (admin-equivalence,
     * permissions management) changed: an
     * edit re-runs the capabilities of every principal it touches, and a node that is the same object as before
     * compares equal at once.
     */
    dev.iamatlas.model.graph.Node principalNode(String arn, Object entity, String account, String reasons,
            java.util.function.Supplier<dev.iamatlas.model.graph.Node> make) {
        PrincipalNode known = principalNodes.get(arn);
        if (known != null && known.entity() == entity && known.account().equals(account)
                && known.reasons().equals(reasons)) {
            return known.node();
        }
        dev.iamatlas.model.graph.Node node = make.get();
        principalNodes.put(arn, new PrincipalNode(entity, account, reasons, node));
        return node;
    }

    /** An entity's inline policies as sources, and the entity object they were made from. */
    private record InlineSources(Object owner, java.util.List<PolicySource> sources) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, InlineSources> inline =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The inline policies of a role, user or group as labelled sources, made once per entity object: an edit replaces
     * the objects of the entities it changes and shares the others, so a principal analysed again because a managed
     * policy it attaches changed reuses the sources of its own policies. One entry per entity ARN.
     *
     * @param arn the entity's ARN
     * @param owner the entity object (a record from the snapshot)
     * @param make makes the sources when the entity is new or changed
     */
    java.util.List<PolicySource> inlineSources(String arn, Object owner,
            java.util.function.Supplier<java.util.List<PolicySource>> make) {
        InlineSources memo = inline.get(arn);
        if (memo != null && memo.owner() == owner) {
            return memo.sources();
        }
        java.util.List<PolicySource> made = java.util.List.copyOf(make.get());
        inline.put(arn, new InlineSources(owner, made));
        return made;
    }
}
