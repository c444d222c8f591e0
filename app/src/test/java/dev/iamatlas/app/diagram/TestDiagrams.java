package dev.iamatlas.app.diagram;

import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeKind;

/** Small diagrams built by hand. */
final class TestDiagrams {
    private TestDiagrams() {
    }

    /** internet → two routes of api "shop" → two functions → one role → one capability. */
    static Diagram chain() {
        return Diagram.builder()
                .group(new DiagramGroup("api:shop", NodeKind.REST_API, "shop", "REST API"))
                .node(new DiagramNode("internet", NodeKind.INTERNET, "Internet", null, null))
                .node(new DiagramNode("r1", NodeKind.API_ROUTE, "GET /orders", "shop · prod", "api:shop"))
                .node(new DiagramNode("r2", NodeKind.API_ROUTE, "POST /orders", "shop · prod", "api:shop"))
                .node(new DiagramNode("f1", NodeKind.LAMBDA_FUNCTION, "list-orders", "nodejs20.x", null))
                .node(new DiagramNode("f2", NodeKind.LAMBDA_FUNCTION, "create-order", "nodejs20.x", null))
                .node(new DiagramNode("role", NodeKind.IAM_ROLE, "orders-role", null, null))
                .node(new DiagramNode("cap", NodeKind.CAPABILITY, "dynamodb:4 actions", "on table/orders", null))
                .edge(edge("internet", "r1", EdgeType.CALLS_ROUTE, EdgeStatus.ALLOWED))
                .edge(edge("internet", "r2", EdgeType.CALLS_ROUTE, EdgeStatus.CONDITIONAL))
                .edge(edge("r1", "f1", EdgeType.INVOKES, EdgeStatus.ALLOWED))
                .edge(edge("r2", "f2", EdgeType.INVOKES, EdgeStatus.DENIED))
                .edge(edge("f1", "role", EdgeType.RUNS_AS, EdgeStatus.ALLOWED))
                .edge(edge("f2", "role", EdgeType.RUNS_AS, EdgeStatus.ALLOWED))
                .edge(edge("role", "cap", EdgeType.CAN_PERFORM, EdgeStatus.CONDITIONAL))
                .build();
    }

    static DiagramEdge edge(String from, String to, EdgeType type, EdgeStatus status) {
        return new DiagramEdge(from + "->" + to, from, to, type, status, type.verb());
    }
}
