package dev.iamatlas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.diagram.NodeBox;
import dev.iamatlas.app.explore.FindingRow;
import dev.iamatlas.app.explore.GraphExploration;
import dev.iamatlas.app.ui.graph.GraphCanvas;
import dev.iamatlas.app.ui.main.MainView;
import dev.iamatlas.app.ui.main.MainViewModel;
import dev.iamatlas.app.ui.main.MainWindow;
import dev.iamatlas.app.ui.support.SameThreadTaskExecutor;
import dev.iamatlas.app.ui.support.SettingsStore;
import dev.iamatlas.model.graph.NodeIds;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Exports from the main window, driven as a user would on the bundled demo account: reports (Ctrl+Shift+R, a
 * format, a file) and graph files of the whole graph or of what the window shows (File menu). Files come from
 * scripted choosers.
 */
@ExtendWith(ApplicationExtension.class)
class ExportWindowTest {
    private static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";

    @TempDir
    Path dir;

    private MainViewModel viewModel;
    private MainView view;
    private ScriptedDialogs dialogs;

    @Start
    void start(Stage stage) {
        dialogs = new ScriptedDialogs(() -> stage);
        viewModel = new MainViewModel(new SameThreadTaskExecutor(), dialogs, text -> { },
                new SettingsStore(dir.resolve("config/settings.json")), ElkDiagramLayout.withAwtFonts(),
                GraphExploration::open);
        view = MainWindow.install(stage, viewModel);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @Test
    void anHtmlReportHoldsEveryFindingAndTheDiagramTheWindowShows(FxRobot robot) throws Exception {
        openDemo(robot);
        Path html = dir.resolve("demo-report.html");

        exportReport(robot, "HTML", html);

        String text = Files.readString(html);
        assertThat(text).startsWith("<!DOCTYPE html>");
        for (FindingRow finding : viewModel.explorationProperty().get().findings()) {
            assertThat(text).contains(finding.ruleId());
        }
        Document svg = xml(text.substring(text.indexOf("<svg"), text.indexOf("</svg>") + "</svg>".length()));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        Set<String> drawn = texts(svg);
        for (NodeBox box : viewModel.graph().laidOut().boxes()) {
            assertThat(drawn).as("the report's diagram has the canvas's node %s", box.node().label())
                    .contains(box.node().label());
        }
        assertThat(statusText(robot)).startsWith("Exported the html report").contains(html.toString());
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aReportIsOfTheAccountAsEditedWhatIf(FxRobot robot) throws Exception {
        openDemo(robot);
        FindingRow missing = viewModel.explorationProperty().get().findings().stream()
                .filter(f -> f.ruleId().equals("APIGW_LAMBDA_PERMISSION_MISSING")).findFirst().orElseThrow();
        Path before = dir.resolve("before.csv");
        exportReport(robot, "CSV", before);

        FindingsTableActions.clickFinding(robot, missing);
        dialogs.forms.add(Map.of());
        robot.clickOn("Allow API Gateway to invoke invoice-renderer:live…");
        WaitForAsyncUtils.waitForFxEvents();
        Path after = dir.resolve("after.csv");
        exportReport(robot, "CSV", after);

        assertThat(Files.readString(before)).contains(missing.id());
        assertThat(Files.readString(after)).doesNotContain(missing.id())
                .contains(viewModel.explorationProperty().get().findings().get(0).id());
    }

    @Test
    void graphMlOfTheCurrentViewHasOnlyTheNodesTheWindowShows(FxRobot robot) throws Exception {
        openDemo(robot);
        int graphNodes = viewModel.explorationProperty().get().session().graph().nodes().size();
        Path whole = dir.resolve("whole.graphml");
        dialogs.filesToSave.add(whole);
        chooseFromFileMenu(robot, "Export Whole Graph", "as GraphML (yEd, Gephi, Cytoscape)…");
        assertThat(graphMlNodes(whole)).hasSize(graphNodes);
        assertThat(statusText(robot)).isEqualTo("Exported the whole graph (" + graphNodes + " nodes, "
                + viewModel.explorationProperty().get().session().graph().edges().size() + " links) to " + whole);

        robot.clickOn("#" + MainView.VIEW_CHOICE_ID).clickOn("Internet's reach");
        WaitForAsyncUtils.waitForFxEvents();
        GraphCanvas canvas = view.canvas();
        robot.interact(canvas::fit);
        Path internet = dir.resolve("internet.graphml");
        exportCurrentViewAsGraphMl(robot, internet);

        Set<String> reach = graphMlNodes(internet);
        assertThat(reach).contains(NodeIds.INTERNET).hasSizeLessThan(graphNodes);
        assertThat(statusText(robot)).startsWith("Exported " + reach.size() + " of " + graphNodes + " nodes");
        for (NodeBox box : viewModel.graph().laidOut().boxes()) {
            if (viewModel.explorationProperty().get().diagram().containsNode(box.node().id())) {
                assertThat(reach).contains(box.node().id());
            }
        }

        robot.interact(() -> {
            canvas.centerOn(NodeIds.INTERNET);
            canvas.zoomAround(2, canvas.getWidth() / 2, canvas.getHeight() / 2);
        });
        Path zoomed = dir.resolve("zoomed.graphml");
        exportCurrentViewAsGraphMl(robot, zoomed);

        Set<String> near = graphMlNodes(zoomed);
        assertThat(near).contains(NodeIds.INTERNET).hasSizeLessThan(reach.size());
        assertThat(reach).containsAll(near);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aDraggedNodeKeepsItsPlaceInTheExportedDiagramAndInTheReport(FxRobot robot) throws Exception {
        openDemo(robot);
        Path plain = dir.resolve("plain.svg");
        dialogs.filesToSave.add(plain);
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        LaidOutDiagram laidOut = viewModel.graph().laidOut();
        NodeBox internet = laidOut.box(NodeIds.INTERNET).orElseThrow();

        // what dropping a dragged node does (MainWindowTest drags one with the mouse)
        robot.interact(() -> viewModel.graph().moveNode(NodeIds.INTERNET, laidOut.maxX() + 600, internet.y()));
        Path moved = dir.resolve("moved.svg");
        dialogs.filesToSave.add(moved);
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Path html = dir.resolve("moved.html");
        exportReport(robot, "HTML", html);

        double plainWidth = width(xml(Files.readString(plain)));
        assertThat(width(xml(Files.readString(moved)))).isGreaterThan(plainWidth + 500);
        String report = Files.readString(html);
        Document embedded = xml(report.substring(report.indexOf("<svg"), report.indexOf("</svg>") + 6));
        assertThat(width(embedded)).isGreaterThan(plainWidth + 500);
    }

    // ------------------------------------------------------------------------------------ helpers

    private void openDemo(FxRobot robot) {
        robot.clickOn("Open the demo account");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void exportReport(FxRobot robot, String format, Path file) {
        dialogs.choices.add(MainViewModel.REPORT_FORMATS.stream().filter(c -> c.label().startsWith(format + ":"))
                .findFirst().orElseThrow());
        dialogs.filesToSave.add(file);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(file).exists();
    }

    private void exportCurrentViewAsGraphMl(FxRobot robot, Path file) {
        dialogs.filesToSave.add(file);
        chooseFromFileMenu(robot, "Export Current View", "as GraphML (yEd, Gephi, Cytoscape)…");
        assertThat(file).exists();
    }

    /**
     * Opens File, then a submenu, and clicks an item of it (the other submenu has items of the same name). The mouse
     * moves across into the submenu before it moves down, as a user's does: a diagonal would pass over the other
     * submenu and open it instead.
     */
    private static void chooseFromFileMenu(FxRobot robot, String submenu, String item) {
        robot.clickOn("File").clickOn(submenu);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Point2D from = robot.point(submenu).query();
        javafx.scene.Node target = robot.lookup(item).match(n -> n.getScene() != null && n.isVisible()).query();
        javafx.geometry.Point2D to = robot.point(target).query();
        robot.moveTo(to.getX(), from.getY()).moveTo(to.getX(), to.getY()).clickOn();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup("#" + MainView.STATUS_ID).queryAs(Label.class).getText();
    }

    private static Set<String> graphMlNodes(Path file) throws Exception {
        NodeList nodes = xml(Files.readString(file)).getElementsByTagNameNS(GRAPHML, "node");
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(((org.w3c.dom.Element) nodes.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static Set<String> texts(Document svg) {
        NodeList texts = svg.getElementsByTagName("text");
        Set<String> result = new TreeSet<>();
        for (int i = 0; i < texts.getLength(); i++) {
            result.add(texts.item(i).getTextContent().strip());
        }
        return result;
    }

    private static double width(Document svg) {
        return Double.parseDouble(svg.getDocumentElement().getAttribute("width"));
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }
}
