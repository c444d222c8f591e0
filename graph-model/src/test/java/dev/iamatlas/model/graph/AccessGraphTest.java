package dev.iamatlas.model.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessGraphTest {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:111122223333:function:orders";
    private static final String ROLE = "arn:aws:iam::111122223333:role/orders";

    private static AccessGraph twoNodeGraph() {
        AccessGraph graph = new AccessGraph("111122223333", "aws");
        GraphWriter writer = GraphWriter.of(graph);
        writer.putNode(Node.builder(FUNCTION, NodeKind.LAMBDA_FUNCTION).label("orders").build());
        writer.putNode(Node.builder(ROLE, NodeKind.IAM_ROLE).label("orders").build());
        writer.addEdge(AccessEdge.builder(EdgeType.RUNS_AS, FUNCTION, ROLE).status(EdgeStatus.ALLOWED).build());
        return graph;
    }

    @Test
    void nodesAreEqualByIdWhateverTheirOtherFields() {
        Node a = Node.builder(FUNCTION, NodeKind.LAMBDA_FUNCTION).label("a").build();
        Node b = Node.builder(FUNCTION, NodeKind.LAMBDA_ALIAS).label("b").attribute(Node.STAGE, "x").build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.sameDefinition(b)).isFalse();
    }

    @Test
    void edgesWithEqualFieldsAreStillDistinctObjects() {
        AccessEdge one = AccessEdge.builder(EdgeType.RUNS_AS, FUNCTION, ROLE).status(EdgeStatus.ALLOWED).build();
        AccessEdge two = AccessEdge.builder(EdgeType.RUNS_AS, FUNCTION, ROLE).status(EdgeStatus.ALLOWED).build();

        assertThat(one).isNotEqualTo(two);
        assertThat(one.sameAs(two)).isTrue();
        assertThat(one.id()).isEqualTo("RUNS_AS " + FUNCTION + " -> " + ROLE);
    }

    @Test
    void replacingANodeKeepsItsEdges() {
        AccessGraph graph = twoNodeGraph();

        GraphWriter.of(graph).putNode(Node.builder(ROLE, NodeKind.IAM_ROLE).label("orders")
                .flag(Node.ADMIN_EQUIVALENT, true).build());

        assertThat(graph.requireNode(ROLE).flag(Node.ADMIN_EQUIVALENT)).isTrue();
        assertThat(graph.incoming(ROLE)).hasSize(1);
        assertThat(graph.outgoing(FUNCTION)).extracting(AccessEdge::targetId).containsExactly(ROLE);
    }

    @Test
    void reversedViewAnswersWhoCanReachANode() {
        AccessGraph graph = twoNodeGraph();

        assertThat(graph.reversed().outgoingEdgesOf(graph.requireNode(ROLE))).hasSize(1);
        assertThat(graph.subgraph(List.of(ROLE)).edgeSet()).isEmpty();
        assertThat(graph.filtered(e -> e.status() != EdgeStatus.ALLOWED).edgeSet()).isEmpty();
    }

    @Test
    void viewsAreReadOnly() {
        AccessGraph graph = twoNodeGraph();

        assertThatThrownBy(() -> graph.view().removeVertex(graph.requireNode(ROLE)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void twoEdgesMayNotShareAnId() {
        AccessGraph graph = twoNodeGraph();

        assertThatThrownBy(() -> GraphWriter.of(graph)
                .addEdge(AccessEdge.builder(EdgeType.RUNS_AS, FUNCTION, ROLE).status(EdgeStatus.ALLOWED).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RUNS_AS");
    }

    @Test
    void evidenceIsComputedOnFirstUseOnly() {
        int[] calls = {0};
        AccessEdge edge = AccessEdge.builder(EdgeType.RUNS_AS, FUNCTION, ROLE).status(EdgeStatus.ALLOWED)
                .evidence(() -> {
                    calls[0]++;
                    return EdgeEvidence.ofNotes(List.of("note"));
                }).build();

        assertThat(calls[0]).isZero();
        assertThat(edge.evidence().notes()).containsExactly("note");
        assertThat(edge.evidence().notes()).containsExactly("note");
        assertThat(calls[0]).isEqualTo(1);
    }
}
