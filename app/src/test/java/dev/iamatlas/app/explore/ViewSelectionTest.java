package dev.iamatlas.app.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.SyntheticDiagrams;
import dev.iamatlas.app.fixtures.Explorations;
import dev.iamatlas.model.graph.NodeIds;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The views of an account: what each shows, and that each stays within its budget. */
class ViewSelectionTest {
    private final Exploration demo = Explorations.demo();

    @Test
    void theDefaultViewOfAnAccountWithFindingsIsTheFindingsPaths() {
        Set<String> nodes = ViewSelection.nodes(demo.diagram(), demo.findings(), ViewSelection.View.DEFAULT, 1500);

        assertThat(nodes).isNotNull().contains(NodeIds.INTERNET,
                "arn:aws:iam::111122223333:role/legacy-reports-role");
        assertThat(nodes.size()).isLessThan(demo.diagram().nodeCount() / 4);
        for (FindingRow finding : demo.findings()) {
            for (String edge : finding.pathEdgeIds()) {
                demo.diagram().edge(edge).ifPresent(e -> assertThat(nodes).contains(e.source(), e.target()));
            }
        }
    }

    @Test
    void everythingIsAllAndASmallAccountIsShownWhole() {
        assertThat(ViewSelection.nodes(demo.diagram(), demo.findings(), ViewSelection.View.ALL, 10)).isNull();
        Diagram small = SyntheticDiagrams.generate(30, 1);
        assertThat(ViewSelection.nodes(small, List.of(), ViewSelection.View.DEFAULT, 1500)).isNull();
    }

    @Test
    void aLargeDiagramWithoutFindingsStartsWithWhatTheInternetReachesWithinTheBudget() {
        Diagram large = SyntheticDiagrams.generate(3000, 1);
        Set<String> nodes = ViewSelection.nodes(large, List.of(), ViewSelection.View.DEFAULT, 500);
        assertThat(nodes).isNotNull().hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void theInternetsReachFollowsWorkingLinksOnly() {
        Set<String> nodes = ViewSelection.internet(demo.diagram(), 1500);

        assertThat(nodes).contains(NodeIds.INTERNET, "arn:aws:iam::111122223333:role/legacy-reports-role");
        assertThat(nodes).doesNotContain("arn:aws:iam::111122223333:role/admin-console-role");
    }

    @Test
    void aroundANodeHasItsUpstreamAndDownstreamNearestFirst() {
        String function = "arn:aws:lambda:us-east-1:111122223333:function:legacy-reports";
        Set<String> nodes = ViewSelection.around(demo.diagram(), function, 20);

        assertThat(nodes).hasSizeLessThanOrEqualTo(20).contains(function,
                "arn:aws:iam::111122223333:role/legacy-reports-role",
                "arn:aws:execute-api:us-east-1:111122223333:k3x8pq2m7d/prod/GET/reports/daily");
    }

    @Test
    void aFoldedBoxInViewStandsForItsMembersThatTheViewShows() {
        String api = "arn:aws:apigateway:us-east-1::/restapis/k3x8pq2m7d";
        List<String> routes = demo.diagram().members(api).stream().map(n -> n.id()).toList();
        String shownRoute = "arn:aws:execute-api:us-east-1:111122223333:k3x8pq2m7d/prod/GET/reports/daily";
        assertThat(routes).contains(shownRoute).hasSizeGreaterThan(2);

        assertThat(ViewSelection.unfold(demo.diagram(), List.of(api, NodeIds.INTERNET), null))
                .containsExactlyInAnyOrderElementsOf(concat(routes, NodeIds.INTERNET));
        assertThat(ViewSelection.unfold(demo.diagram(), List.of(api, NodeIds.INTERNET),
                Set.of(NodeIds.INTERNET, shownRoute))).containsExactlyInAnyOrder(NodeIds.INTERNET, shownRoute);
    }

    @Test
    void aFunctionInViewBringsItsAliasesAndUnknownBoxesNothing() {
        String function = "arn:aws:lambda:us-east-1:111122223333:function:invoice-renderer";

        Set<String> nodes = ViewSelection.unfold(demo.diagram(), List.of(function, "no-such-box"), null);

        assertThat(nodes).contains(function, function + ":live").allMatch(id -> id.startsWith(function));
    }

    private static List<String> concat(List<String> ids, String more) {
        List<String> all = new java.util.ArrayList<>(ids);
        all.add(more);
        return all;
    }

    @Test
    void viewsAreReadAsTheCommandLineWritesThem() {
        assertThat(ViewSelection.View.parse("findings")).isEqualTo(ViewSelection.View.FINDINGS);
        assertThat(ViewSelection.View.parse("around:arn:aws:iam::1:role/x"))
                .isEqualTo(ViewSelection.View.around("arn:aws:iam::1:role/x"));
        assertThatThrownBy(() -> ViewSelection.View.parse("nice")).hasMessageContaining("unknown view 'nice'");
    }

    @Test
    void largeViewsStartWithQualifiersCapabilitiesAndThenApisFolded() {
        Set<String> folded = ViewSelection.defaultFolding(demo.diagram(), null);
        assertThat(folded).contains("arn:aws:apigateway:us-east-1::/restapis/k3x8pq2m7d",
                "arn:aws:lambda:us-east-1:111122223333:function:catalog-service", Arns.capabilityGroup("logs"));
        assertThat(folded).noneMatch(Arns::isAccountRolesGroup);
        Set<String> findings = ViewSelection.findings(demo.diagram(), demo.findings(), 1500);
        assertThat(ViewSelection.defaultFolding(demo.diagram(), findings)).isEmpty();
    }
}
