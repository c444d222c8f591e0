package dev.iamatlas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.fixtures.Explorations;
import dev.iamatlas.app.fixtures.Fixtures;
import dev.iamatlas.app.ui.graph.GraphViewModel;
import dev.iamatlas.app.ui.navigator.NavItem;
import dev.iamatlas.app.ui.navigator.NavigatorViewModel;
import dev.iamatlas.app.ui.support.SameThreadTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NavigatorViewModelTest {
    private GraphViewModel graph;
    private NavigatorViewModel navigator;

    @BeforeEach
    void openTheShop() {
        var shop = Fixtures.shop();
        graph = new GraphViewModel(new SameThreadTaskExecutor(), ElkDiagramLayout.withAwtFonts(),
                new ScriptedDialogs(() -> null));
        graph.show(Explorations.shop().diagram());
        navigator = new NavigatorViewModel(graph);
        navigator.show(shop);
    }

    @Test
    void theTreeGoesFromAccountToRegionsApisStagesAndRoutes() {
        NavItem root = navigator.root();
        assertThat(root.label()).isEqualTo("shop-prod (111122223333)");
        NavItem region = root.children().get(0);
        assertThat(region.label()).isEqualTo("eu-west-1");
        NavItem apis = region.children().get(0);
        NavItem shopApi = apis.children().stream().filter(a -> a.label().equals("shop-api")).findFirst().orElseThrow();
        NavItem prod = shopApi.children().get(0);
        assertThat(prod.label()).isEqualTo("prod");
        assertThat(prod.children()).extracting(NavItem::label).contains("GET /orders", "DELETE /orders/{id}");
        assertThat(root.children()).extracting(NavItem::label).contains("Roles", "Users and groups");
    }

    @Test
    void everyLeafNamesANodeOfTheDiagram() {
        for (NavItem leaf : leaves(navigator.root())) {
            assertThat(graph.diagramProperty().get().containsNode(leaf.nodeId())).as(leaf.label()).isTrue();
        }
    }

    @Test
    void theFilterMatchesNamesAndArnsAndKeepsTheAncestors() {
        navigator.filterProperty().set("payments-role");
        assertThat(leaves(navigator.shownProperty().get())).extracting(NavItem::label)
                .containsExactly("payments-role");

        navigator.filterProperty().set("p9q8r7s6t5/$default/POST");
        assertThat(leaves(navigator.shownProperty().get())).extracting(NavItem::label)
                .containsExactly("POST /payments", "POST /webhooks/stripe");
    }

    @Test
    void enterSelectsTheFirstMatchInTheGraph() {
        navigator.filterProperty().set("stripe-webhook");

        assertThat(navigator.selectFirstMatch()).isTrue();

        assertThat(graph.selectedNodes()).containsExactly(
                "arn:aws:lambda:eu-west-1:111122223333:function:stripe-webhook");
    }

    @Test
    void selectingAnApiSelectsAllItsRoutes() {
        NavItem api = navigator.root().children().get(0).children().get(0).children().get(0);

        navigator.select(api);

        assertThat(graph.selectedNodes()).isNotEmpty().allMatch(id -> id.contains(":execute-api:")
                || id.contains("/authorizers/"));
    }

    private static List<NavItem> leaves(NavItem item) {
        List<NavItem> result = new ArrayList<>();
        if (item.children().isEmpty() && item.nodeId() != null) {
            result.add(item);
        }
        item.children().forEach(c -> result.addAll(leaves(c)));
        return result;
    }
}
