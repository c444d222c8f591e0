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
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop application. Started by {@link #launchWith(Path, boolean)} (the CLI's {@code GuiLauncher}); opens
 * the given snapshot, or the demo account, or an empty window that invites to open one.
 */
public final class IamAtlasApplication extends Application {
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
