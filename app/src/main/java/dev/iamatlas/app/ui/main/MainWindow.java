package dev.iamatlas.app.ui.main;

import dev.iamatlas.app.ui.support.Settings;
import dev.iamatlas.app.ui.support.Themes;
import java.io.File;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the main view in a stage: scene, style sheet, theme, remembered placement, drag and drop of files. */
public final class MainWindow {
    private MainWindow() {
    }

    /** Builds the main window on {@code stage} (not shown yet) and returns its view. */
    public static MainView install(Stage stage, MainViewModel viewModel) {
        MainView view = new MainView(viewModel);
        Settings.Window placement = viewModel.settings().window();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = placement == null ? Math.min(1680, screen.getWidth() * 0.94) : placement.width();
        double height = placement == null ? Math.min(1050, screen.getHeight() * 0.94) : placement.height();
        width = Math.min(Math.max(800, width), screen.getWidth());
        height = Math.min(Math.max(560, height), screen.getHeight());
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("main.css")).toExternalForm());
        Themes.apply(viewModel.themeProperty().get());
        viewModel.themeProperty().addListener((o, a, b) -> {
            Themes.apply(b);
            view.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), Themes.DARK.equals(b));
        });
        view.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"),
                Themes.DARK.equals(viewModel.themeProperty().get()));
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        if (placement != null && onSomeScreen(placement)) {
            stage.setX(placement.x());
            stage.setY(placement.y());
            stage.setMaximized(placement.maximized());
        }
        stage.setOnHiding(e -> viewModel.rememberWindow(new Settings.Window(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized())));

        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            Dragboard board = e.getDragboard();
            boolean done = false;
            if (board.hasFiles()) {
                List<File> files = board.getFiles();
                if (!files.isEmpty()) {
                    viewModel.open(files.get(0).toPath());
                    done = true;
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
        return view;
    }

    private static boolean onSomeScreen(Settings.Window w) {
        return !Screen.getScreensForRectangle(w.x(), w.y(), Math.max(1, w.width()), Math.max(1, w.height()))
                .isEmpty();
    }
}
