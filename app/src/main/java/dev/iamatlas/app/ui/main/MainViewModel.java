package dev.iamatlas.app.ui.main;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramExporter;
import dev.iamatlas.app.diagram.DiagramLayout;
import dev.iamatlas.app.diagram.Emphasis;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.diagram.Viewport;
import dev.iamatlas.app.explore.DemoSnapshot;
import dev.iamatlas.app.explore.DiagramExport;
import dev.iamatlas.app.explore.Exploration;
import dev.iamatlas.app.explore.GraphExploration;
import dev.iamatlas.app.explore.InspectionSource;
import dev.iamatlas.app.explore.SnapshotFiles;
import dev.iamatlas.app.explore.ViewSelection;
import dev.iamatlas.app.report.GraphExport;
import dev.iamatlas.app.report.ReportAttachments;
import dev.iamatlas.app.report.ReportExporter;
import dev.iamatlas.app.scan.AwsScanner;
import dev.iamatlas.app.ui.findings.FindingsViewModel;
import dev.iamatlas.app.ui.graph.GraphViewModel;
import dev.iamatlas.app.ui.inspector.InspectorViewModel;
import dev.iamatlas.app.ui.navigator.NavigatorViewModel;
import dev.iamatlas.app.ui.scan.ScanEnvironment;
import dev.iamatlas.app.ui.scan.ScanViewModel;
import dev.iamatlas.app.ui.support.ClipboardService;
import dev.iamatlas.app.ui.support.DialogService;
import dev.iamatlas.app.ui.support.DialogService.FileType;
import dev.iamatlas.app.ui.support.FxTaskExecutor;
import dev.iamatlas.app.ui.support.Settings;
import dev.iamatlas.app.ui.support.SettingsStore;
import dev.iamatlas.app.ui.support.TaskExecutor;
import dev.iamatlas.app.ui.support.Themes;
import dev.iamatlas.app.ui.whatif.WhatIfViewModel;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.edit.ChangeSet;
import dev.iamatlas.model.edit.EdgeChange;
import dev.iamatlas.model.edit.SnapshotEdit;
import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.io.AtomicFiles;
import dev.iamatlas.model.report.AnalysisReport;
import dev.iamatlas.model.report.SnapshotLines;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands: open (file, recent, demo, dropped, GAAD import, live scan), save, export,
 * the view of a large account, what-if edits with undo and redo, theme, and the settings that are remembered. Owns
 * the panels' view models. Everything slow runs through the {@link TaskExecutor}; every dialog goes through the
 * {@link DialogService}.
 */
public final class MainViewModel {
    static final List<FileType> SNAPSHOT_TYPES = List.of(new FileType("IAM Atlas snapshots (*.json)", "*.json"),
            new FileType("All files", "*.*"));
    static final List<FileType> GAAD_TYPES = List.of(new FileType("get-account-authorization-details output"
            + " (*.json)", "*.json"), new FileType("All files", "*.*"));
    /** Above this many nodes, "show everything" is refused: the layout would take minutes and show nothing. */
    public static final int MAX_SHOWN = 4000;

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final SettingsStore settingsStore;
    /** Turns a snapshot into what the window shows; the one place that knows about the adapter. */
    private final Function<AccountSnapshot, Exploration> explorer;
    private final AwsScanner scanner;
    private final ScanEnvironment scanEnvironment;

    private final GraphViewModel graph;
    private final NavigatorViewModel navigator;
    private final InspectorViewModel inspector;
    private final FindingsViewModel findings;
    private final WhatIfViewModel whatIf;
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<ChangeLine> lastChange = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper lastChangeSummary = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<Exploration> exploration = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("IAM Atlas");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final StringProperty theme = new SimpleStringProperty(Themes.LIGHT);
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.DEFAULTS);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ViewSelection.View> view = new ReadOnlyObjectWrapper<>(ViewSelection.View.DEFAULT);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private String sourceName = "";
    private List<String> importWarnings = List.of();

    public MainViewModel(TaskExecutor executor, DialogService dialogs, ClipboardService clipboard,
            SettingsStore settingsStore, DiagramLayout layout) {
        this(executor, dialogs, clipboard, settingsStore, layout, GraphExploration::open);
    }

    public MainViewModel(TaskExecutor executor, DialogService dialogs, ClipboardService clipboard,
            SettingsStore settingsStore, DiagramLayout layout, Function<AccountSnapshot, Exploration> explorer) {
        this(executor, dialogs, clipboard, settingsStore, layout, explorer, AwsScanner.create(), ScanEnvironment.aws());
    }

    /**
     * @param explorer turns a snapshot into what the window shows (the access-graph adapter)
     * @param scanner scans live accounts for the scan dialog
     * @param scanEnvironment the AWS config files the scan dialog offers profiles from
     */
    public MainViewModel(TaskExecutor executor, DialogService dialogs, ClipboardService clipboard,
            SettingsStore settingsStore, DiagramLayout layout, Function<AccountSnapshot, Exploration> explorer,
            AwsScanner scanner, ScanEnvironment scanEnvironment) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.settingsStore = Objects.requireNonNull(settingsStore, "settingsStore");
        this.explorer = Objects.requireNonNull(explorer, "explorer");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.scanEnvironment = Objects.requireNonNull(scanEnvironment, "scanEnvironment");
        this.graph = new GraphViewModel(executor, layout, dialogs);
        this.navigator = new NavigatorViewModel(graph);
        this.inspector = new InspectorViewModel(graph, clipboard);
        this.findings = new FindingsViewModel(graph, inspector);
        this.whatIf = new WhatIfViewModel(exploration::get, dialogs, this::apply);
        inspector.setActionProvider(whatIf::actionsFor);
        Settings loaded = settingsStore.load();
        settings.set(loaded);
        theme.set(loaded.theme());
        refreshRecent();
        theme.addListener((o, a, b) -> updateSettings(settings.get().withTheme(b)));
        graph.laidOutProperty().addListener((o, a, b) -> updateStatus());
        dirty.addListener((o, a, b) -> updateTitle());
    }

    // ------------------------------------------------------------------------------------------------ access

    public GraphViewModel graph() {
        return graph;
    }

    public NavigatorViewModel navigator() {
        return navigator;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public FindingsViewModel findings() {
        return findings;
    }

    public WhatIfViewModel whatIf() {
        return whatIf;
    }

    /** Scan gaps, import warnings and the analysis's notes, one line each. */
    public ObservableList<String> warnings() {
        return warnings;
    }

    /** The what-if edits in effect, oldest first. */
    public ObservableList<String> changes() {
        return changes;
    }

    /** What the last edit, undo or redo changed: links gained, lost or changed, findings new or resolved. */
    public ObservableList<ChangeLine> lastChange() {
        return lastChange;
    }

    public ReadOnlyStringProperty lastChangeSummaryProperty() {
        return lastChangeSummary.getReadOnlyProperty();
    }

    public TaskExecutor executor() {
        return executor;
    }

    public ReadOnlyObjectProperty<Exploration> explorationProperty() {
        return exploration.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "light" or "dark"; remembered. */
    public StringProperty themeProperty() {
        return theme;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public Settings settings() {
        return settings.get();
    }

    public ReadOnlyObjectProperty<ViewSelection.View> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True while a what-if edit, undo or redo is being analysed. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** True when the open snapshot has edits (or was imported or scanned) and is not saved. */
    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    /** True while nothing is open: the window invites to open a snapshot. */
    public BooleanBinding emptyBinding() {
        return Bindings.createBooleanBinding(() -> exploration.get() == null, exploration);
    }

    public boolean demoAvailable() {
        return DemoSnapshot.available();
    }

    // ------------------------------------------------------------------------------------------------ opening

    /**
     * Opens a snapshot file in the background (a GAAD dump is recognised and imported); a file that cannot be read
     * gets an error dialog naming it.
     */
    public void open(Path path) {
        Objects.requireNonNull(path, "path");
        executor.execute("Opening " + path.getFileName() + "…", progress -> {
            SnapshotFiles.Loaded loaded = SnapshotFiles.read(path);
            progress.update(-1, "Analysing " + describe(loaded.snapshot()) + "…");
            return new Opened(explorer.apply(loaded.snapshot()), loaded);
        }, opened -> {
            if (opened.loaded().imported()) {
                show(opened.exploration(), null, path.getFileName() + " (imported)", opened.loaded().warnings());
                dirty.set(true);
                if (!opened.loaded().warnings().isEmpty()) {
                    status.set(status.get() + " · " + opened.loaded().warnings().size() + " import warnings");
                }
            } else {
                show(opened.exploration(), path);
                updateSettings(settings.get().withRecent(path).withLastDirectory(path.toAbsolutePath().getParent()));
            }
        }, error -> {
            String message = message(error, path);
            if (error instanceof NoSuchFileException) {
                updateSettings(settings.get().withoutRecent(path));
            }
            dialogs.showError("Cannot open " + path.getFileName(), message);
        });
    }

    /** Asks for a snapshot file and opens it. */
    public void openWithDialog() {
        dialogs.chooseFileToOpen("Open snapshot", lastDirectory(), SNAPSHOT_TYPES).ifPresent(this::open);
    }

    /** Asks for a GAAD file ({@code aws iam get-account-authorization-details} output) and imports it. */
    public void importGaadWithDialog() {
        dialogs.chooseFileToOpen("Import get-account-authorization-details output", lastDirectory(), GAAD_TYPES)
                .ifPresent(this::importGaad);
    }

    /** Imports a GAAD dump: the IAM part of an account; warnings go to the warnings panel. */
    public void importGaad(Path path) {
        Objects.requireNonNull(path, "path");
        executor.execute("Importing " + path.getFileName() + "…", progress -> {
            SnapshotFiles.Loaded loaded = SnapshotFiles.importGaad(path);
            progress.update(-1, "Analysing " + describe(loaded.snapshot()) + "…");
            return new Opened(explorer.apply(loaded.snapshot()), loaded);
        }, opened -> {
            show(opened.exploration(), null, path.getFileName() + " (imported)", opened.loaded().warnings());
            dirty.set(true);
            updateSettings(settings.get().withLastDirectory(path.toAbsolutePath().getParent()));
        }, error -> dialogs.showError("Cannot import " + path.getFileName(), message(error, path)));
    }

    /** Opens the bundled demo account; says so when this build has none. */
    public void openDemo() {
        executor.execute("Opening the demo account…", progress -> DemoSnapshot.load().map(explorer),
                result -> result.ifPresentOrElse(e -> show(e, null, "demo account", List.of()),
                        () -> dialogs.showInfo("No demo account",
                        "This build of IAM Atlas has no bundled demo account. Open a snapshot file instead.")),
                error -> dialogs.showError("Cannot open the demo account", message(error, null)));
    }

    /** A new scan dialog's view model; its result opens here when the scan ends. */
    public ScanViewModel newScan() {
        return new ScanViewModel(executor, dialogs, scanner, scanEnvironment, FxTaskExecutor::onFxThread,
                this::openScanned);
    }

    /** Analyses a snapshot a scan just made and shows it (unsaved; its gaps in the warnings panel). */
    public void openScanned(AccountSnapshot snapshot) {
        executor.execute("Analysing " + describe(snapshot) + "…", progress -> explorer.apply(snapshot),
                result -> {
                    show(result, null, "scan of " + snapshot.accountId()
                            + (snapshot.metadata().complete() ? "" : ", incomplete"), List.of());
                    dirty.set(true);
                },
                error -> dialogs.showError("Cannot analyse the scan", message(error, null)));
    }

    /** Shows an exploration (already built) as the open account. */
    public void show(Exploration value, Path from) {
        show(value, from, from == null ? "demo account" : from.getFileName().toString(), List.of());
    }

    private void show(Exploration value, Path from, String name, List<String> extraWarnings) {
        Exploration previous = exploration.get();
        if (previous != null && previous.session() != null && previous.session() != value.session()) {
            previous.session().close();
        }
        exploration.set(value);
        file.set(from);
        sourceName = name;
        importWarnings = List.copyOf(extraWarnings);
        dirty.set(false);
        refreshWarnings(value);
        inspector.sourceProperty().set(value.inspections());
        navigator.show(value.snapshot());
        findings.show(value.findings(), value.evaluated());
        changes.clear();
        lastChange.clear();
        lastChangeSummary.set("");
        canUndo.set(false);
        canRedo.set(false);
        view.set(ViewSelection.View.DEFAULT);
        Set<String> shown = ViewSelection.nodes(value.diagram(), value.findings(), ViewSelection.View.DEFAULT,
                ViewSelection.DEFAULT_MAX_NODES);
        graph.show(value.diagram(), shown, ViewSelection.defaultFolding(value.diagram(), shown));
        updateTitle();
        updateStatus();
        findings.selectMostSevere();
    }

    /** Closes the open account: back to the empty window. */
    public void close() {
        Exploration previous = exploration.get();
        if (previous != null && previous.session() != null) {
            previous.session().close();
        }
        exploration.set(null);
        file.set(null);
        warnings.clear();
        changes.clear();
        lastChange.clear();
        lastChangeSummary.set("");
        canUndo.set(false);
        canRedo.set(false);
        dirty.set(false);
        inspector.sourceProperty().set(InspectionSource.NONE);
        navigator.show(null);
        findings.clear();
        graph.show(Diagram.empty());
        title.set("IAM Atlas");
        status.set("");
    }

    // ------------------------------------------------------------------------------------------------ views

    /**
     * Shows another part of a large account: everything (refused above {@value #MAX_SHOWN} nodes, with a
     * message), the findings' paths, what the Internet reaches, or the reach of the selected node.
     */
    public void showView(ViewSelection.View wanted) {
        Exploration e = exploration.get();
        if (e == null) {
            return;
        }
        ViewSelection.View chosen = wanted;
        if (wanted.kind() == ViewSelection.Kind.AROUND && wanted.nodeId() == null) {
            return;
        }
        if (wanted.kind() == ViewSelection.Kind.ALL && e.diagram().nodeCount() > MAX_SHOWN) {
            dialogs.showInfo("Too many nodes to show at once", String.format(Locale.ROOT, "This account has %,d"
                    + " nodes; drawing them all would take minutes and show nothing legible. Search for a name or"
                    + " ARN in the navigator, or show the findings, the Internet's reach, or the reach of the"
                    + " selection.", e.diagram().nodeCount()));
            return;
        }
        int max = wanted.kind() == ViewSelection.Kind.AROUND ? 400 : ViewSelection.DEFAULT_MAX_NODES;
        Set<String> nodes = ViewSelection.nodes(e.diagram(), e.findings(), chosen, max);
        if (nodes != null && nodes.isEmpty()) {
            dialogs.showInfo("Nothing to show", "The view " + chosen.describe() + " has no nodes in this account.");
            return;
        }
        view.set(chosen);
        graph.showOnly(nodes);
        if (chosen.kind() == ViewSelection.Kind.AROUND) {
            graph.reveal(chosen.nodeId());
        }
    }

    /** Shows the reach of the one selected node (upstream and downstream). */
    public void showAroundSelection() {
        if (graph.selectedNodes().size() == 1) {
            showView(ViewSelection.View.around(graph.selectedNodes().iterator().next()));
        } else {
            dialogs.showInfo("Select one node", "Select one node in the graph or the navigator first; this view shows"
                    + " what reaches it and what it reaches.");
        }
    }

    // ------------------------------------------------------------------------------------------------ what-if

    /** Applies a what-if edit in the background, then shows what it changed. */
    public void apply(SnapshotEdit edit) {
        Objects.requireNonNull(edit, "edit");
        runEdit("Applying: " + edit.description() + "…", session -> session.apply(edit));
    }

    /** Undoes the last what-if edit. */
    public void undo() {
        if (canUndo.get()) {
            runEdit("Undoing…", AnalysisSession::undo);
        }
    }

    /** Redoes the last undone edit. */
    public void redo() {
        if (canRedo.get()) {
            runEdit("Redoing…", AnalysisSession::redo);
        }
    }

    private void runEdit(String title, Function<AnalysisSession, ChangeSet> operation) {
        Exploration current = exploration.get();
        if (current == null || current.session() == null || editing.get()) {
            return;
        }
        if (exporting.get()) {
            dialogs.showInfo("Busy", "An export is reading the account; make the change when it is done.");
            return;
        }
        AnalysisSession session = current.session();
        editing.set(true);
        executor.execute(title, progress -> {
            ChangeSet change = operation.apply(session);
            progress.update(-1, "Updating the diagram…");
            return new Edited(change, GraphExploration.of(session), List.copyOf(session.changeList()),
                    session.canUndo(), session.canRedo());
        }, edited -> {
            editing.set(false);
            showEdited(edited);
        }, error -> {
            editing.set(false);
            dialogs.showError("Cannot make this change", message(error, null));
        });
    }

    private void showEdited(Edited edited) {
        Exploration value = edited.exploration();
        Exploration before = exploration.get();
        exploration.set(value);
        inspector.sourceProperty().set(value.inspections());
        Set<String> newIds = new LinkedHashSet<>();
        edited.change().diff().newFindings().forEach(f -> newIds.add(f.id()));
        findings.update(value.findings(), newIds);
        Set<String> changedEdges = new LinkedHashSet<>();
        Set<String> ends = new LinkedHashSet<>();
        for (EdgeChange c : edited.change().diff().added()) {
            changedEdges.add(c.id());
            ends.add(c.source());
            ends.add(c.target());
        }
        for (EdgeChange c : edited.change().diff().changed()) {
            changedEdges.add(c.id());
            ends.add(c.source());
            ends.add(c.target());
        }
        graph.update(value.diagram(), ends);
        graph.changedEdgesProperty().set(changedEdges);
        changes.setAll(edited.changeList());
        canUndo.set(edited.canUndo());
        canRedo.set(edited.canRedo());
        dirty.set(!edited.changeList().isEmpty() || file.get() == null);
        describeChange(edited.change(), before == null ? value : before, value);
        refreshWarnings(value);
        updateStatus();
    }

    private void describeChange(ChangeSet change, Exploration before, Exploration after) {
        List<ChangeLine> lines = new ArrayList<>();
        var diff = change.diff();
        for (EdgeChange c : diff.gained()) {
            lines.add(new ChangeLine(ChangeLine.Kind.GAINED, edgeText(c, before, after), c.after() == null ? null
                    : c.id()));
        }
        for (EdgeChange c : diff.lost()) {
            lines.add(new ChangeLine(ChangeLine.Kind.LOST, edgeText(c, before, after), c.after() == null ? null
                    : c.id()));
        }
        for (Finding f : diff.resolvedFindings()) {
            lines.add(new ChangeLine(ChangeLine.Kind.RESOLVED, f.severity() + " " + f.ruleId() + ": " + f.message(),
                    null));
        }
        for (Finding f : diff.newFindings()) {
            lines.add(new ChangeLine(ChangeLine.Kind.NEW_FINDING, f.severity() + " " + f.ruleId() + ": " + f.message(),
                    null));
        }
        lastChange.setAll(lines);
        lastChangeSummary.set(capitalise(change.description()) + String.format(Locale.ROOT, " — %d link%s gained,"
                + " %d lost; %d finding%s resolved, %d new (re-analysed in %d ms)", diff.gained().size(),
                diff.gained().size() == 1 ? "" : "s", diff.lost().size(), diff.resolvedFindings().size(),
                diff.resolvedFindings().size() == 1 ? "" : "s", diff.newFindings().size(), change.millis()));
    }

    private static String edgeText(EdgeChange c, Exploration before, Exploration after) {
        String from = label(c.source(), after, before);
        String to = label(c.target(), after, before);
        String statuses = (c.before() == null ? "new" : c.before().name()) + " → " + (c.after() == null ? "gone"
                : c.after().name());
        return from + " " + c.type().verb() + " " + to + " (" + statuses + ")";
    }

    private static String label(String id, Exploration a, Exploration b) {
        return a.diagram().node(id).or(() -> b.diagram().node(id)).map(n -> n.label()).orElse(id);
    }

    /**
     * One line of the last change.
     *
     * @param kind what happened
     * @param text the line
     * @param edgeId the edge to select when the line is chosen, or null
     */
    public record ChangeLine(Kind kind, String text, String edgeId) {
        /** What happened. */
        public enum Kind { GAINED, LOST, RESOLVED, NEW_FINDING }

        @Override
        public String toString() {
            return switch (kind) {
                case GAINED -> "＋ gained: ";
                case LOST -> "－ lost: ";
                case RESOLVED -> "✓ resolved: ";
                case NEW_FINDING -> "! new finding: ";
            } + text;
        }
    }

    // ------------------------------------------------------------------------------------------------ saving

    /** Saves the open snapshot (with its what-if edits) to its file; asks for a file when it has none. */
    public void save() {
        if (exploration.get() == null) {
            return;
        }
        if (file.get() == null) {
            saveAs();
            return;
        }
        saveTo(file.get());
    }

    /** Saves the open snapshot to a file the user chooses. */
    public void saveAs() {
        if (exploration.get() == null) {
            return;
        }
        String name = file.get() == null ? "account-" + exploration.get().snapshot().accountId() + ".json"
                : file.get().getFileName().toString();
        dialogs.chooseFileToSave("Save snapshot as", lastDirectory(), name, SNAPSHOT_TYPES).ifPresent(this::saveTo);
    }

    private void saveTo(Path target) {
        AccountSnapshot snapshot = exploration.get().snapshot();
        executor.execute("Saving " + target.getFileName() + "…", progress -> {
            SnapshotJson.write(snapshot, target);
            return target;
        }, saved -> {
            file.set(saved);
            sourceName = saved.getFileName().toString();
            dirty.set(false);
            updateTitle();
            updateSettings(settings.get().withRecent(saved).withLastDirectory(saved.toAbsolutePath().getParent()));
            status.set("Saved " + saved);
        }, error -> dialogs.showError("Cannot save " + target.getFileName(), message(error, target)));
    }

    // ------------------------------------------------------------------------------------------------ export

    /** The PNG scale factors offered. */
    public static final List<String> PNG_SCALES = List.of("1×", "2×", "3×", "4×");

    /**
     * Asks where to export the diagram (and, for PNG, at what scale), then writes it in the background. The
     * export shows the diagram as laid out now: the current view, folding and the nodes dragged by hand.
     *
     * @param currentView the part of the canvas to export, or null for the whole diagram as shown
     */
    public void exportWithDialog(DiagramExporter.Format format, Viewport currentView) {
        LaidOutDiagram d = graph.laidOut();
        if (d.boxes().isEmpty()) {
            dialogs.showInfo("Nothing to export", "Open a snapshot first: the diagram is empty.");
            return;
        }
        double scale = 1;
        if (format == DiagramExporter.Format.PNG) {
            Optional<String> choice = dialogs.choose("Export PNG", "Scale factor (2× for sharp slides and"
                    + " high-density screens):", PNG_SCALES, "2×");
            if (choice.isEmpty()) {
                return;
            }
            scale = Double.parseDouble(choice.get().replace("×", ""));
        }
        String ext = format == DiagramExporter.Format.SVG ? "svg" : "png";
        double chosenScale = scale;
        dialogs.chooseFileToSave("Export diagram as " + ext.toUpperCase(Locale.ROOT), lastDirectory(),
                baseName() + (currentView == null ? "" : "-view") + "." + ext,
                List.of(new FileType(ext.toUpperCase(Locale.ROOT) + " image (*." + ext + ")", "*." + ext)))
                .ifPresent(target -> export(withExtension(target, ext), format, chosenScale, currentView));
    }

    /** Writes the diagram (whole, or the given view) to {@code target} in the background. */
    public void export(Path target, DiagramExporter.Format format, double scale, Viewport currentView) {
        LaidOutDiagram d = graph.laidOut();
        Emphasis emphasis = graph.emphasisProperty().get();
        DiagramExporter exporter = new DiagramExporter(Themes.diagramTheme(theme.get()), new Emphasis(Set.of(),
                Set.of(), emphasis.pathEdges(), emphasis.focus()));
        DiagramExporter.Region region;
        if (currentView == null) {
            region = DiagramExporter.Region.whole(d);
        } else {
            double[] r = currentView.visibleRect();
            region = new DiagramExporter.Region(r[0], r[1], r[2], r[3]);
        }
        executor.execute("Exporting " + target.getFileName() + "…", progress -> {
            exporter.write(d, region, format, scale, target);
            return target;
        }, written -> {
            status.set("Exported " + written);
            updateSettings(settings.get().withLastDirectory(written.toAbsolutePath().getParent()));
        }, error -> dialogs.showError("Cannot export " + target.getFileName(), message(error, target)));
    }

    /** The graph formats offered besides pictures: they carry every attribute, for other tools. */
    public static final List<GraphExport.Format> DATA_FORMATS = List.of(GraphExport.Format.DOT,
            GraphExport.Format.GRAPHML, GraphExport.Format.JSON);

    /**
     * Asks where to write the graph as DOT, GraphML or JSON, then writes it in the background through
     * {@link GraphExport}, the service behind {@code iam-atlas export}.
     *
     * @param currentView the part of the canvas whose nodes to write (a folded group stands for its members), or null
     *     for the whole graph: every node and edge of the account, shown or not
     */
    public void exportGraphWithDialog(GraphExport.Format format, Viewport currentView) {
        Objects.requireNonNull(format, "format");
        if (format.picture()) {
            throw new IllegalArgumentException("pictures are exported from the canvas: " + format);
        }
        if (exploration.get() == null) {
            dialogs.showInfo("Nothing to export", "Open a snapshot first.");
            return;
        }
        String ext = format.extension();
        dialogs.chooseFileToSave("Export " + (currentView == null ? "the whole graph" : "the current view") + " as "
                + format.description(), lastDirectory(), baseName() + (currentView == null ? "-graph" : "-view") + "."
                + ext, List.of(new FileType(format.description() + " (*." + ext + ")", "*." + ext)))
                .ifPresent(target -> exportGraph(withExtension(target, ext), format, currentView));
    }

    /**
     * Writes the graph (whole, or the nodes in the given part of the canvas) as DOT, GraphML or JSON in the
     * background. The graph is the account as analysed now, what-if edits included.
     */
    public void exportGraph(Path target, GraphExport.Format format, Viewport currentView) {
        Objects.requireNonNull(target, "target");
        if (format.picture()) {
            throw new IllegalArgumentException("pictures are exported from the canvas: " + format);
        }
        Exploration e = exploration.get();
        if (e == null || !sessionFree()) {
            return;
        }
        GraphExport.Options options = GraphExport.Options.of(format);
        if (currentView != null) {
            double[] r = currentView.visibleRect();
            List<String> boxes = new ArrayList<>();
            graph.laidOut().nodesIn(r[0], r[1], r[2], r[3]).forEach(b -> boxes.add(b.node().id()));
            Set<String> nodes = ViewSelection.unfold(e.diagram(), boxes, graph.visibleProperty().get());
            if (nodes.isEmpty()) {
                dialogs.showInfo("Nothing in view", "No node is in the part of the graph the window shows. Zoom out"
                        + " or fit the diagram to the window (0), then export again.");
                return;
            }
            options = options.withNodes(nodes);
        }
        GraphExport.Options chosen = options;
        exporting.set(true);
        executor.execute("Exporting " + target.getFileName() + "…", progress -> GraphExport.write(e, chosen, target),
                result -> {
                    exporting.set(false);
                    status.set(result.partial() ? String.format(Locale.ROOT, "Exported %,d of %,d nodes and %,d"
                            + " links (%s) to %s", result.nodes(), result.totalNodes(), result.edges(), result.shows(),
                            target) : String.format(Locale.ROOT, "Exported the whole graph (%,d nodes, %,d links) to"
                            + " %s", result.nodes(), result.edges(), target));
                    updateSettings(settings.get().withLastDirectory(target.toAbsolutePath().getParent()));
                }, error -> {
                    exporting.set(false);
                    dialogs.showError("Cannot export " + target.getFileName(), message(error, target));
                });
    }

    /**
     * A report format offered by "Export Report".
     *
     * @param format the format
     * @param label what the choice says
     */
    public record ReportChoice(ReportExporter.Format format, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The report formats offered, in the order shown. */
    public static final List<ReportChoice> REPORT_FORMATS = List.of(
            new ReportChoice(ReportExporter.Format.HTML, "HTML: one self-contained file, with the diagram"),
            new ReportChoice(ReportExporter.Format.PDF, "PDF: for printing, with the diagram"),
            new ReportChoice(ReportExporter.Format.MD, "Markdown: for a pull request or a wiki"),
            new ReportChoice(ReportExporter.Format.CSV, "CSV: one row per finding, for a spreadsheet"),
            new ReportChoice(ReportExporter.Format.SARIF, "SARIF: for code scanning tools"));

    /** Asks for a report format and a file, then writes the report in the background. */
    public void exportReportWithDialog() {
        if (exploration.get() == null) {
            dialogs.showInfo("Nothing to report on", "Open a snapshot first.");
            return;
        }
        Optional<ReportChoice> choice = dialogs.choose("Export report", "The findings, their evidence and fixes, and"
                + " what the Internet reaches, as analysed now (what-if edits included). Format:", REPORT_FORMATS,
                REPORT_FORMATS.get(0));
        if (choice.isEmpty()) {
            return;
        }
        ReportExporter.Format format = choice.get().format();
        String ext = format.extension();
        dialogs.chooseFileToSave("Export report as " + ext.toUpperCase(Locale.ROOT), lastDirectory(),
                baseName() + "-report." + ext, List.of(new FileType(choice.get().label() + " (*." + ext + ")",
                        "*." + ext))).ifPresent(target -> exportReport(withExtension(target, ext), format));
    }

    /**
     * Writes the analysis report in the background: the same content as {@code iam-atlas analyze}, through the same
     * {@link AnalysisReport}, {@link ReportAttachments} and {@link ReportExporter}, on the account as analysed now
     * (what-if edits included). HTML and PDF carry the diagram as the canvas shows it: the same nodes, folding and
     * dragged positions. SARIF results point at the open snapshot file.
     */
    public void exportReport(Path target, ReportExporter.Format format) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(format, "format");
        Exploration e = exploration.get();
        if (e == null || !sessionFree()) {
            return;
        }
        if (e.session() == null) {
            dialogs.showError("Cannot export a report", "This account has not been analysed.");
            return;
        }
        Set<String> shown = graph.visibleProperty().get();
        DiagramExport.Options base = ReportAttachments.defaultDiagram()
                .withCollapsedGroups(Set.copyOf(graph.collapsedGroups())).withPositions(graph.pinnedPositions());
        DiagramExport.Options diagram = shown == null
                ? base.withView(ViewSelection.View.ALL).withMaxNodes(DiagramExport.MAX_NODES) : base.withNodes(shown);
        String name = sourceName;
        Path snapshotFile = file.get();
        exporting.set(true);
        executor.execute("Writing the " + format.id() + " report…", progress -> {
            AnalysisReport report = AnalysisReport.of(e.session(), name, ReportExporter.programVersion());
            progress.update(-1, "Drawing the diagram…");
            ReportExporter.Attachments attachments = ReportAttachments.forFormat(format, e, diagram);
            if (format == ReportExporter.Format.SARIF) {
                attachments = snapshotFile == null
                        ? attachments.withArtifact("account-" + e.snapshot().accountId() + ".json",
                                SnapshotLines.of(SnapshotJson.toJson(e.snapshot())))
                        : attachments.withArtifact(snapshotFile.toAbsolutePath().toUri().toString(),
                                SnapshotLines.of(Files.readString(snapshotFile)));
            }
            progress.update(-1, "Writing " + target.getFileName() + "…");
            ReportExporter.write(report, format, attachments, target);
            return report;
        }, report -> {
            exporting.set(false);
            status.set("Exported the " + format.id() + " report (" + report.counts().describeFindings() + ") to "
                    + target);
            updateSettings(settings.get().withLastDirectory(target.toAbsolutePath().getParent()));
        }, error -> {
            exporting.set(false);
            dialogs.showError("Cannot export " + target.getFileName(), message(error, target));
        });
    }

    /**
     * Whether the analysis session is free for an export to read: not while a what-if edit changes it (nor an edit
     * while an export reads it); says so when not.
     */
    private boolean sessionFree() {
        if (editing.get()) {
            dialogs.showInfo("Busy", "A what-if edit is being analysed; export when it is done.");
            return false;
        }
        if (exporting.get()) {
            dialogs.showInfo("Busy", "An export is running; wait until it is done.");
            return false;
        }
        return true;
    }

    /** The file name the export choosers start with: the snapshot's, without ".json". */
    private String baseName() {
        return file.get() == null ? "diagram" : file.get().getFileName().toString().replaceFirst("\\.json$", "");
    }

    /** The chosen file, with the format's extension added when its name has none (file choosers do not add it). */
    static Path withExtension(Path target, String ext) {
        String name = target.getFileName().toString();
        return name.contains(".") ? target : target.resolveSibling(name + "." + ext);
    }

    /** True while an export reads the analysis session (what-if edits wait for it). */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------------------------------------ settings

    public void toggleTheme() {
        theme.set(Themes.DARK.equals(theme.get()) ? Themes.LIGHT : Themes.DARK);
    }

    /** Remembers the main window's placement. */
    public void rememberWindow(Settings.Window window) {
        updateSettings(settings.get().withWindow(window));
    }

    private void updateSettings(Settings value) {
        settings.set(value);
        settingsStore.save(value);
        refreshRecent();
    }

    private void refreshRecent() {
        recentFiles.setAll(settings.get().recentFiles().stream().map(Path::of).toList());
    }

    private Path lastDirectory() {
        String dir = settings.get().lastDirectory();
        return dir == null ? null : Path.of(dir);
    }

    private void refreshWarnings(Exploration value) {
        List<String> lines = new ArrayList<>();
        for (ScanGap gap : value.snapshot().gaps()) {
            lines.add("Scan gap: " + gap.describe());
        }
        for (String warning : importWarnings) {
            lines.add("Import: " + warning);
        }
        for (String note : value.notes()) {
            lines.add("Analysis: " + note);
        }
        warnings.setAll(lines);
    }

    private void updateTitle() {
        Exploration e = exploration.get();
        if (e == null) {
            title.set("IAM Atlas");
            return;
        }
        String alias = e.snapshot().metadata().accountAlias();
        String account = (alias == null ? "" : alias + " ") + e.snapshot().accountId();
        title.set("IAM Atlas — " + sourceName + (dirty.get() && !changes.isEmpty() ? " • what-if edits" : "")
                + " (" + account + ")");
    }

    private void updateStatus() {
        Exploration e = exploration.get();
        if (e == null) {
            status.set("");
            return;
        }
        LaidOutDiagram d = graph.laidOut();
        int total = e.diagram().nodeCount();
        StringBuilder text = new StringBuilder();
        if (graph.visibleProperty().get() != null && d.boxes().size() < total) {
            String which = view.get().kind() == ViewSelection.Kind.DEFAULT ? (e.findings().isEmpty()
                    ? "what the Internet reaches" : "the most severe findings") : view.get().describe();
            text.append(String.format(Locale.ROOT, "Showing %,d of %,d nodes: %s (Show › Everything, or search, for"
                    + " the rest) · ", d.boxes().size(), total, which));
        } else {
            text.append(String.format(Locale.ROOT, "%,d nodes · %,d links · ", d.boxes().size(), d.routes().size()));
        }
        int n = e.findings().size();
        text.append(n).append(n == 1 ? " finding" : " findings");
        text.append(e.evaluated() ? " · policies evaluated" : " · configured links, not yet evaluated");
        if (!e.snapshot().gaps().isEmpty()) {
            int g = e.snapshot().gaps().size();
            text.append(" · ").append(g).append(g == 1 ? " scan gap" : " scan gaps");
        }
        if (!e.snapshot().metadata().complete()) {
            text.append(" · incomplete snapshot");
        }
        status.set(text.toString());
    }

    private static String describe(AccountSnapshot s) {
        return String.format(Locale.ROOT, "account %s: %,d functions, %,d roles", s.accountId(), s.functions().size(),
                s.iam().roles().size());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** One line for a dialog: the exception's own message (which names the file), never a stack trace. */
    static String message(Throwable error, Path path) {
        if (error instanceof NoSuchFileException && path != null) {
            return path + ": no such file";
        }
        if (error instanceof IOException io && !(error instanceof dev.iamatlas.model.snapshot.SnapshotFormatException)
                && path != null && (io.getMessage() == null || !io.getMessage().contains(path.toString()))) {
            return path + ": " + AtomicFiles.describe(io);
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private record Opened(Exploration exploration, SnapshotFiles.Loaded loaded) {
    }

    private record Edited(ChangeSet change, Exploration exploration, List<String> changeList, boolean canUndo,
            boolean canRedo) {
    }
}
