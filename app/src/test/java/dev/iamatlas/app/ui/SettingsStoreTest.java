package dev.iamatlas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.ui.support.Settings;
import dev.iamatlas.app.ui.support.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @Test
    void settingsComeBackAsTheyWereSaved(@TempDir Path dir) {
        SettingsStore store = new SettingsStore(dir.resolve("iam-atlas/settings.json"));
        Settings settings = Settings.DEFAULTS.withTheme("dark").withWindow(new Settings.Window(10, 20, 1200, 800,
                true)).withRecent(Path.of("/tmp/a.json")).withRecent(Path.of("/tmp/b.json"));

        store.save(settings);

        assertThat(store.load()).isEqualTo(settings);
    }

    @Test
    void recentFilesAreMostRecentFirstWithoutDuplicatesAndAtMostTen() {
        Settings settings = Settings.DEFAULTS;
        for (int i = 0; i < 12; i++) {
            settings = settings.withRecent(Path.of("/tmp/" + i + ".json"));
        }
        settings = settings.withRecent(Path.of("/tmp/5.json"));

        assertThat(settings.recentFiles()).hasSize(Settings.MAX_RECENT).startsWith("/tmp/5.json", "/tmp/11.json")
                .doesNotHaveDuplicates();
    }

    @Test
    void anUnreadableFileGivesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");

        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.DEFAULTS);
    }
}
