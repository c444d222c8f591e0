package dev.iamatlas.app.diagram;

import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeKind;
import java.util.Random;

/**
 * Diagrams of a chosen size shaped like a real account (a few callers, many routes in APIs of 8 to 20, one
 * function per route or two, shared roles, shared capabilities), for benchmarks. Deterministic for a seed.
 */
public final class SyntheticDiagrams {
    private static final String[] VERBS = {"GET", "POST", "PUT", "DELETE"};
    private static final String[] SERVICES = {"dynamodb", "s3", "sqs", "sns", "secretsmanager", "kms", "logs"};

    private SyntheticDiagrams() {
    }

    /** A diagram of about {@code nodes} nodes (at least 10). */
    public static Diagram generate(int nodes, long seed) {
        if (nodes < 10) {
            throw new IllegalArgumentException("nodes must be at least 10: " + nodes);
        }
        Random random = new Random(seed);
        int callers = Math.max(3, nodes / 60);
        int routes = nodes * 36 / 100;
        int functions = nodes * 30 / 100;
        int roles = nodes * 18 / 100;
        int capabilities = nodes - callers - routes - functions - roles;
        Diagram.Builder b = Diagram.builder();
        String account = "account:123456789012";
        b.group(new DiagramGroup(account, NodeKind.IAM_ROLE, "Roles of 123456789012", "this account"));
        for (int i = 0; i < callers; i++) {
            NodeKind kind = i == 0 ? NodeKind.INTERNET : i % 3 == 1 ? NodeKind.ANY_AWS_PRINCIPAL
                    : NodeKind.AUTHORIZED_CALLER;
            b.node(new DiagramNode("caller-" + i, kind, i == 0 ? "Internet" : "Callers via authorizer-" + i,
                    kind.displayName(), null));
        }
        int api = -1;
        int left = 0;
        for (int i = 0; i < routes; i++) {
            if (left == 0) {
                api++;
                left = 8 + random.nextInt(13);
                b.group(new DiagramGroup("api:" + api, NodeKind.REST_API, "api-" + api, "REST API"));
            }
            left--;
            String path = "/resource-" + random.nextInt(400) + (random.nextBoolean() ? "/{id}" : "");
            b.node(new DiagramNode("route-" + i, NodeKind.API_ROUTE, VERBS[random.nextInt(VERBS.length)] + " " + path,
                    "api-" + api + " · prod", "api:" + api));
        }
        for (int i = 0; i < functions; i++) {
            b.node(new DiagramNode("function-" + i, NodeKind.LAMBDA_FUNCTION, "service-" + (i / 5) + "-handler-" + i,
                    random.nextBoolean() ? "nodejs20.x · eu-west-1" : "java21 · eu-west-1", null));
        }
        for (int i = 0; i < roles; i++) {
            b.node(new DiagramNode("role-" + i, NodeKind.IAM_ROLE, "service-" + i + "-execution-role", "role",
                    account));
        }
        for (int i = 0; i < capabilities; i++) {
            String service = SERVICES[i % SERVICES.length];
            b.node(new DiagramNode("capability-" + i, NodeKind.CAPABILITY, service + ":" + (1 + random.nextInt(6))
                    + " actions", "on resource-" + i, null));
        }
        int edge = 0;
        for (int i = 0; i < routes; i++) {
            b.edge(edge(edge++, "caller-" + random.nextInt(callers), "route-" + i, EdgeType.CALLS_ROUTE, random));
            b.edge(edge(edge++, "route-" + i, "function-" + (i % functions), EdgeType.INVOKES, random));
        }
        for (int i = 0; i < functions; i++) {
            b.edge(edge(edge++, "function-" + i, "role-" + (i % roles), EdgeType.RUNS_AS, random));
        }
        for (int i = 0; i < roles; i++) {
            int count = 1 + random.nextInt(3);
            for (int c = 0; c < count; c++) {
                b.edge(edge(edge++, "role-" + i, "capability-" + ((i * 3 + c * 7) % capabilities),
                        EdgeType.CAN_PERFORM, random));
            }
        }
        return b.build();
    }

    private static DiagramEdge edge(int id, String from, String to, EdgeType type, Random random) {
        int r = random.nextInt(10);
        EdgeStatus status = r < 6 ? EdgeStatus.ALLOWED : r < 8 ? EdgeStatus.CONDITIONAL : EdgeStatus.DENIED;
        return new DiagramEdge("e" + id, from, to, type, status, type.verb());
    }
}
