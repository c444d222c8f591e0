package dev.iamatlas.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so that progress can redraw a bar in place. */
final class Terminal {
    private Terminal() {
    }

    /**
     * On Linux, where {@code /proc/self/fd/2} points; elsewhere, whether the JVM has a console (stdin and stdout
     * are terminals), which is the best Java 17 can tell.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
