package dev.iamatlas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.diagram.DiagramExporter;
import dev.iamatlas.app.diagram.DiagramTheme;
import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.explore.Exploration;
import dev.iamatlas.app.explore.Inspection;
import dev.iamatlas.app.explore.InspectionSource;
import dev.iamatlas.app.explore.PolicyExcerpt;
import dev.iamatlas.app.explore.SnapshotExploration;
import dev.iamatlas.app.fixtures.Fixtures;
import dev.iamatlas.app.ui.graph.GraphCanvas;
import dev.iamatlas.app.ui.inspector.InspectorView;
import dev.iamatlas.app.ui.main.MainView;
import dev.iamatlas.app.ui.main.MainViewModel;
import dev.iamatlas.app.ui.main.MainWindow;
import dev.iamatlas.app.ui.support.SameThreadTaskExecutor;
import dev.iamatlas.app.ui.support.SettingsStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** The main window driven as a user would: keys, clicks, typing; files come from scripted choosers. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final String LIST_ORDERS = "arn:aws:lambda:eu-west-1:111122223333:function:list-orders";

    @TempDir
    Path dir;

    private MainViewModel viewModel;
    private MainView view;
    private ScriptedDialogs dialogs;
    private Stage stage;

    /** Used by one test to show the inspector what an evaluated edge will carry; null otherwise. */
    private static Function<Exploration, Exploration> decorate;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dialogs = new ScriptedDialogs(() -> stage);
        Function<Exploration, Exploration> extra = decorate == null ? e -> e : decorate;
        viewModel = new MainViewModel(new SameThreadTaskExecutor(), dialogs, text -> { },
                new SettingsStore(dir.resolve("config/settings.json")), ElkDiagramLayout.withAwtFonts(),
                snapshot -> extra.apply(SnapshotExploration.of(snapshot)));
        view = MainWindow.install(stage, viewModel);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    private void openShop(FxRobot robot) {
        dialogs.filesToOpen.add(Fixtures.shopFile());
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withNothingOpenTheWindowInvitesToOpenASnapshot(FxRobot robot) {
        assertThat(robot.lookup("#" + MainView.EMPTY_STATE_ID).query().isVisible()).isTrue();
        assertThat(robot.lookup("Open snapshot…").tryQuery()).isPresent();
    }

    @Test
    void openingASnapshotDrawsItsDiagramAndNamesItInTheTitle(FxRobot robot) {
        openShop(robot);

        assertThat(stage.getTitle()).contains("shop.json", "shop-prod");
        assertThat(robot.lookup("#" + MainView.EMPTY_STATE_ID).query().isVisible()).isFalse();
        assertThat(viewModel.graph().laidOut().boxes()).hasSizeGreaterThan(50);
        assertThat(robot.lookup("#" + MainView.STATUS_ID).queryAs(Label.class).getText())
                .contains("nodes", "not yet evaluated", "2 scan gaps");
        assertThat(viewModel.recentFiles()).containsExactly(Fixtures.shopFile().toAbsolutePath().normalize());
    }

    @Test
    void searchingAFunctionSelectsItAndTheInspectorShowsItsResourcePolicy(FxRobot robot) {
        openShop(robot);

        robot.clickOn("#navigatorSearch").write("list-orders").type(KeyCode.ENTER);

        assertThat(viewModel.graph().selectedNodes()).containsExactly(LIST_ORDERS);
        assertThat(robot.lookup("#" + InspectorView.TITLE_ID).queryAs(Label.class).getText())
                .isEqualTo("list-orders");
        String policy = policyText(robot);
        assertThat(policy).contains("\"Sid\": \"apigw-list\"", "\"Service\": \"apigateway.amazonaws.com\"",
                "\"Action\": \"lambda:InvokeFunction\"");
        assertThat(policy).contains("\n    {\n      \"Action\"");
    }

    @Test
    void theDecidingStatementOfAnEvaluatedLinkIsMarkedInThePolicy(FxRobot robot) throws Exception {
        // What the access graph adapter will provide: the deciding statement's index in the policy.
        decorate = e -> new Exploration(e.snapshot(), e.diagram(), markFirstStatement(e.inspections()), e.findings(),
                true);
        try {
            robot.interact(() -> stage.close());
            robot.interact(() -> start(new Stage()));
            openShop(robot);
            robot.clickOn("#navigatorSearch").write("list-orders").type(KeyCode.ENTER);

            List<Label> deciding = new ArrayList<>(robot.lookup("." + InspectorView.DECIDING).queryAllAs(Label.class));
            assertThat(deciding).singleElement().satisfies(l -> assertThat(l.getText()).contains("apigw-list"));
        } finally {
            decorate = null;
        }
    }

    @Test
    void openingAMalformedFileShowsAClearErrorNamingTheFile(FxRobot robot) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"formatVersion\": 1, \"metadata\": ");
        dialogs.filesToOpen.add(broken);

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane error = robot.lookup(".error-dialog").queryAs(DialogPane.class);
        assertThat(error.getHeaderText()).isEqualTo("Cannot open broken.json");
        assertThat(error.getContentText()).contains("broken.json").contains("not valid JSON").doesNotContain("\tat ");
        assertThat(error.getContentText().lines().count()).isEqualTo(1);
        robot.clickOn("OK");
        assertThat(robot.lookup("#" + MainView.EMPTY_STATE_ID).query().isVisible()).isTrue();
    }

    @Test
    void exportingWritesAnSvgWithTheLabelsAndAPngAtTheChosenScale(FxRobot robot) throws Exception {
        openShop(robot);
        Path svg = dir.resolve("shop.svg");
        Path png = dir.resolve("shop.png");
        dialogs.filesToSave.add(svg);
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        dialogs.choices.add("2×");
        dialogs.filesToSave.add(png);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getTextContent()).contains("list-orders", "orders-role",
                "GET /orders", "Internet");

        BufferedImage image = ImageIO.read(png.toFile());
        LaidOutDiagram laidOut = viewModel.graph().laidOut();
        double[] page = DiagramExporter.plain().pageSize(DiagramExporter.Region.whole(laidOut));
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(page[0] * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(page[1] * 2));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void keysZoomInAndOutAndFitTheWholeDiagram(FxRobot robot) {
        openShop(robot);
        GraphCanvas canvas = view.canvas();
        robot.interact(canvas::requestFocus);
        double initial = canvas.getScale();

        robot.type(KeyCode.PLUS);
        assertThat(canvas.getScale()).isGreaterThan(initial * 1.2);

        robot.type(KeyCode.MINUS).type(KeyCode.MINUS);
        assertThat(canvas.getScale()).isLessThan(initial);

        robot.type(KeyCode.DIGIT0);
        LaidOutDiagram d = viewModel.graph().laidOut();
        double[] visible = canvas.viewport().visibleRect();
        assertThat(visible[0]).isLessThanOrEqualTo(d.minX());
        assertThat(visible[1]).isLessThanOrEqualTo(d.minY());
        assertThat(visible[0] + visible[2]).isGreaterThanOrEqualTo(d.maxX());
        assertThat(visible[1] + visible[3]).isGreaterThanOrEqualTo(d.maxY());
    }

    @Test
    void clickingANodeSelectsItShiftClickAddsAnotherAndPHighlightsThePath(FxRobot robot) {
        openShop(robot);
        GraphCanvas canvas = view.canvas();
        robot.interact(() -> canvas.centerOn(LIST_ORDERS));
        var box = viewModel.graph().laidOut().box(LIST_ORDERS).orElseThrow();
        var v = canvas.viewport();
        double sx = box.centerX() * v.scale() + v.translateX();
        double sy = box.centerY() * v.scale() + v.translateY();

        robot.clickOn(canvas.localToScreen(sx, sy).getX(), canvas.localToScreen(sx, sy).getY());

        assertThat(viewModel.graph().selectedNodes()).containsExactly(LIST_ORDERS);
        assertThat(robot.lookup("#" + InspectorView.TITLE_ID).queryAs(Label.class).getText())
                .isEqualTo("list-orders");

        String role = "arn:aws:iam::111122223333:role/orders-role";
        robot.interact(() -> canvas.centerOn(role));
        var roleBox = viewModel.graph().laidOut().box(role).orElseThrow();
        var v2 = canvas.viewport();
        var at = canvas.localToScreen(roleBox.centerX() * v2.scale() + v2.translateX(),
                roleBox.centerY() * v2.scale() + v2.translateY());
        robot.press(KeyCode.SHIFT).clickOn(at.getX(), at.getY()).release(KeyCode.SHIFT);

        assertThat(viewModel.graph().selectedNodes()).containsExactlyInAnyOrder(LIST_ORDERS, role);
        robot.type(KeyCode.P);
        assertThat(viewModel.graph().pathEdgesProperty().get()).singleElement().asString().contains("RUNS_AS");
    }

    @Test
    void aDraggedNodeStaysWhereItWasDroppedWhenTheGraphIsLaidOutAgain(FxRobot robot) {
        openShop(robot);
        GraphCanvas canvas = view.canvas();
        robot.interact(() -> canvas.centerOn(LIST_ORDERS));
        var before = viewModel.graph().laidOut().box(LIST_ORDERS).orElseThrow();
        var v = canvas.viewport();
        var from = canvas.localToScreen(before.centerX() * v.scale() + v.translateX(),
                before.centerY() * v.scale() + v.translateY());

        robot.drag(from.getX(), from.getY(), javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(40, 60).moveBy(40, 60).drop();
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);

        var after = viewModel.graph().laidOut().box(LIST_ORDERS).orElseThrow();
        assertThat(after.pinned()).isTrue();
        assertThat(after.x() - before.x()).isCloseTo(80 / v.scale(), org.assertj.core.data.Offset.offset(2.0));
        assertThat(after.y() - before.y()).isCloseTo(120 / v.scale(), org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void theThemeSwitchesToDarkAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#toggleTheme");

        assertThat(viewModel.themeProperty().get()).isEqualTo("dark");
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-dark");
        assertThat(view.canvas().themeProperty().get()).isEqualTo(DiagramTheme.DARK);
        assertThat(Files.readString(dir.resolve("config/settings.json"))).contains("\"dark\"");

        robot.clickOn("#toggleTheme");
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-light");
    }

    private static String policyText(FxRobot robot) {
        StringBuilder text = new StringBuilder();
        robot.lookup("." + InspectorView.POLICY_CODE).queryAllAs(Label.class).forEach(l -> text.append(l.getText())
                .append('\n'));
        return text.toString();
    }

    private static InspectionSource markFirstStatement(InspectionSource source) {
        return new InspectionSource() {
            @Override
            public Optional<Inspection> node(String nodeId) {
                return source.node(nodeId).map(i -> new Inspection(i.title(), i.kind(), i.arn(), i.summary(),
                        i.properties(), i.policies().stream().map(p -> new PolicyExcerpt(p.title(), p.source(),
                        p.document(), Set.of(0))).toList(), i.request(), i.conditions(), i.fixCommand()));
            }

            @Override
            public Optional<Inspection> edge(String edgeId) {
                return source.edge(edgeId);
            }
        };
    }
}
