package dev.iamatlas.app.cli;

import dev.iamatlas.app.ui.IamAtlasApplication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Starts the desktop window from the command line. The one class outside {@code ui} that may name UI code; it uses
 * no JavaFX type itself, so the rest of the CLI stays headless.
 */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    /**
     * Opens the window and returns when it is closed.
     *
     * @param file the snapshot to open, or null
     * @param demo whether to open the bundled demo account when {@code file} is null
     * @param err where to say why the window cannot open
     * @return the exit code: 0, or 2 when there is no display or JavaFX cannot start
     */
    public static int launch(Path file, boolean demo, PrintWriter err) {
        if (!displayAvailable()) {
            err.println("iam-atlas: no display to open the window on (DISPLAY is not set). Run it in a desktop"
                    + " session, or use a headless command such as 'iam-atlas export' (see 'iam-atlas --help').");
            err.flush();
            return IamAtlasCommand.EXIT_USAGE;
        }
        // java.awt is used only to measure fonts and to export pictures; never for windows.
        System.setProperty("java.awt.headless", "true");
        try {
            IamAtlasApplication.launchWith(file, demo);
            return IamAtlasCommand.EXIT_OK;
        } catch (RuntimeException | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("iam-atlas: cannot start the desktop window: " + message.lines().findFirst().orElse(message));
            err.flush();
            return IamAtlasCommand.EXIT_USAGE;
        }
    }

    private static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
