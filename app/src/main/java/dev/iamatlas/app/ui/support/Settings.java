package dev.iamatlas.app.ui.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the desktop app remembers between runs: theme, window placement, recent snapshots, last folder.
 *
 * @param theme "light" or "dark"
 * @param window where the main window was, or null the first time
 * @param recentFiles most recent first, at most {@link #MAX_RECENT}
 * @param lastDirectory the folder of the last file chooser, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String theme, Window window, List<String> recentFiles, String lastDirectory) {
    public static final int MAX_RECENT = 10;
    public static final Settings DEFAULTS = new Settings("light", null, List.of(), null);

    public Settings {
        theme = "dark".equals(theme) ? "dark" : "light";
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
    }

    /** The main window's placement. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(double x, double y, double width, double height, boolean maximized) {
    }

    public Settings withTheme(String value) {
        return new Settings(value, window, recentFiles, lastDirectory);
    }

    public Settings withWindow(Window value) {
        return new Settings(theme, value, recentFiles, lastDirectory);
    }

    public Settings withLastDirectory(Path dir) {
        return new Settings(theme, window, recentFiles, dir == null ? null : dir.toString());
    }

    /** Puts {@code file} first in the recent files (absolute), dropping duplicates and the oldest. */
    public Settings withRecent(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        List<String> recent = new ArrayList<>();
        recent.add(path);
        for (String other : recentFiles) {
            if (!other.equals(path) && recent.size() < MAX_RECENT) {
                recent.add(other);
            }
        }
        return new Settings(theme, window, recent, lastDirectory);
    }

    public Settings withoutRecent(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        return new Settings(theme, window, recentFiles.stream().filter(p -> !p.equals(path)).toList(),
                lastDirectory);
    }
}
