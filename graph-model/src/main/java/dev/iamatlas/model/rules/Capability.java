package dev.iamatlas.model.rules;

import dev.iamatlas.model.catalogue.AccessLevel;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import java.util.List;
import java.util.Objects;

/**
 * What a principal can do with one service on one resource pattern, after boundaries, SCPs and explicit denies.
 * Immutable and shared: the principals whose deciding statements are the same share one instance (see
 * {@link CapabilityAnalyzer}), so what is drawn from it (its node, labels, action list) is worked out once and the
 * same strings are reused by every edge.
 *
 * <p>Not a record only so that it can keep those derived values; two capabilities with the same components are
 * equal.
 */
public final class Capability {

    /** The most actions listed by name. */
    public static final int MAX_LISTED = 200;

    private final String service;
    private final String resource;
    private final EdgeStatus status;
    private final List<String> actions;
    private final int actionCount;
    private final List<String> conditionalActions;
    private final List<String> services;
    private final boolean allActionsOfService;
    private final AccessLevel level;
    private final List<String> adminReasons;
    private final List<String> managementReasons;
    private final List<String> representatives;
    private volatile String edgeLabel;
    private volatile String actionsText;
    private volatile Node node;
    private volatile java.util.SortedMap<String, String> edgeAttributes;

    /**
     * A capability.
     *
     * @param service the service prefix, or {@code *} when the capability spans many services (or all actions)
     * @param resource the resource pattern as written in the policy ({@code *}, {@code arn:aws:dynamodb:...:table/orders})
     * @param status ALLOWED when some action is allowed outright, CONDITIONAL when only under conditions the snapshot
     *     cannot decide, DENIED when the identity policies allow the actions but something else denies all of them
     * @param actions the allowed and conditional actions ({@code dynamodb:GetItem}), sorted; empty when there are more
     *     than {@link #MAX_LISTED} (see {@link #actionCount()})
     * @param actionCount how many actions are allowed or conditional
     * @param conditionalActions the actions allowed only conditionally (at most {@link #MAX_LISTED})
     * @param services the services spanned, for a {@code *} capability; else the one service
     * @param allActionsOfService whether every action of the service (or, for {@code *}, of every service) is included
     * @param level the highest access level among the actions
     * @param adminReasons why this capability is admin-equivalent (empty when it is not)
     * @param managementReasons the permissions-management actions it allows on every resource, such as
     *     {@code s3:PutBucketPolicy on *} (empty when none; a few are named)
     * @param representatives a few actions whose evaluation stands for all (evidence re-evaluates them)
     */
    public Capability(String service, String resource, EdgeStatus status, List<String> actions, int actionCount,
            List<String> conditionalActions, List<String> services, boolean allActionsOfService, AccessLevel level,
            List<String> adminReasons, List<String> managementReasons, List<String> representatives) {
        this.service = Objects.requireNonNull(service, "service");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.status = Objects.requireNonNull(status, "status");
        this.actions = List.copyOf(actions);
        this.actionCount = actionCount;
        this.conditionalActions = List.copyOf(conditionalActions);
        this.services = List.copyOf(services);
        this.allActionsOfService = allActionsOfService;
        this.level = Objects.requireNonNull(level, "level");
        this.adminReasons = List.copyOf(adminReasons);
        this.managementReasons = List.copyOf(managementReasons);
        this.representatives = List.copyOf(representatives);
    }

    /** The service prefix, or {@code *} when the capability spans many services (or all actions). */
    public String service() {
        return service;
    }

    /** The resource pattern as written in the policy. */
    public String resource() {
        return resource;
    }

    /** ALLOWED, CONDITIONAL or DENIED (see the constructor). */
    public EdgeStatus status() {
        return status;
    }

    /** The allowed and conditional actions, sorted; empty when there are more than {@link #MAX_LISTED}. */
    public List<String> actions() {
        return actions;
    }

    /** How many actions are allowed or conditional. */
    public int actionCount() {
        return actionCount;
    }

    /** The actions allowed only conditionally (at most {@link #MAX_LISTED}). */
    public List<String> conditionalActions() {
        return conditionalActions;
    }

    /** The services spanned, for a {@code *} capability; else the one service. */
    public List<String> services() {
        return services;
    }

    /** Whether every action of the service (or, for {@code *}, of every service) is included. */
    public boolean allActionsOfService() {
        return allActionsOfService;
    }

    /** The highest access level among the actions. */
    public AccessLevel level() {
        return level;
    }

    /** Why this capability is admin-equivalent (empty when it is not). */
    public List<String> adminReasons() {
        return adminReasons;
    }

    /**
     * The permissions-management actions this capability allows on every resource, such as
     * {@code s3:PutBucketPolicy on *} (a few named); empty when none.
     */
    public List<String> managementReasons() {
        return managementReasons;
    }

    /** A few actions whose evaluation stands for all (evidence re-evaluates them). */
    public List<String> representatives() {
        return representatives;
    }

    /**
     * Makes {@code shared}, a node with this capability's definition, the one {@link #node()} returns, so that every
     * capability on the same service and pattern hands out the same object (compared at once after an edit). Only
     * the analyzer calls this, before it publishes the capability.
     */
    void shareNode(Node shared) {
        if (!shared.id().equals(NodeIds.capability(service, resource))) {
            throw new IllegalArgumentException("node " + shared.id() + " is not the node of " + this);
        }
        node = shared;
    }

    /** The capability node: one per service and resource pattern, shared by every principal that has it. */
    public Node node() {
        Node n = node;
        if (n == null) {
            n = Nodes.capability(service, resource, nodeLabel());
            node = n;
        }
        return n;
    }

    /**
     * The actions as an edge attribute: {@code *} for every action of every service, else the names joined by
     * commas, or "N actions" when there are too many to list.
     */
    public String actionsText() {
        String t = actionsText;
        if (t == null) {
            t = allActionsOfService && service.equals("*") ? "*"
                    : actions.isEmpty() ? actionCount + " actions" : String.join(",", actions);
            actionsText = t;
        }
        return t;
    }

    /**
     * The attributes of a principal's edge to this capability (access level, actions, admin-equivalent), made once
     * and shared by every such edge.
     */
    public java.util.SortedMap<String, String> edgeAttributes() {
        java.util.SortedMap<String, String> a = edgeAttributes;
        if (a == null) {
            java.util.Map<String, String> values = new java.util.TreeMap<>();
            values.put(AccessEdge.ACCESS_LEVEL, level.displayName());
            values.put(AccessEdge.ACTIONS, actionsText());
            if (!adminReasons.isEmpty()) {
                values.put(AccessEdge.ADMIN_EQUIVALENT, "true");
            }
            if (!managementReasons.isEmpty()) {
                values.put(AccessEdge.PERMISSIONS_MANAGEMENT, "true");
            }
            a = AccessEdge.sharedAttributes(values);
            edgeAttributes = a;
        }
        return a;
    }

    /** A short resource label: {@code table/orders} for {@code arn:aws:dynamodb:us-east-1:1:table/orders}. */
    public String shortResource() {
        if (!resource.startsWith("arn:")) {
            return resource;
        }
        String[] p = resource.split(":", 6);
        return p.length == 6 && !p[5].isEmpty() ? p[5] : resource;
    }

    /**
     * The node label: "dynamodb on table/orders", "many services on *". The node is shared by every principal with a
     * capability on that service and pattern, so its label says nothing that differs between them (how many services
     * or actions is on each principal's edge): a label that did would make the node's definition depend on which
     * principals hold it, and an edit of one principal could redraw a node with thousands of edges.
     */
    public String nodeLabel() {
        return (service.equals("*") ? "many services" : service) + " on " + shortResource();
    }

    /** The edge label: "GetItem, Query", "all actions", "GetItem, Query, PutItem, +9 more". */
    public String edgeLabel() {
        String l = edgeLabel;
        if (l == null) {
            l = buildEdgeLabel();
            edgeLabel = l;
        }
        return l;
    }

    private String buildEdgeLabel() {
        if (allActionsOfService) {
            return "all actions";
        }
        if (service.equals("*")) {
            return actionCount + " actions";
        }
        if (actions.isEmpty()) {
            return actionCount + " actions";
        }
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(actions.size(), actions.size() > 4 ? 3 : 4);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String a = actions.get(i);
            sb.append(a.substring(a.indexOf(':') + 1));
        }
        if (actionCount > shown) {
            sb.append(", +").append(actionCount - shown).append(" more");
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capability c && service.equals(c.service) && resource.equals(c.resource)
                && status == c.status && actions.equals(c.actions) && actionCount == c.actionCount
                && conditionalActions.equals(c.conditionalActions) && services.equals(c.services)
                && allActionsOfService == c.allActionsOfService && level == c.level
                && adminReasons.equals(c.adminReasons) && managementReasons.equals(c.managementReasons)
                && representatives.equals(c.representatives);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, resource, status, actions, actionCount, conditionalActions, services,
                allActionsOfService, level, adminReasons, managementReasons, representatives);
    }

    @Override
    public String toString() {
        return "Capability[" + service + " on " + resource + " " + status + ", " + actionCount + " actions]";
    }
}
