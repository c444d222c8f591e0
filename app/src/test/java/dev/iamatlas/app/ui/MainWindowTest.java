package dev.iamatlas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.diagram.DiagramExporter;
import dev.iamatlas.app.diagram.DiagramTheme;
import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.explore.Exploration;
import dev.iamatlas.app.explore.FindingRow;
import dev.iamatlas.app.explore.GraphExploration;
import dev.iamatlas.app.fixtures.Fixtures;
import dev.iamatlas.app.ui.graph.GraphCanvas;
import dev.iamatlas.app.ui.inspector.InspectorView;
import dev.iamatlas.app.ui.main.MainView;
import dev.iamatlas.app.ui.main.MainViewModel;
import dev.iamatlas.app.ui.main.MainWindow;
import dev.iamatlas.app.ui.support.SameThreadTaskExecutor;
import dev.iamatlas.app.ui.support.SettingsStore;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.NodeIds;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/**
 * The main window driven as a user would: keys, clicks, typing, on the bundled demo account and on the shop
 * fixture; files come from scripted choosers, forms from a script.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final String DEMO_FN = "arn:aws:lambda:us-east-1:111122223333:function:";
    private static final String LIST_ORDERS = "arn:aws:lambda:eu-west-1:111122223333:function:list-orders";

    @TempDir
    Path dir;

    private MainViewModel viewModel;
    private MainView view;
    private ScriptedDialogs dialogs;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dialogs = new ScriptedDialogs(() -> stage);
        viewModel = new MainViewModel(new SameThreadTaskExecutor(), dialogs, text -> { },
                new SettingsStore(dir.resolve("config/settings.json")), ElkDiagramLayout.withAwtFonts(),
                GraphExploration::open);
        view = MainWindow.install(stage, viewModel);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    private void openDemo(FxRobot robot) {
        robot.clickOn("Open the demo account");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openShop(FxRobot robot) {
        dialogs.filesToOpen.add(Fixtures.shopFile());
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ------------------------------------------------------------------------------------ the issue's four

    @Test
    void searchingAFunctionOfTheDemoSelectsItAndTheInspectorMarksTheDecidingStatementsOfItsPolicy(FxRobot robot) {
        openDemo(robot);

        robot.clickOn("#navigatorSearch").write("legacy-reports").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.graph().selectedNodes()).containsExactly(DEMO_FN + "legacy-reports");
        assertThat(viewModel.graph().laidOut().box(DEMO_FN + "legacy-reports")).isPresent();
        assertThat(robot.lookup("#" + InspectorView.TITLE_ID).queryAs(Label.class).getText())
                .isEqualTo("legacy-reports");
        String policy = policyText(robot);
        assertThat(policy).contains("\"Sid\": \"storefront-prod-daily-report\"",
                "\"Service\": \"apigateway.amazonaws.com\"", "\"Action\": \"lambda:InvokeFunction\"");
        List<Label> deciding = new ArrayList<>(robot.lookup("." + InspectorView.DECIDING).queryAllAs(Label.class));
        assertThat(deciding).isNotEmpty();
        String marked = String.join("\n", deciding.stream().map(Label::getText).toList());
        assertThat(marked).contains("storefront-prod-daily-report", "storefront-dev-daily-report",
                "arn:aws:execute-api:us-east-1:111122223333:k3x8pq2m7d/prod/GET/reports/daily");
    }

    @Test
    void selectingAFindingHighlightsItsPathAndOpensItsEvidence(FxRobot robot) {
        openDemo(robot);
        FindingRow missing = finding("APIGW_LAMBDA_PERMISSION_MISSING");

        FindingsTableActions.clickFinding(robot, missing);

        assertThat(viewModel.graph().pathEdgesProperty().get()).isEqualTo(missing.pathEdgeIds()).isNotEmpty();
        assertThat(viewModel.graph().emphasisProperty().get().pathEdges())
                .containsExactlyInAnyOrderElementsOf(missing.pathEdgeIds());
        for (String edge : missing.pathEdgeIds()) {
            assertThat(viewModel.graph().laidOut().route(edge)).as("path edge %s is drawn", edge).isPresent();
        }
        assertThat(robot.lookup("#" + InspectorView.TITLE_ID).queryAs(Label.class).getText())
                .contains("GET /invoices/{orderId}", "invoice-renderer:live");
        assertThat(robot.lookup("#" + InspectorView.KIND_ID).queryAs(Label.class).getText())
                .isEqualTo("invokes · denied");
        assertThat(robot.lookup("." + InspectorView.FIX_CODE).queryAs(Label.class).getText())
                .startsWith("aws lambda add-permission");
    }

    @Test
    void exportingWritesAnSvgWithTheLabelsAndAPngAtTheChosenScale(FxRobot robot) throws Exception {
        openDemo(robot);
        Path svg = dir.resolve("demo.svg");
        Path png = dir.resolve("demo.png");
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
        assertThat(document.getDocumentElement().getTextContent()).contains("legacy-reports", "legacy-reports-role",
                "GET /reports/daily", "Internet");

        BufferedImage image = ImageIO.read(png.toFile());
        LaidOutDiagram laidOut = viewModel.graph().laidOut();
        double[] page = DiagramExporter.plain().pageSize(DiagramExporter.Region.whole(laidOut));
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(page[0] * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(page[1] * 2));
        assertThat(dialogs.errors).isEmpty();
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

    // ------------------------------------------------------------------------------------ what if

    @Test
    void addingTheMissingPermissionResolvesTheFindingAndUndoBringsItBack(FxRobot robot) {
        openDemo(robot);
        FindingRow missing = finding("APIGW_LAMBDA_PERMISSION_MISSING");
        int before = viewModel.explorationProperty().get().findings().size();
        FindingsTableActions.clickFinding(robot, missing);

        dialogs.forms.add(Map.of());
        robot.clickOn("Allow API Gateway to invoke invoice-renderer:live…");
        WaitForAsyncUtils.waitForFxEvents();

        Exploration after = viewModel.explorationProperty().get();
        assertThat(after.findings()).hasSize(before - 1).noneMatch(f -> f.id().equals(missing.id()));
        String invoke = missing.evidenceEdgeId();
        assertThat(after.diagram().edge(invoke)).hasValueSatisfying(e -> assertThat(e.status())
                .isEqualTo(EdgeStatus.ALLOWED));
        assertThat(viewModel.graph().emphasisProperty().get().changedEdges()).contains(invoke);
        assertThat(viewModel.changes()).singleElement().asString().startsWith("add permission apigateway-");
        assertThat(robot.lookup("#whatIfLastChange").queryAs(ListView.class).getItems())
                .anySatisfy(line -> assertThat(line.toString()).startsWith("✓ resolved: HIGH"
                        + " APIGW_LAMBDA_PERMISSION_MISSING"));
        assertThat(stage.getTitle()).contains("what-if edits");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        Exploration undone = viewModel.explorationProperty().get();
        assertThat(undone.findings()).hasSize(before).anyMatch(f -> f.id().equals(missing.id()));
        assertThat(undone.diagram().edge(invoke)).hasValueSatisfying(e -> assertThat(e.status())
                .isEqualTo(EdgeStatus.DENIED));
        assertThat(viewModel.changes()).isEmpty();
        assertThat(viewModel.canRedoProperty().get()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.explorationProperty().get().findings()).hasSize(before - 1);
    }

    @Test
    void aTrustPolicyEditIsCheckedAndAnInvalidOneIsNotApplied(FxRobot robot) {
        openDemo(robot);
        robot.clickOn("#navigatorSearch").write("apigw-payments-invoker").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int before = viewModel.explorationProperty().get().findings().size();

        dialogs.policies.add("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"allow\"}]}");
        robot.clickOn("Edit the trust policy…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.policyProblems).singleElement().asString().contains("Statement[0]");
        assertThat(viewModel.changes()).isEmpty();

        dialogs.policies.add("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""");
        robot.clickOn("Edit the trust policy…");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.changes()).singleElement().asString().contains("apigw-payments-invoker");
        assertThat(viewModel.explorationProperty().get().findings()).hasSize(before - 2)
                .noneMatch(f -> f.ruleId().equals("APIGW_CREDENTIALS_ROLE_BROKEN"));
    }

    // ------------------------------------------------------------------------------------ files

    @Test
    void aGaadFileIsRecognisedImportedAndItsWarningsShown(FxRobot robot) throws Exception {
        Path gaad = dir.resolve("gaad.json");
        Files.writeString(gaad, """
                {"UserDetailList": [], "GroupDetailList": [], "Policies": [],
                 "RoleDetailList": [{"Path": "/", "RoleName": "app", "RoleId": "AROA4EXAMPLEAPPROLE01",
                   "Arn": "arn:aws:iam::123456789012:role/app", "CreateDate": "2024-01-09T12:44:10+00:00",
                   "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                   "InstanceProfileList": [], "Tags": [], "RoleLastUsed": {}, "AttachedManagedPolicies": [],
                   "RolePolicyList": [{"PolicyName": "x", "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C"}]
                 }]}
                """);
        dialogs.filesToOpen.add(gaad);

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.errors).isEmpty();
        assertThat(stage.getTitle()).contains("gaad.json (imported)", "123456789012");
        assertThat(viewModel.graph().laidOut().box("arn:aws:iam::123456789012:role/app")).isPresent();
        assertThat(viewModel.warnings()).anySatisfy(w -> assertThat(w).startsWith("Import:").contains("x"));
        assertThat(viewModel.dirtyProperty().get()).isTrue();
    }

    @Test
    void openingASnapshotDrawsItsDiagramAndNamesItInTheTitle(FxRobot robot) {
        openShop(robot);

        assertThat(stage.getTitle()).contains("shop.json", "shop-prod");
        assertThat(robot.lookup("#" + MainView.EMPTY_STATE_ID).query().isVisible()).isFalse();
        assertThat(viewModel.graph().laidOut().boxes()).isNotEmpty();
        assertThat(robot.lookup("#" + MainView.STATUS_ID).queryAs(Label.class).getText())
                .contains("4 findings", "policies evaluated", "2 scan gaps");
        assertThat(viewModel.warnings()).filteredOn(w -> w.startsWith("Scan gap:")).hasSize(2);
        assertThat(viewModel.recentFiles()).containsExactly(Fixtures.shopFile().toAbsolutePath().normalize());
    }

    @Test
    void savingWritesTheEditedSnapshot(FxRobot robot) throws Exception {
        openDemo(robot);
        FindingRow missing = finding("APIGW_LAMBDA_PERMISSION_MISSING");
        FindingsTableActions.clickFinding(robot, missing);
        dialogs.forms.add(Map.of("sid", "what-if-invoices"));
        robot.clickOn("Allow API Gateway to invoke invoice-renderer:live…");
        Path saved = dir.resolve("edited.json");
        dialogs.filesToSave.add(saved);

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Files.readString(saved)).contains("what-if-invoices");
        assertThat(viewModel.dirtyProperty().get()).isFalse();
    }

    // ------------------------------------------------------------------------------------ the canvas

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
        robot.interact(() -> viewModel.showView(dev.iamatlas.app.explore.ViewSelection.View.ALL));
        GraphCanvas canvas = view.canvas();
        robot.interact(() -> canvas.centerOn(LIST_ORDERS));
        var box = viewModel.graph().laidOut().box(LIST_ORDERS).orElseThrow();
        var v = canvas.viewport();
        var at = canvas.localToScreen(box.centerX() * v.scale() + v.translateX(),
                box.centerY() * v.scale() + v.translateY());

        robot.clickOn(at.getX(), at.getY());

        assertThat(viewModel.graph().selectedNodes()).containsExactly(LIST_ORDERS);
        assertThat(robot.lookup("#" + InspectorView.TITLE_ID).queryAs(Label.class).getText())
                .isEqualTo("list-orders");

        String role = "arn:aws:iam::111122223333:role/orders-role";
        robot.interact(() -> canvas.centerOn(role));
        var roleBox = viewModel.graph().laidOut().box(role).orElseThrow();
        var v2 = canvas.viewport();
        var at2 = canvas.localToScreen(roleBox.centerX() * v2.scale() + v2.translateX(),
                roleBox.centerY() * v2.scale() + v2.translateY());
        robot.press(KeyCode.SHIFT).clickOn(at2.getX(), at2.getY()).release(KeyCode.SHIFT);

        assertThat(viewModel.graph().selectedNodes()).containsExactlyInAnyOrder(LIST_ORDERS, role);
        robot.type(KeyCode.P);
        assertThat(viewModel.graph().pathEdgesProperty().get()).singleElement().asString().startsWith("RUNS_AS");
    }

    @Test
    void aDraggedNodeStaysWhereItWasDroppedWhenTheGraphIsLaidOutAgain(FxRobot robot) {
        openShop(robot);
        robot.interact(() -> viewModel.showView(dev.iamatlas.app.explore.ViewSelection.View.ALL));
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

        Path svg = dir.resolve("dragged.svg");
        dialogs.filesToSave.add(svg);
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.graph().laidOut().pinnedPositions()).containsKey(LIST_ORDERS);
        assertThat(svg).exists();
    }

    @Test
    void theViewOfTheDemoStartsWithTheFindingsAndShowsEverythingOnRequest(FxRobot robot) {
        openDemo(robot);
        int shown = viewModel.graph().laidOut().boxes().size();
        assertThat(shown).isBetween(5, 60);
        assertThat(robot.lookup("#" + MainView.STATUS_ID).queryAs(Label.class).getText()).startsWith("Showing");
        assertThat(viewModel.graph().laidOut().box(NodeIds.INTERNET)).isPresent();

        robot.interact(() -> viewModel.showView(dev.iamatlas.app.explore.ViewSelection.View.ALL));

        assertThat(viewModel.graph().visibleProperty().get()).isNull();
        assertThat(viewModel.graph().laidOut().diagram().nodeCount()).isGreaterThan(shown);
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

    // ------------------------------------------------------------------------------------ helpers

    private FindingRow finding(String ruleId) {
        return viewModel.explorationProperty().get().findings().stream().filter(f -> f.ruleId().equals(ruleId))
                .findFirst().orElseThrow();
    }

    private static String policyText(FxRobot robot) {
        StringBuilder text = new StringBuilder();
        robot.lookup("." + InspectorView.POLICY_CODE).queryAllAs(Label.class).forEach(l -> text.append(l.getText())
                .append('\n'));
        return text.toString();
    }
}
