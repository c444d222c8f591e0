package dev.iamatlas.app.ui.main;

import dev.iamatlas.app.diagram.DiagramExporter;
import dev.iamatlas.app.report.GraphExport;
import dev.iamatlas.app.ui.findings.FindingsView;
import dev.iamatlas.app.ui.graph.GraphCanvas;
import dev.iamatlas.app.ui.graph.GraphViewModel;
import dev.iamatlas.app.ui.inspector.InspectorView;
import dev.iamatlas.app.ui.navigator.NavigatorView;
import dev.iamatlas.app.ui.support.Themes;
import dev.iamatlas.app.ui.warnings.WarningsView;
import dev.iamatlas.app.explore.ViewSelection;
import dev.iamatlas.app.ui.scan.ScanView;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The main window's content: menu bar and toolbar; navigator | graph (over findings and scan gaps) | inspector;
 * status bar. When nothing is open, the graph area invites to open a snapshot. Binds to {@link MainViewModel}.
 */
public final class MainView extends BorderPane {
    public static final String CANVAS_ID = "graphCanvas";
    public static final String EMPTY_STATE_ID = "emptyState";
    public static final String STATUS_ID = "statusText";

    private final MainViewModel viewModel;
    private final GraphCanvas canvas;
    private final NavigatorView navigator;
    private TabPane bottomTabs;
    public static final String FINDINGS_TAB_ID = "findingsTab";
    public static final String CHANGES_TAB_ID = "changesTab";
    public static final String WARNINGS_TAB_ID = "warningsTab";
    public static final String VIEW_CHOICE_ID = "viewChoice";

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("main-view");
        GraphViewModel graph = viewModel.graph();
        canvas = new GraphCanvas(graph);
        canvas.setId(CANVAS_ID);
        canvas.themeProperty().bind(Bindings.createObjectBinding(
                () -> Themes.diagramTheme(viewModel.themeProperty().get()), viewModel.themeProperty()));
        navigator = new NavigatorView(viewModel.navigator());
        InspectorView inspector = new InspectorView(viewModel.inspector());

        StackPane graphArea = new StackPane(canvas, emptyState());
        graphArea.getStyleClass().add("graph-area");

        Tab findingsTab = new Tab("Findings", new FindingsView(viewModel.findings()));
        findingsTab.setId(FINDINGS_TAB_ID);
        findingsTab.setClosable(false);
        findingsTab.textProperty().bind(Bindings.createStringBinding(() -> viewModel.explorationProperty().get() == null
                ? "Findings" : "Findings (" + viewModel.explorationProperty().get().findings().size() + ")",
                viewModel.explorationProperty()));
        Tab changesTab = new Tab("What-if changes", new ChangesView(viewModel));
        changesTab.setId(CHANGES_TAB_ID);
        changesTab.setClosable(false);
        changesTab.textProperty().bind(Bindings.createStringBinding(() -> viewModel.changes().isEmpty()
                ? "What-if changes" : "What-if changes (" + viewModel.changes().size() + ")", viewModel.changes()));
        Tab gapsTab = new Tab("Warnings", new WarningsView(viewModel.warnings()));
        gapsTab.setId(WARNINGS_TAB_ID);
        gapsTab.setClosable(false);
        gapsTab.textProperty().bind(Bindings.createStringBinding(() -> viewModel.warnings().isEmpty() ? "Warnings"
                : "Warnings (" + viewModel.warnings().size() + ")", viewModel.warnings()));
        gapsTab.graphicProperty().bind(Bindings.createObjectBinding(() -> viewModel.warnings().isEmpty() ? null
                : warningIcon(), viewModel.warnings()));
        TabPane bottom = new TabPane(findingsTab, changesTab, gapsTab);
        bottom.getStyleClass().add("bottom-panels");
        this.bottomTabs = bottom;
        viewModel.lastChange().addListener((ListChangeListener<MainViewModel.ChangeLine>) c -> {
            if (!viewModel.lastChange().isEmpty() || !viewModel.lastChangeSummaryProperty().get().isEmpty()) {
                bottom.getSelectionModel().select(changesTab);
            }
        });

        SplitPane centre = new SplitPane(graphArea, bottom);
        centre.setOrientation(javafx.geometry.Orientation.VERTICAL);
        centre.setDividerPositions(0.76);
        SplitPane.setResizableWithParent(bottom, false);

        SplitPane main = new SplitPane(navigator, centre, inspector);
        main.setDividerPositions(0.17, 0.78);
        SplitPane.setResizableWithParent(navigator, false);
        SplitPane.setResizableWithParent(inspector, false);
        navigator.setMinWidth(180);
        inspector.setMinWidth(260);

        setTop(new VBox(menuBar(), toolBar()));
        setCenter(main);
        setBottom(statusBar());
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    public NavigatorView navigator() {
        return navigator;
    }

    public TabPane bottomTabs() {
        return bottomTabs;
    }

    // ------------------------------------------------------------------------------------------------ parts

    private Node emptyState() {
        FontIcon icon = new FontIcon(MaterialDesignF.FILE_TREE_OUTLINE);
        icon.setIconSize(56);
        icon.getStyleClass().add("empty-icon");
        Label heading = new Label("No account open");
        heading.getStyleClass().add("empty-heading");
        Label text = new Label("Open an IAM Atlas snapshot to see who can reach what: callers → API routes →"
                + " Lambda functions → roles → what they can do.\nDrop a snapshot or a GAAD file here, or:");
        text.setWrapText(true);
        text.getStyleClass().add("empty-text");
        text.setMaxWidth(520);
        Button open = new Button("Open snapshot…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.getStyleClass().add("accent");
        open.setDefaultButton(true);
        open.setOnAction(e -> viewModel.openWithDialog());
        HBox buttons = new HBox(10, open);
        buttons.setAlignment(Pos.CENTER);
        if (viewModel.demoAvailable()) {
            Button demo = new Button("Open the demo account");
            demo.setOnAction(e -> viewModel.openDemo());
            buttons.getChildren().add(demo);
        }
        Button scan = new Button("Scan an AWS account…", new FontIcon(MaterialDesignC.CLOUD_SEARCH_OUTLINE));
        scan.setOnAction(e -> openScanDialog());
        buttons.getChildren().add(scan);
        Label hint = new Label("or from a terminal:  iam-atlas scan --out account.json");
        hint.getStyleClass().add("empty-hint");
        VBox recent = new VBox(2);
        recent.setAlignment(Pos.CENTER);
        Runnable fillRecent = () -> {
            recent.getChildren().clear();
            if (!viewModel.recentFiles().isEmpty()) {
                Label title = new Label("Recent");
                title.getStyleClass().add("empty-recent-title");
                recent.getChildren().add(title);
                for (Path path : viewModel.recentFiles().subList(0, Math.min(5, viewModel.recentFiles().size()))) {
                    Hyperlink link = new Hyperlink(path.toString());
                    link.setOnAction(e -> viewModel.open(path));
                    recent.getChildren().add(link);
                }
            }
        };
        viewModel.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        VBox box = new VBox(14, icon, heading, text, buttons, hint, recent);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setId(EMPTY_STATE_ID);
        box.getStyleClass().add("empty-state");
        box.visibleProperty().bind(viewModel.emptyBinding());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private MenuBar menuBar() {
        Menu recent = new Menu("Open Recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path path : viewModel.recentFiles()) {
                MenuItem item = new MenuItem(path.toString());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> viewModel.open(path));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        viewModel.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();

        var noAccount = viewModel.emptyBinding();
        MenuItem open = item("_Open…", "Shortcut+O", MaterialDesignF.FOLDER_OPEN_OUTLINE, viewModel::openWithDialog);
        open.setId("menuOpen");
        MenuItem demo = item("Open _Demo Account", null, null, viewModel::openDemo);
        demo.setVisible(viewModel.demoAvailable());
        MenuItem importGaad = item("_Import IAM from GAAD…", "Shortcut+I", MaterialDesignI.IMPORT,
                viewModel::importGaadWithDialog);
        importGaad.setId("menuImportGaad");
        MenuItem scan = item("S_can AWS Account…", "Shortcut+Shift+N", MaterialDesignC.CLOUD_SEARCH_OUTLINE,
                this::openScanDialog);
        scan.setId("menuScan");
        MenuItem save = item("_Save", "Shortcut+S", MaterialDesignC.CONTENT_SAVE_OUTLINE, viewModel::save);
        save.disableProperty().bind(noAccount);
        MenuItem saveAs = item("Save _As…", "Shortcut+Shift+S", null, viewModel::saveAs);
        saveAs.disableProperty().bind(noAccount);
        MenuItem exportSvg = item("Export Diagram as S_VG…", "Shortcut+E", MaterialDesignE.EXPORT,
                () -> viewModel.exportWithDialog(DiagramExporter.Format.SVG, null));
        exportSvg.setId("menuExportSvg");
        MenuItem exportPng = item("Export Diagram as _PNG…", "Shortcut+Shift+E", null,
                () -> viewModel.exportWithDialog(DiagramExporter.Format.PNG, null));
        exportPng.setId("menuExportPng");
        MenuItem viewSvg = item("as _SVG…", null, null,
                () -> viewModel.exportWithDialog(DiagramExporter.Format.SVG, canvas.viewport()));
        viewSvg.setId("menuExportViewSvg");
        MenuItem viewPng = item("as _PNG…", null, null,
                () -> viewModel.exportWithDialog(DiagramExporter.Format.PNG, canvas.viewport()));
        viewPng.setId("menuExportViewPng");
        Menu currentView = new Menu("Export Current _View", null, viewSvg, viewPng);
        Menu wholeGraph = new Menu("Export Whole _Graph");
        for (GraphExport.Format format : MainViewModel.DATA_FORMATS) {
            MenuItem inView = item("as " + format.description() + "…", null, null,
                    () -> viewModel.exportGraphWithDialog(format, canvas.viewport()));
            inView.setMnemonicParsing(false);
            inView.setId("menuExportView" + capitalised(format));
            currentView.getItems().add(inView);
            MenuItem whole = item("as " + format.description() + "…", null, null,
                    () -> viewModel.exportGraphWithDialog(format, null));
            whole.setMnemonicParsing(false);
            whole.setId("menuExportGraph" + capitalised(format));
            wholeGraph.getItems().add(whole);
        }
        currentView.getItems().add(2, new SeparatorMenuItem());
        MenuItem report = item("Export _Report…", "Shortcut+Shift+R", MaterialDesignF.FILE_DOCUMENT_OUTLINE,
                viewModel::exportReportWithDialog);
        report.setId("menuExportReport");
        for (MenuItem m : new MenuItem[] {exportSvg, exportPng, currentView, wholeGraph, report}) {
            m.disableProperty().bind(noAccount);
        }
        MenuItem close = item("_Close", "Shortcut+W", null, viewModel::close);
        close.disableProperty().bind(noAccount);
        MenuItem quit = item("_Quit", "Shortcut+Q", null, () -> getScene().getWindow().hide());
        Menu file = new Menu("_File", null, open, recent, demo, new SeparatorMenuItem(), importGaad, scan,
                new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), exportSvg, exportPng, currentView, wholeGraph, report,
                new SeparatorMenuItem(), close, quit);
        file.setId("menuFile");

        CheckMenuItem dark = new CheckMenuItem("_Dark Theme");
        dark.setId("menuDarkTheme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.setSelected(Themes.DARK.equals(viewModel.themeProperty().get()));
        dark.selectedProperty().addListener((o, a, on) -> viewModel.themeProperty().set(on ? Themes.DARK
                : Themes.LIGHT));
        viewModel.themeProperty().addListener((o, a, b) -> dark.setSelected(Themes.DARK.equals(b)));
        Menu view = new Menu("_View", null,
                item("Zoom _In", "Shortcut+EQUALS", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, canvas::zoomIn),
                item("Zoom _Out", "Shortcut+MINUS", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, canvas::zoomOut),
                item("_Fit to Window", "Shortcut+0", MaterialDesignF.FIT_TO_SCREEN_OUTLINE, canvas::fit),
                item("_Actual Size", "Shortcut+1", null, canvas::actualSize),
                new SeparatorMenuItem(),
                item("_Find…", "Shortcut+F", MaterialDesignM.MAGNIFY, () -> navigator.searchField().requestFocus()),
                new SeparatorMenuItem(), dark);

        GraphViewModel graph = viewModel.graph();
        CheckMenuItem focus = new CheckMenuItem("_Focus on Selection");
        focus.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+F"));
        focus.selectedProperty().bindBidirectional(graph.focusModeProperty());
        MenuItem path = item("Highlight _Path Between the Two Selected", "Shortcut+P", null, this::highlightPath);
        path.disableProperty().bind(graph.twoNodesSelected().not());
        Menu graphMenu = new Menu("_Graph", null, focus, path,
                item("_Clear Selection and Highlights", null, null, graph::clearSelection),
                new SeparatorMenuItem(),
                item("F_old Group of Selection", "Shortcut+OPEN_BRACKET", null, graph::collapseSelectedGroups),
                item("_Unfold Selected Groups", "Shortcut+CLOSE_BRACKET", null, graph::expandSelectedGroups),
                item("Fold _All Groups", "Shortcut+Shift+OPEN_BRACKET", null, graph::collapseAll),
                item("Unfold A_ll Groups", "Shortcut+Shift+CLOSE_BRACKET", null, () -> {
                    graph.selectedNodes().clear();
                    graph.expandSelectedGroups();
                }),
                new SeparatorMenuItem(),
                item("_Reset Dragged Positions", null, null, graph::unpinAll),
                item("Lay Out _Again", "Shortcut+L", null, () -> graph.relayout(false)));
        Menu help = new Menu("_Help", null, item("_Keyboard and Mouse", "F1", MaterialDesignI.INFORMATION_OUTLINE,
                this::showHelp));
        MenuItem undo = item("_Undo What-if Edit", "Shortcut+Z", MaterialDesignU.UNDO, viewModel::undo);
        undo.setId("menuUndo");
        undo.disableProperty().bind(viewModel.canUndoProperty().not().or(viewModel.editingProperty()));
        MenuItem redo = item("_Redo What-if Edit", "Shortcut+Shift+Z", MaterialDesignR.REDO, viewModel::redo);
        redo.setId("menuRedo");
        redo.disableProperty().bind(viewModel.canRedoProperty().not().or(viewModel.editingProperty()));
        Menu edit = new Menu("_Edit", null, undo, redo);
        Menu show = new Menu("_Show", null,
                item("_Default View", null, null, () -> viewModel.showView(ViewSelection.View.DEFAULT)),
                item("_Everything", null, null, () -> viewModel.showView(ViewSelection.View.ALL)),
                item("The _Findings' Paths", null, null, () -> viewModel.showView(ViewSelection.View.FINDINGS)),
                item("What the _Internet Reaches", null, null, () -> viewModel.showView(ViewSelection.View.INTERNET)),
                item("Reach of the _Selection", "Shortcut+R", null, viewModel::showAroundSelection));
        for (MenuItem m : show.getItems()) {
            m.disableProperty().bind(noAccount);
        }
        MenuBar bar = new MenuBar(file, edit, view, show, graphMenu, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void highlightPath() {
        if (!viewModel.graph().highlightPathBetweenSelection()) {
            viewModel.graph().pathEdgesProperty().set(java.util.List.of());
            new dev.iamatlas.app.ui.support.FxDialogService(() -> getScene().getWindow()).showInfo("No path",
                    "No chain of links joins the two selected nodes, in either direction.");
        }
    }

    private void showHelp() {
        new dev.iamatlas.app.ui.support.FxDialogService(() -> getScene().getWindow()).showInfo("Keyboard and mouse",
                """
                Graph: drag the background to pan; wheel to zoom; click to select, Shift- or Ctrl-click to add;
                Shift-drag the background to select with a rectangle; drag a node to move it (it stays put).
                Keys on the graph: + and - zoom, 0 fits, 1 is actual size, arrows pan, F focuses on the
                selection, P highlights the path between two selected nodes, Escape clears.
                Ctrl+F finds by name or ARN (Enter selects the first match; in a large account it also shows the
                node's neighbourhood). Ctrl+R shows the reach of the selected node.
                What if: select a function, role, route or link; the inspector offers edits. Ctrl+Z undoes,
                Ctrl+Shift+Z redoes; the What-if changes tab lists what each edit gained and lost.
                Ctrl+O opens (a GAAD dump is imported), Ctrl+I imports GAAD, Ctrl+Shift+N scans an account,
                Ctrl+E exports the diagram as SVG, Ctrl+Shift+E as PNG (File › Export Current View and Export Whole
                Graph also write DOT, GraphML and JSON), Ctrl+Shift+R exports a report (HTML, PDF, Markdown, CSV,
                SARIF), Ctrl+Shift+D switches the dark theme.""");
    }

    private ToolBar toolBar() {
        GraphViewModel graph = viewModel.graph();
        var noAccount = viewModel.emptyBinding();
        ToggleButton focus = new ToggleButton(null, new FontIcon(MaterialDesignT.TARGET));
        focus.setTooltip(new Tooltip("Focus on the selection: its upstream and downstream reach (F)"));
        focus.selectedProperty().bindBidirectional(graph.focusModeProperty());
        Button path = tool(MaterialDesignA.ARROW_DECISION_OUTLINE, "Highlight the path between the two selected"
                + " nodes (P)", this::highlightPath);
        path.disableProperty().bind(graph.twoNodesSelected().not());
        Button theme = tool(MaterialDesignW.WEATHER_NIGHT, "Switch light / dark theme (Ctrl+Shift+D)",
                viewModel::toggleTheme);
        theme.setId("toggleTheme");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button exportSvg = tool(MaterialDesignE.EXPORT, "Export the diagram as SVG (Ctrl+E)",
                () -> viewModel.exportWithDialog(DiagramExporter.Format.SVG, null));
        exportSvg.disableProperty().bind(noAccount);
        Button exportPng = tool(MaterialDesignI.IMAGE_OUTLINE, "Export the diagram as PNG (Ctrl+Shift+E)",
                () -> viewModel.exportWithDialog(DiagramExporter.Format.PNG, null));
        exportPng.disableProperty().bind(noAccount);
        Button exportReport = tool(MaterialDesignF.FILE_DOCUMENT_OUTLINE, "Export a report: HTML, PDF, Markdown, CSV"
                + " or SARIF (Ctrl+Shift+R)", viewModel::exportReportWithDialog);
        exportReport.setId("toolExportReport");
        exportReport.disableProperty().bind(noAccount);
        Button fold = tool(MaterialDesignA.ARROW_COLLAPSE_ALL, "Fold every API and every account's roles",
                graph::collapseAll);
        Button unfold = tool(MaterialDesignA.ARROW_EXPAND_ALL, "Unfold all groups", () -> {
            graph.selectedNodes().clear();
            graph.expandSelectedGroups();
        });
        Button undo = tool(MaterialDesignU.UNDO, "Undo the last what-if edit (Ctrl+Z)", viewModel::undo);
        undo.setId("toolUndo");
        undo.disableProperty().bind(viewModel.canUndoProperty().not().or(viewModel.editingProperty()));
        Button redo = tool(MaterialDesignR.REDO, "Redo (Ctrl+Shift+Z)", viewModel::redo);
        redo.disableProperty().bind(viewModel.canRedoProperty().not().or(viewModel.editingProperty()));
        ComboBox<String> show = new ComboBox<>();
        show.setId(VIEW_CHOICE_ID);
        show.getItems().setAll(VIEW_NAMES);
        show.setTooltip(new Tooltip("Which part of the account to draw (large accounts start with the findings)"));
        show.disableProperty().bind(noAccount);
        Runnable syncShow = () -> show.setValue(viewName(viewModel.viewProperty().get()));
        viewModel.viewProperty().addListener((o, a, b) -> syncShow.run());
        syncShow.run();
        show.setOnAction(e -> {
            int index = VIEW_NAMES.indexOf(show.getValue());
            ViewSelection.View current = viewModel.viewProperty().get();
            switch (index) {
                case 0 -> {
                    if (current.kind() != ViewSelection.Kind.DEFAULT) {
                        viewModel.showView(ViewSelection.View.DEFAULT);
                    }
                }
                case 1 -> {
                    if (current.kind() != ViewSelection.Kind.ALL) {
                        viewModel.showView(ViewSelection.View.ALL);
                    }
                }
                case 2 -> {
                    if (current.kind() != ViewSelection.Kind.FINDINGS) {
                        viewModel.showView(ViewSelection.View.FINDINGS);
                    }
                }
                case 3 -> {
                    if (current.kind() != ViewSelection.Kind.INTERNET) {
                        viewModel.showView(ViewSelection.View.INTERNET);
                    }
                }
                case 4 -> {
                    if (current.kind() != ViewSelection.Kind.AROUND) {
                        viewModel.showAroundSelection();
                    }
                }
                default -> {
                }
            }
            javafx.application.Platform.runLater(syncShow);
        });
        Label showLabel = new Label("Show");
        showLabel.getStyleClass().add("toolbar-label");
        ToolBar bar = new ToolBar(
                tool(MaterialDesignF.FOLDER_OPEN_OUTLINE, "Open a snapshot (Ctrl+O)", viewModel::openWithDialog),
                new Separator(), undo, redo, new Separator(), showLabel, show,
                new Separator(),
                tool(MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Zoom in (+)", canvas::zoomIn),
                tool(MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Zoom out (-)", canvas::zoomOut),
                tool(MaterialDesignF.FIT_TO_SCREEN_OUTLINE, "Fit the diagram to the window (0)", canvas::fit),
                new Separator(), focus, path, fold, unfold, new Separator(), exportSvg, exportPng, exportReport,
                spacer, theme);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(viewModel.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label work = new Label();
        work.textProperty().bind(viewModel.executor().messageProperty());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(viewModel.executor().progressProperty());
        progress.visibleProperty().bind(viewModel.executor().busyProperty());
        work.visibleProperty().bind(viewModel.executor().busyProperty());
        HBox bar = new HBox(10, status, spacer, work, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static final List<String> VIEW_NAMES = List.of("Default view", "Everything", "Findings' paths",
            "Internet's reach", "Reach of the selection");

    private static String viewName(ViewSelection.View view) {
        return VIEW_NAMES.get(switch (view.kind()) {
            case DEFAULT -> 0;
            case ALL -> 1;
            case FINDINGS -> 2;
            case INTERNET -> 3;
            case AROUND -> 4;
        });
    }

    private void openScanDialog() {
        ScanView.show(getScene().getWindow(), viewModel.newScan(), getScene().getStylesheets());
    }

    private static String capitalised(GraphExport.Format format) {
        return format.name().charAt(0) + format.id().substring(1);
    }

    private static MenuItem item(String text, String accelerator, Ikon icon, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button tool(Ikon icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setTooltip(new Tooltip(tooltip));
        button.setAccessibleText(tooltip);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Node warningIcon() {
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_OUTLINE);
        icon.getStyleClass().add("warning-icon");
        return icon;
    }
}
