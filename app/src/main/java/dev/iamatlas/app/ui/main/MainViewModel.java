package dev.iamatlas.app.ui.main;

import dev.iamatlas.app.diagram.DiagramExporter;
import dev.iamatlas.app.diagram.DiagramLayout;
import dev.iamatlas.app.diagram.Emphasis;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.diagram.Viewport;
import dev.iamatlas.app.explore.DemoSnapshot;
import dev.iamatlas.app.explore.Exploration;
import dev.iamatlas.app.explore.InspectionSource;
import dev.iamatlas.app.explore.SnapshotExploration;
import dev.iamatlas.app.ui.findings.FindingsViewModel;
import dev.iamatlas.app.ui.graph.GraphViewModel;
import dev.iamatlas.app.ui.inspector.InspectorViewModel;
import dev.iamatlas.app.ui.navigator.NavigatorViewModel;
import dev.iamatlas.app.ui.support.ClipboardService;
import dev.iamatlas.app.ui.support.DialogService;
import dev.iamatlas.app.ui.support.DialogService.FileType;
import dev.iamatlas.app.ui.support.Settings;
import dev.iamatlas.app.ui.support.SettingsStore;
import dev.iamatlas.app.ui.support.TaskExecutor;
import dev.iamatlas.app.ui.support.Themes;
import dev.iamatlas.model.io.AtomicFiles;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands: open (file, recent, demo, dropped), save, save as, export, theme, and
 * the settings that are remembered. Owns the panels' view models. Everything slow runs through the {@link
 * TaskExecutor}; every dialog goes through the {@link DialogService}.
 */
public final class MainViewModel {
    static final List<FileType> SNAPSHOT_TYPES = List.of(new FileType("IAM Atlas snapshots (*.json)", "*.json"),
            new FileType("All files", "*.*"));

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final SettingsStore settingsStore;
    /** Turns a snapshot into what the window shows; the one place that knows about the adapter. */
    private final Function<AccountSnapshot, Exploration> explorer;

    private final GraphViewModel graph;
    private final NavigatorViewModel navigator;
    private final InspectorViewModel inspector;
    private final FindingsViewModel findings;
    private final ObservableList<ScanGap> gaps = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<Exploration> exploration = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("IAM Atlas");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final StringProperty theme = new SimpleStringProperty(Themes.LIGHT);
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.DEFAULTS);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();

    public MainViewModel(TaskExecutor executor, DialogService dialogs, ClipboardService clipboard,
            SettingsStore settingsStore, DiagramLayout layout) {
        this(executor, dialogs, clipboard, settingsStore, layout, SnapshotExploration::of);
    }

    public MainViewModel(TaskExecutor executor, DialogService dialogs, ClipboardService clipboard,
            SettingsStore settingsStore, DiagramLayout layout, Function<AccountSnapshot, Exploration> explorer) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.settingsStore = Objects.requireNonNull(settingsStore, "settingsStore");
        this.explorer = Objects.requireNonNull(explorer, "explorer");
        this.graph = new GraphViewModel(executor, layout, dialogs);
        this.navigator = new NavigatorViewModel(graph);
        this.inspector = new InspectorViewModel(graph, clipboard);
        this.findings = new FindingsViewModel(graph, inspector);
        Settings loaded = settingsStore.load();
        settings.set(loaded);
        theme.set(loaded.theme());
        refreshRecent();
        theme.addListener((o, a, b) -> updateSettings(settings.get().withTheme(b)));
        graph.laidOutProperty().addListener((o, a, b) -> updateStatus());
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

    public ObservableList<ScanGap> gaps() {
        return gaps;
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

    /** True while nothing is open: the window invites to open a snapshot. */
    public BooleanBinding emptyBinding() {
        return Bindings.createBooleanBinding(() -> exploration.get() == null, exploration);
    }

    public boolean demoAvailable() {
        return DemoSnapshot.available();
    }

    // ------------------------------------------------------------------------------------------------ opening

    /** Opens a snapshot file in the background; a file that cannot be read gets an error dialog naming it. */
    public void open(Path path) {
        Objects.requireNonNull(path, "path");
        executor.execute("Opening " + path.getFileName() + "…", progress -> {
            AccountSnapshot snapshot = SnapshotJson.read(path);
            progress.update(-1, "Building the diagram…");
            return explorer.apply(snapshot);
        }, result -> {
            show(result, path);
            updateSettings(settings.get().withRecent(path).withLastDirectory(path.toAbsolutePath().getParent()));
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

    /** Opens the bundled demo account; says so when this build has none. */
    public void openDemo() {
        executor.execute("Opening the demo account…", progress -> DemoSnapshot.load().map(explorer),
                result -> result.ifPresentOrElse(e -> show(e, null), () -> dialogs.showInfo("No demo account",
                        "This build of IAM Atlas has no bundled demo account. Open a snapshot file instead.")),
                error -> dialogs.showError("Cannot open the demo account", message(error, null)));
    }

    /** Shows an exploration (already built) as the open account. */
    public void show(Exploration value, Path from) {
        exploration.set(value);
        file.set(from);
        gaps.setAll(value.snapshot().gaps());
        inspector.sourceProperty().set(value.inspections());
        navigator.show(value.snapshot());
        findings.show(value.findings(), value.evaluated());
        graph.show(value.diagram());
        String alias = value.snapshot().metadata().accountAlias();
        String account = (alias == null ? "" : alias + " ") + value.snapshot().accountId();
        title.set("IAM Atlas — " + (from == null ? "demo account" : from.getFileName().toString()) + " (" + account
                + ")");
        updateStatus();
    }

    /** Closes the open account: back to the empty window. */
    public void close() {
        exploration.set(null);
        file.set(null);
        gaps.clear();
        inspector.sourceProperty().set(InspectionSource.NONE);
        navigator.show(null);
        findings.clear();
        graph.show(dev.iamatlas.app.diagram.Diagram.empty());
        title.set("IAM Atlas");
        status.set("");
    }

    // ------------------------------------------------------------------------------------------------ saving

    /** Saves the open snapshot to its file (normalised, owner-only); asks for a file when it has none. */
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
            updateSettings(settings.get().withRecent(saved).withLastDirectory(saved.toAbsolutePath().getParent()));
            status.set("Saved " + saved);
        }, error -> dialogs.showError("Cannot save " + target.getFileName(), message(error, target)));
    }

    // ------------------------------------------------------------------------------------------------ export

    /** The PNG scale factors offered. */
    public static final List<String> PNG_SCALES = List.of("1×", "2×", "3×", "4×");

    /**
     * Asks where to export the diagram (and, for PNG, at what scale), then writes it in the background.
     *
     * @param currentView the view to export, or null for the whole diagram
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
        String base = file.get() == null ? "diagram" : file.get().getFileName().toString().replaceFirst("\\.json$",
                "");
        double chosenScale = scale;
        dialogs.chooseFileToSave("Export diagram as " + ext.toUpperCase(java.util.Locale.ROOT), lastDirectory(),
                base + (currentView == null ? "" : "-view") + "." + ext,
                List.of(new FileType(ext.toUpperCase(java.util.Locale.ROOT) + " image (*." + ext + ")", "*." + ext)))
                .ifPresent(target -> export(target, format, chosenScale, currentView));
    }

    /** Writes the diagram (whole, or the given view) to {@code target} in the background. */
    public void export(Path target, DiagramExporter.Format format, double scale, Viewport currentView) {
        LaidOutDiagram d = graph.laidOut();
        Emphasis emphasis = graph.emphasisProperty().get();
        DiagramExporter exporter = new DiagramExporter(Themes.diagramTheme(theme.get()), new Emphasis(Set.of(), Set.of(),
                emphasis.pathEdges(), emphasis.focus()));
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

    private void updateStatus() {
        Exploration e = exploration.get();
        if (e == null) {
            status.set("");
            return;
        }
        LaidOutDiagram d = graph.laidOut();
        StringBuilder text = new StringBuilder();
        text.append(d.boxes().size()).append(" nodes · ").append(d.routes().size()).append(" links");
        text.append(e.evaluated() ? " · policies evaluated" : " · configured links, not yet evaluated");
        if (!e.snapshot().gaps().isEmpty()) {
            int n = e.snapshot().gaps().size();
            text.append(" · ").append(n).append(n == 1 ? " scan gap" : " scan gaps");
        }
        status.set(text.toString());
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
}
