package dev.iamatlas.app.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramEdge;
import dev.iamatlas.app.fixtures.Fixtures;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotExplorationTest {
    private static final String FN = "arn:aws:lambda:eu-west-1:111122223333:function:";
    private final Exploration shop = SnapshotExploration.of(Fixtures.shop());
    private final Diagram d = shop.diagram();

    @Test
    void aPublicRouteIsCalledFromTheInternetAndInvokesItsFunction() {
        String route = "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/GET/orders";

        assertThat(d.incoming(route)).extracting(DiagramEdge::source).containsExactly(SnapshotExploration.INTERNET);
        assertThat(d.outgoing(route)).extracting(DiagramEdge::target).containsExactly(FN + "list-orders");
    }

    @Test
    void stageVariablesResolveToTheAliasTheStageUses() {
        String route = "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/GET/orders/{id}";

        assertThat(d.outgoing(route)).extracting(DiagramEdge::target).containsExactly(FN + "get-order:live");
        assertThat(d.node(FN + "get-order:live")).hasValueSatisfying(n -> assertThat(n.kind())
                .isEqualTo(NodeKind.LAMBDA_ALIAS));
        assertThat(d.outgoing(FN + "get-order:live")).extracting(DiagramEdge::type)
                .containsExactly(EdgeType.RESOLVES_TO);
    }

    @Test
    void anIntegrationWithCredentialsInvokesThroughItsRole() {
        String route = "arn:aws:execute-api:eu-west-1:111122223333:m5n6o7p8q9/internal/GET/users";

        assertThat(d.outgoing(route)).extracting(DiagramEdge::type)
                .containsExactlyInAnyOrder(EdgeType.INVOKES_VIA_ROLE, EdgeType.USES_CREDENTIALS_ROLE);
    }

    @Test
    void everyEdgeIsConditionalBecauseNothingIsEvaluatedYet() {
        assertThat(d.edges()).extracting(DiagramEdge::status).containsOnly(EdgeStatus.CONDITIONAL);
        assertThat(shop.evaluated()).isFalse();
    }

    @Test
    void everyNodeAndEdgeCanBeInspected() {
        d.nodes().forEach(n -> assertThat(shop.inspections().node(n.id())).as(n.id()).isPresent());
        d.edges().forEach(e -> assertThat(shop.inspections().edge(e.id())).as(e.id()).isPresent());
    }

    @Test
    void aFunctionsInspectionShowsItsResourcePolicy() {
        Inspection inspection = shop.inspections().node(FN + "list-orders").orElseThrow();

        assertThat(inspection.arn()).isEqualTo(FN + "list-orders");
        assertThat(inspection.policies()).singleElement().satisfies(p -> assertThat(p.document().json())
                .contains("apigw-list", "apigateway.amazonaws.com"));
    }

    @Test
    void stageVariablesLeftUnresolvedKeepTheFunctionOut() {
        assertThat(SnapshotExploration.functionTarget("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/"
                + "functions/" + FN + "f:${stageVariables.alias}/invocations", Map.of("alias", "blue")))
                .isEqualTo(FN + "f:blue");
        assertThat(SnapshotExploration.functionTarget("http://example.com", Map.of())).isNull();
    }
}
