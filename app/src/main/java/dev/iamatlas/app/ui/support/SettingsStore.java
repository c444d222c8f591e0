package dev.iamatlas.app.ui.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.iamatlas.model.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@link Settings} in a small JSON file in the user's configuration folder ({@code $XDG_CONFIG_HOME/iam-atlas}
 * or {@code ~/.config/iam-atlas} on Linux, {@code %APPDATA%\IAM Atlas} on Windows, {@code ~/Library/Application
 * Support/IAM Atlas} on macOS; the system property {@code iamatlas.config.dir} overrides it). A missing or
 * unreadable file gives the defaults: settings are a convenience, never a reason not to start.
 */
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The store in the user's configuration folder. */
    public static SettingsStore forUser() {
        return new SettingsStore(configDirectory().resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.DEFAULTS;
        }
        try {
            Settings settings = JSON.readValue(file.toFile(), Settings.class);
            return settings == null ? Settings.DEFAULTS : settings;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Ignoring unreadable settings " + file + ": " + e.getMessage());
            return Settings.DEFAULTS;
        }
    }

    /** Saves; a failure is logged, not thrown (the user loses only remembered window state). */
    public void save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = JSON.writeValueAsBytes(settings);
            AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> out.write(bytes));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save settings " + file + ": " + e.getMessage());
        }
    }

    static Path configDirectory() {
        String override = System.getProperty("iamatlas.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "IAM Atlas");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "IAM Atlas");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.config", "iam-atlas");
    }
}
