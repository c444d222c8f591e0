package dev.iamatlas.app.ui;

import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.ui.main.MainView;
import dev.iamatlas.app.ui.main.MainViewModel;
import dev.iamatlas.app.ui.main.MainWindow;
import dev.iamatlas.app.ui.support.ClipboardService;
import dev.iamatlas.app.ui.support.FxDialogService;
import dev.iamatlas.app.ui.support.FxTaskExecutor;
import dev.iamatlas.app.ui.support.SettingsStore;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop application. Started by {@link #launchWith(Path, boolean)} (the CLI's {@code GuiLauncher}); opens
 * the given snapshot, or the demo account, or an empty window that invites to open one.
 */
public final class IamAtlasApplication extends Application {
    /**
     * JavaFX warns on every start that it was loaded from the class path ("Unsupported JavaFX configuration"); the
     * shaded jar is deliberately so (see Main), and users should not see the warning. Held here so the logger and
     * its level are not garbage-collected.
     */
    private static final Logger PLATFORM_LOG = Logger.getLogger("javafx");
    private static volatile Path initialFile;
    private static volatile boolean openDemo;

    /**
     * Starts the JavaFX runtime and shows the main window; returns when the window is closed.
     *
     * @param file the snapshot to open, or null
     * @param demo whether to open the bundled demo account when {@code file} is null
     */
    public static void launchWith(Path file, boolean demo) {
        initialFile = file;
        openDemo = demo;
        PLATFORM_LOG.setFilter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue()
                || record.getMessage() == null || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(IamAtlasApplication.class);
    }

    @Override
    public void start(Stage stage) {
        Platform.setImplicitExit(true);
        MainViewModel viewModel = new MainViewModel(new FxTaskExecutor(), new FxDialogService(() -> stage),
                ClipboardService.system(), SettingsStore.forUser(), ElkDiagramLayout.withAwtFonts());
        MainView view = MainWindow.install(stage, viewModel);
        stage.show();
        view.canvas().requestFocus();
        if (initialFile != null) {
            viewModel.open(initialFile);
        } else if (openDemo && viewModel.demoAvailable()) {
            viewModel.openDemo();
        }
    }
}
