package dev.iamatlas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.fixtures.Explorations;
import dev.iamatlas.app.fixtures.Fixtures;
import dev.iamatlas.model.graph.NodeKind.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ElkDiagramLayoutTest {
    private static final DiagramLayout LAYOUT = ElkDiagramLayout.withAwtFonts();
    private static final String API = "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5";
    private static Diagram shop;
    private static LaidOutDiagram shopLayout;

    @BeforeAll
    static void layOutTheShop() {
        shop = Explorations.shop().diagram();
        shopLayout = LAYOUT.layout(shop, LayoutOptions.defaults().withEdgeLabels(LayoutOptions.EdgeLabels.ON));
    }

    @Test
    void everyNodeAndEdgeIsPlaced() {
        assertThat(shopLayout.boxes()).hasSize(shop.nodeCount());
        assertThat(shopLayout.routes()).hasSize(shop.edgeCount());
    }

    @Test
    void noTwoNodesOverlap() {
        List<NodeBox> boxes = shopLayout.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                NodeBox a = boxes.get(i);
                NodeBox b = boxes.get(j);
                assertThat(a.intersects(b.x(), b.y(), b.width(), b.height()))
                        .as("%s overlaps %s", a.node().label(), b.node().label()).isFalse();
            }
        }
    }

    @Test
    void tiersReadLeftToRightCallersRoutesFunctionsRolesCapabilities() {
        for (Tier left : Tier.values()) {
            for (Tier right : Tier.values()) {
                if (left.ordinal() >= right.ordinal()) {
                    continue;
                }
                double rightmostOfLeft = shopLayout.boxes().stream().filter(b -> b.node().column() == left)
                        .mapToDouble(NodeBox::maxX).max().orElse(Double.NEGATIVE_INFINITY);
                double leftmostOfRight = shopLayout.boxes().stream().filter(b -> b.node().column() == right)
                        .mapToDouble(NodeBox::x).min().orElse(Double.POSITIVE_INFINITY);
                assertThat(rightmostOfLeft).as("%s column ends before %s column starts", left, right)
                        .isLessThan(leftmostOfRight);
            }
        }
    }

    @Test
    void edgeLabelsOverlapNoNodeAndNoOtherLabel() {
        List<EdgeRoute> labelled = shopLayout.routes().stream().filter(EdgeRoute::hasLabel).toList();
        assertThat(labelled).hasSize((int) shop.edges().stream().filter(e -> !e.label().isEmpty()).count())
                .isNotEmpty();
        for (EdgeRoute route : labelled) {
            for (NodeBox box : shopLayout.boxes()) {
                assertThat(box.intersects(route.labelX(), route.labelY(), route.labelWidth(), route.labelHeight()))
                        .as("label of %s over node %s", route.edge().id(), box.node().label()).isFalse();
            }
        }
        for (int i = 0; i < labelled.size(); i++) {
            for (int j = i + 1; j < labelled.size(); j++) {
                EdgeRoute a = labelled.get(i);
                EdgeRoute b = labelled.get(j);
                boolean overlap = a.labelX() < b.labelX() + b.labelWidth() && b.labelX() < a.labelX() + a.labelWidth()
                        && a.labelY() < b.labelY() + b.labelHeight() && b.labelY() < a.labelY() + a.labelHeight();
                assertThat(overlap).as("label of %s over label of %s", a.edge().id(), b.edge().id()).isFalse();
            }
        }
    }

    @Test
    void labelBoxesAreAsWideAsTheirMeasuredText() {
        EdgeRoute route = shopLayout.routes().stream().filter(EdgeRoute::hasLabel).findFirst().orElseThrow();
        double text = AwtTextMeasurer.instance().width(route.edge().label(), FontRole.EDGE_LABEL);

        assertThat(route.labelWidth()).isBetween(text, text + NodeSizing.EDGE_LABEL_PAD + 1);
    }

    @Test
    void edgesStartAtTheirSourceAndEndAtTheirTarget() {
        for (EdgeRoute route : shopLayout.routes()) {
            NodeBox source = shopLayout.box(route.edge().source()).orElseThrow();
            NodeBox target = shopLayout.box(route.edge().target()).orElseThrow();
            int last = route.pointCount() - 1;
            assertThat(near(source, route.x(0), route.y(0))).as("start of %s", route.edge().id()).isTrue();
            assertThat(near(target, route.x(last), route.y(last))).as("end of %s", route.edge().id()).isTrue();
        }
    }

    @Test
    void pinnedNodesStayWhereTheUserPutThemWhenLaidOutAgain() {
        String function = shop.nodes().stream().filter(n -> n.label().equals("list-orders")).findFirst()
                .orElseThrow().id();
        LayoutOptions options = LayoutOptions.defaults().withPinned(Map.of(function, new Point(4321, -250)));

        LaidOutDiagram first = LAYOUT.layout(shop, options);
        LaidOutDiagram again = LAYOUT.layout(shop, options.withCollapsedGroups(
                Set.of("arn:aws:apigateway:eu-west-1::/restapis/p9q8r7s6t5")));

        for (LaidOutDiagram d : List.of(first, again)) {
            NodeBox box = d.box(function).orElseThrow();
            assertThat(box.x()).isEqualTo(4321);
            assertThat(box.y()).isEqualTo(-250);
            assertThat(box.pinned()).isTrue();
            assertThat(d.pinnedPositions()).containsOnlyKeys(function);
        }
    }

    @Test
    void movingANodeReroutesItsEdgesToTheNewPlace() {
        String function = shop.nodes().stream().filter(n -> n.label().equals("list-orders")).findFirst()
                .orElseThrow().id();
        LaidOutDiagram moved = shopLayout.withNodeMovedTo(function, 9000, 9000);
        NodeBox box = moved.box(function).orElseThrow();

        for (EdgeRoute route : moved.routes()) {
            if (route.edge().target().equals(function)) {
                assertThat(near(box, route.x(route.pointCount() - 1), route.y(route.pointCount() - 1))).isTrue();
            }
            if (route.edge().source().equals(function)) {
                assertThat(near(box, route.x(0), route.y(0))).isTrue();
            }
        }
        assertThat(moved.nodeAt(9001, 9001)).hasValueSatisfying(b -> assertThat(b.node().id()).isEqualTo(function));
    }

    @Test
    void collapsedGroupsHideTheirMembers() {
        LaidOutDiagram folded = LAYOUT.layout(shop, LayoutOptions.defaults()
                .withCollapsedGroups(Set.of(API, "account:111122223333")));

        assertThat(folded.boxes()).noneMatch(b -> API.equals(b.node().groupId()));
        assertThat(folded.boxes()).noneMatch(b -> "account:111122223333".equals(b.node().groupId()));
        assertThat(folded.box(API)).hasValueSatisfying(b -> assertThat(b.node().label())
                .isEqualTo("shop-api"));
        assertThat(folded.box("account:111122223333")).isPresent();
        assertThat(folded.boxes().size()).isLessThan(shopLayout.boxes().size());
    }

    @Test
    void aFocusLaysOutOnlyTheFocusedNodes() {
        String function = shop.nodes().stream().filter(n -> n.label().equals("list-orders")).findFirst()
                .orElseThrow().id();
        Set<String> reach = shop.reach(List.of(function));

        LaidOutDiagram focused = LAYOUT.layout(shop, LayoutOptions.defaults().withFocus(reach));

        assertThat(focused.boxes()).extracting(b -> b.node().id()).containsExactlyInAnyOrderElementsOf(reach);
    }

    @Test
    void largeDiagramsKeepTheTierColumnsWithoutOverlapsAndWithLabelsClearOfNodes() {
        Diagram large = SyntheticDiagrams.generate(600, 7);
        LaidOutDiagram d = LAYOUT.layout(large, LayoutOptions.defaults().withEdgeLabels(LayoutOptions.EdgeLabels.ON));

        assertThat(d.boxes()).hasSize(large.nodeCount());
        for (Tier tier : Tier.values()) {
            if (tier.ordinal() == 0) {
                continue;
            }
            Tier previous = Tier.values()[tier.ordinal() - 1];
            double end = d.boxes().stream().filter(b -> b.node().kind().tier() == previous).mapToDouble(NodeBox::maxX)
                    .max().orElseThrow();
            double start = d.boxes().stream().filter(b -> b.node().kind().tier() == tier).mapToDouble(NodeBox::x)
                    .min().orElseThrow();
            assertThat(end).as("%s before %s", previous, tier).isLessThan(start);
        }
        for (NodeBox box : d.boxes()) {
            assertThat(d.nodesIn(box.x(), box.y(), box.width(), box.height())).as(box.node().label()).hasSize(1);
            for (EdgeRoute route : d.edgesIn(box.x(), box.y(), box.width(), box.height())) {
                if (route.hasLabel()) {
                    assertThat(box.intersects(route.labelX(), route.labelY(), route.labelWidth(),
                            route.labelHeight())).as("label of %s over %s", route.edge().id(), box.node().label())
                            .isFalse();
                }
            }
        }
    }

    @Test
    void anEmptyDiagramLaysOutToNothing() {
        LaidOutDiagram d = LAYOUT.layout(Diagram.empty(), LayoutOptions.defaults());

        assertThat(d.boxes()).isEmpty();
        assertThat(d.width()).isZero();
    }

    private static boolean near(NodeBox box, double x, double y) {
        return x >= box.x() - 2 && x <= box.maxX() + 2 && y >= box.y() - 2 && y <= box.maxY() + 2;
    }
}
