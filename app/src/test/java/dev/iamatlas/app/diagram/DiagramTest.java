package dev.iamatlas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamatlas.model.graph.EdgeStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiagramTest {

    @Test
    void reachFollowsEdgesBothWaysFromTheStart() {
        Diagram d = TestDiagrams.chain();

        assertThat(d.reach(List.of("f1"))).containsExactlyInAnyOrder("f1", "r1", "internet", "role", "cap");
    }

    @Test
    void shortestPathGoesWithTheArrowsOrAgainstThem() {
        Diagram d = TestDiagrams.chain();

        assertThat(d.shortestPath("internet", "cap")).extracting(DiagramEdge::target)
                .containsExactly("r1", "f1", "role", "cap");
        assertThat(d.shortestPath("cap", "r2")).extracting(DiagramEdge::source).containsExactly("r2", "f2", "role");
        assertThat(d.shortestPath("f1", "f2")).isEmpty();
    }

    @Test
    void collapsingAGroupReplacesItsMembersWithOneNodeThatKeepsTheirEdges() {
        Diagram folded = TestDiagrams.chain().collapse(Set.of("api:shop"));

        assertThat(folded.containsNode("r1")).isFalse();
        assertThat(folded.containsNode("r2")).isFalse();
        assertThat(folded.node("api:shop")).hasValueSatisfying(n -> assertThat(n.secondaryLabel()).contains("2 items"));
        assertThat(folded.outgoing("api:shop")).extracting(DiagramEdge::target).containsExactlyInAnyOrder("f1", "f2");
        // internet → r1 (ALLOWED) and internet → r2 (CONDITIONAL) merge into one edge that keeps the wider status.
        assertThat(folded.outgoing("internet")).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED));
    }

    @Test
    void restrictingKeepsOnlyEdgesBetweenKeptNodes() {
        Diagram d = TestDiagrams.chain().restrictTo(Set.of("r1", "f1", "cap"));

        assertThat(d.nodeCount()).isEqualTo(3);
        assertThat(d.edges()).extracting(DiagramEdge::id).containsExactly("r1->f1");
    }

    @Test
    void edgesMustJoinKnownNodes() {
        assertThatThrownBy(() -> Diagram.builder().edge(TestDiagrams.edge("a", "b",
                dev.iamatlas.model.graph.EdgeType.INVOKES, EdgeStatus.ALLOWED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown source node a");
    }
}
