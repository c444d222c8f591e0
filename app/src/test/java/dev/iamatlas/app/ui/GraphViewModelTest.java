package dev.iamatlas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.fixtures.Explorations;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.app.ui.graph.GraphViewModel;
import dev.iamatlas.app.ui.support.SameThreadTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The graph's state and commands, without a window (layouts run at once on a same-thread executor). */
class GraphViewModelTest {
    private static final String FN = "arn:aws:lambda:eu-west-1:111122223333:function:";
    private static final String ROUTE = "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/GET/orders";
    private static final Diagram SHOP = Explorations.shop().diagram();
    private static final String API = "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5";

    private GraphViewModel graph;

    @BeforeEach
    void showTheShop() {
        graph = new GraphViewModel(new SameThreadTaskExecutor(), ElkDiagramLayout.withAwtFonts(),
                new ScriptedDialogs(() -> null));
        graph.show(SHOP);
    }

    @Test
    void showingADiagramLaysItOut() {
        assertThat(graph.laidOut().boxes()).hasSize(SHOP.nodeCount());
        assertThat(graph.freshLayoutsProperty().get()).isEqualTo(1);
    }

    @Test
    void focusModeFadesEverythingOutsideTheSelectionsReach() {
        graph.selectNode(FN + "list-orders", false);
        graph.focusModeProperty().set(true);

        var focus = graph.emphasisProperty().get().focus();
        assertThat(focus).contains(FN + "list-orders", ROUTE, NodeIds.INTERNET,
                "arn:aws:iam::111122223333:role/orders-role");
        assertThat(focus).doesNotContain(FN + "charge-payment");

        graph.selectNode(FN + "charge-payment", false);
        assertThat(graph.emphasisProperty().get().focus()).contains(FN + "charge-payment")
                .doesNotContain(FN + "list-orders");
    }

    @Test
    void foldingTheSelectedRoutesApiReplacesItsRoutesWithOneNode() {
        graph.selectNode(ROUTE, false);
        graph.collapseSelectedGroups();

        assertThat(graph.laidOut().box(ROUTE)).isEmpty();
        assertThat(graph.laidOut().box(API)).isPresent();
        assertThat(graph.selectedNodes()).containsExactly(API);

        graph.expandSelectedGroups();
        assertThat(graph.laidOut().box(ROUTE)).isPresent();
    }

    @Test
    void revealingANodeInsideAFoldedGroupUnfoldsItAndSelectsTheNode() {
        graph.collapseAll();
        assertThat(graph.laidOut().box(ROUTE)).isEmpty();

        assertThat(graph.reveal(ROUTE)).isTrue();

        assertThat(graph.laidOut().box(ROUTE)).isPresent();
        assertThat(graph.selectedNodes()).containsExactly(ROUTE);
        assertThat(graph.revealRequestProperty().get()).isEqualTo(ROUTE);
    }

    @Test
    void draggedNodesKeepTheirPlaceThroughFoldingAndUnfolding() {
        graph.moveNode(FN + "list-orders", 3000, 40);
        graph.collapseAll();
        graph.selectedNodes().clear();
        graph.expandSelectedGroups();

        assertThat(graph.laidOut().box(FN + "list-orders")).hasValueSatisfying(b -> {
            assertThat(b.x()).isEqualTo(3000);
            assertThat(b.y()).isEqualTo(40);
        });
        graph.unpinAll();
        assertThat(graph.laidOut().box(FN + "list-orders").orElseThrow().x()).isNotEqualTo(3000);
    }

    @Test
    void thePathBetweenTwoSelectedNodesIsHighlighted() {
        graph.selectNode(NodeIds.INTERNET, false);
        graph.selectNode("arn:aws:iam::111122223333:role/orders-role", true);

        assertThat(graph.highlightPathBetweenSelection()).isTrue();
        assertThat(graph.emphasisProperty().get().pathEdges()).hasSize(3);
    }

    @Test
    void aRubberBandSelectsTheNodesInsideIt() {
        var box = graph.laidOut().box(FN + "list-orders").orElseThrow();

        graph.selectNodes(graph.nodesInside(box.x() - 1, box.y() - 1, box.width() + 2, box.height() + 2), false);

        assertThat(graph.selectedNodes()).containsExactly(FN + "list-orders");
    }
}
