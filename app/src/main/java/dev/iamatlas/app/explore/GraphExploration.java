package dev.iamatlas.app.explore;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramEdge;
import dev.iamatlas.app.diagram.DiagramGroup;
import dev.iamatlas.app.diagram.DiagramNode;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The adapter from the access graph to what the app shows: the {@link Exploration} of an {@link AnalysisSession}.
 *
 * <ul>
 *   <li>The diagram has every node of the graph under its graph id ({@code dev.iamatlas.model.graph.NodeIds}) and
 *   every edge under its stable edge id, with the status the policy evaluator gave it. API nodes are not boxes of
 *   their own but the groups their routes, authorizers and authorized callers fold into; an account's roles fold
 *   into {@link Arns#accountRolesGroup}, capabilities into one group per service, and a function's aliases,
 *   versions and URLs into the function itself.</li>
 *   <li>A node that a finding is about carries the most severe finding's severity, drawn as a badge.</li>
 *   <li>Two things are drawn more simply than the graph holds them: Lambda's service principal assuming the
 *   execution roles functions run as (the {@code RUNS_AS} edges say the same), and labels: none on links whose
 *   columns say what they are (calls, invokes, runs as, ...), a capability's long action list cut to two
 *   actions (the inspector lists all).</li>
 *   <li>The inspections read the graph's evidence (see {@link GraphInspections}).</li>
 * </ul>
 *
 * <p>Running time: linear in nodes, edges and findings, plus a sort of the nodes (about a second for a 70,000-node
 * account); evidence is only computed when an element is inspected.
 */
public final class GraphExploration {
    private static final String LAMBDA_SERVICE = "lambda.amazonaws.com";
    private GraphExploration() {
    }

    /**
     * Opens an analysis session on {@code snapshot} (every processor) and explores it. The caller owns the session
     * ({@link Exploration#session()}) and closes it when done.
     */
    public static Exploration open(AccountSnapshot snapshot) {
        AnalysisSession session = AnalysisSession.open(Objects.requireNonNull(snapshot, "snapshot"));
        try {
            return of(session);
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    /** The exploration of a session as it is now. */
    public static Exploration of(AnalysisSession session) {
        Objects.requireNonNull(session, "session");
        AccountSnapshot snapshot = session.snapshot();
        GraphData data = GraphData.capture(session.graph());
        List<Finding> findings = List.copyOf(session.findings());
        List<FindingRow> rows = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            rows.add(row(finding, data));
        }
        Diagram diagram = diagram(data, findings);
        GraphInspections inspections = new GraphInspections(snapshot, data, findings, rows, diagram);
        return new Exploration(snapshot, diagram, inspections, rows, true, session.graph().notes(), session);
    }

    // --------------------------------------------------------------------------------------------- diagram

    static Diagram diagram(GraphData data, List<Finding> findings) {
        Map<String, Severity> alerts = alerts(data, findings);
        Map<String, String> apiNames = new HashMap<>();
        Diagram.Builder b = Diagram.builder();
        List<Node> nodes = new ArrayList<>();
        for (Node node : data.nodes().values()) {
            if (node.kind() == NodeKind.REST_API || node.kind() == NodeKind.HTTP_API) {
                apiNames.put(node.id(), node.label());
                b.group(new DiagramGroup(node.id(), node.kind(), node.label(), NodeText.secondary(node, null)));
            } else {
                nodes.add(node);
            }
        }
        Map<String, String> accountLabels = new HashMap<>();
        for (Node node : nodes) {
            if (node.kind() == NodeKind.IAM_ROLE && node.account() != null) {
                accountLabels.putIfAbsent(node.account(), node.account().equals(data.accountId())
                        ? "this account (" + node.account() + ")" : "account " + node.account());
            }
        }
        Map<String, String> keys = new HashMap<>();
        for (Node node : nodes) {
            keys.put(node.id(), sortKey(node, apiNames));
        }
        nodes.sort(Comparator.comparing((Node n) -> keys.get(n.id())));
        for (Node node : nodes) {
            String group = groupOf(node, apiNames);
            if (group != null && Arns.isAccountRolesGroup(group)) {
                b.group(new DiagramGroup(group, NodeKind.IAM_ROLE, "Roles of " + accountLabels.get(node.account()),
                        "IAM roles"));
            } else if (group != null && node.kind() != NodeKind.LAMBDA_FUNCTION && group.equals(node.groupId())
                    && data.node(group).map(f -> f.kind() == NodeKind.LAMBDA_FUNCTION).orElse(false)) {
                Node function = data.node(group).get();
                b.group(new DiagramGroup(group, NodeKind.LAMBDA_FUNCTION, function.label(), "function"));
            } else if (group != null && Arns.isCapabilityGroup(group)) {
                String service = node.attribute(Node.SERVICE);
                b.group(new DiagramGroup(group, NodeKind.CAPABILITY, "*".equals(service) ? "every service"
                        : service, "capabilities"));
            }
            b.node(new DiagramNode(node.id(), node.kind(), NodeText.label(node),
                    NodeText.secondary(node, node.groupId() == null ? null : apiNames.get(node.groupId())), group,
                    alerts.get(node.id())));
        }
        for (AccessEdge edge : data.edges().values()) {
            if (b.hasNode(edge.sourceId()) && b.hasNode(edge.targetId()) && !mirrorsRunsAs(edge, data)) {
                b.edge(new DiagramEdge(edge.id(), edge.sourceId(), edge.targetId(), edge.type(), edge.status(),
                        edgeLabel(edge)));
            }
        }
        return b.build();
    }

    /**
     * Whether an edge says only what a {@code RUNS_AS} edge already says: Lambda's service principal may assume an
     * execution role that a function runs as (the RUNS_AS edge carries the same trust-policy evaluation). Drawn, these
     * edges fan out from one node to every execution role and bury the chain; the inspector still lists them.
     */
    static boolean mirrorsRunsAs(AccessEdge edge, GraphData data) {
        if (edge.type() != EdgeType.CAN_ASSUME || !LAMBDA_SERVICE.equals(edge.sourceId())) {
            return false;
        }
        for (AccessEdge in : data.incoming(edge.targetId())) {
            if (in.type() == EdgeType.RUNS_AS && in.status() == edge.status()) {
                return true;
            }
        }
        return false;
    }

    /** Links whose kind the columns already say (a caller calls a route, a route invokes a function, ...). */
    private static final java.util.Set<EdgeType> UNLABELLED = java.util.EnumSet.of(EdgeType.CALLS_ROUTE,
            EdgeType.INVOKES, EdgeType.RUNS_AS, EdgeType.RESOLVES_TO, EdgeType.GUARDED_BY, EdgeType.MEMBER_OF);

    /**
     * The arrow's text: none where the columns say what the link is (each label takes room in the layout, and
     * colour and dash already say the status); elsewhere the graph's short label, with a capability's action list
     * cut to two actions. The inspector names every link in full.
     */
    static String edgeLabel(AccessEdge edge) {
        if (UNLABELLED.contains(edge.type())) {
            return "";
        }
        String label = edge.label();
        if (edge.type() != EdgeType.CAN_PERFORM || label.length() <= 26) {
            return label;
        }
        String[] actions = label.split(",\\s*");
        if (actions.length <= 2) {
            return label.substring(0, 25) + "…";
        }
        String two = actions[0] + ", " + actions[1];
        return (two.length() > 24 ? actions[0] : two) + " +" + (actions.length - (two.length() > 24 ? 1 : 2));
    }

    /** The diagram group a node folds into, or null. */
    static String groupOf(Node node, Map<String, String> apiNames) {
        return switch (node.kind()) {
            case API_ROUTE, API_AUTHORIZER, AUTHORIZED_CALLER -> node.groupId() != null
                    && apiNames.containsKey(node.groupId()) ? node.groupId() : null;
            case IAM_ROLE -> node.account() == null ? null : Arns.accountRolesGroup(node.account());
            case CAPABILITY -> node.attribute(Node.SERVICE) == null ? null
                    : Arns.capabilityGroup(node.attribute(Node.SERVICE));
            case LAMBDA_ALIAS, LAMBDA_VERSION, FUNCTION_URL -> node.groupId();
            default -> null;
        };
    }

    /**
     * Keeps things that belong together next to each other (ELK keeps the model order where crossings allow):
     * by column, then API or account, then stage, path and method, then name.
     */
    private static String sortKey(Node node, Map<String, String> apiNames) {
        String tier = Integer.toString(node.kind().tier().ordinal());
        return switch (node.kind()) {
            case API_ROUTE, API_AUTHORIZER, AUTHORIZED_CALLER -> tier + "|" + apiNames.getOrDefault(node.groupId(), "")
                    + "|" + node.kind().ordinal() + "|" + Objects.toString(node.attribute(Node.STAGE), "") + "|"
                    + Objects.toString(node.attribute(Node.PATH), Objects.toString(node.attribute(Node.ROUTE_KEY), ""))
                    + "|" + Objects.toString(node.attribute(Node.METHOD), "") + "|" + node.id();
            case LAMBDA_FUNCTION, LAMBDA_ALIAS, LAMBDA_VERSION, FUNCTION_URL -> tier + "|"
                    + Objects.toString(node.groupId(), node.id()) + "|" + node.kind().ordinal() + "|" + node.id();
            default -> tier + "|" + node.kind().ordinal() + "|" + Objects.toString(node.account(), "") + "|"
                    + node.label().toLowerCase(Locale.ROOT) + "|" + node.id();
        };
    }

    /** The most severe finding per node: the resource it is about and the end of its path. */
    private static Map<String, Severity> alerts(GraphData data, List<Finding> findings) {
        Map<String, Severity> alerts = new HashMap<>();
        for (Finding finding : findings) {
            mark(alerts, finding.resource(), finding.severity());
            if (!finding.path().isEmpty()) {
                mark(alerts, finding.path().get(finding.path().size() - 1).targetId(), finding.severity());
            }
        }
        alerts.keySet().retainAll(data.nodes().keySet());
        return alerts;
    }

    private static void mark(Map<String, Severity> alerts, String id, Severity severity) {
        if (id != null) {
            alerts.merge(id, severity, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
    }

    // --------------------------------------------------------------------------------------------- findings

    static FindingRow row(Finding f, GraphData data) {
        String evidence = null;
        for (AccessEdge edge : f.path()) {
            if (edge.status() == EdgeStatus.DENIED) {
                evidence = edge.id();
                break;
            }
        }
        if (evidence == null && !f.path().isEmpty()) {
            evidence = f.path().get(0).id();
        }
        String resource = data.node(f.resource()).map(NodeText::labelWithStage).orElse(shortName(f.resource()));
        return new FindingRow(f.severity().name(), f.ruleId(), resource, f.message(), f.pathEdgeIds(), evidence,
                f.id(), f.resource(), f.fix().summary(), f.fix().commands(), f.fix().policyChange());
    }

    /** The last part of an ARN ({@code function:orders:live} → {@code orders:live}), or the text as it is. */
    static String shortName(String arn) {
        if (arn == null) {
            return "";
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return arn;
        }
        String resource = parts[5];
        if (resource.startsWith("function:")) {
            return resource.substring("function:".length());
        }
        int slash = resource.lastIndexOf('/');
        return slash >= 0 && !parts[2].equals("execute-api") ? resource.substring(slash + 1) : resource;
    }
}
