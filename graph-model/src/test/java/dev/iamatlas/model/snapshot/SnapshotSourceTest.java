package dev.iamatlas.model.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotSourceTest {

    @TempDir
    Path dir;

    @Test
    void theWordDemoLoadsTheBundledDemoAccount() throws IOException {
        AccountSnapshot demo = SnapshotSource.load("demo");

        assertThat(demo.accountId()).isEqualTo("111122223333");
        assertThat(demo.metadata().source()).isEqualTo("demo");
    }

    @Test
    void aFileIsLoadedAsASnapshot() throws IOException {
        Path file = dir.resolve("account.json");
        SnapshotJson.write(SnapshotFixtures.smallAccount(), file);

        assertThat(SnapshotSource.load(file.toString())).isEqualTo(SnapshotFixtures.smallAccount());
    }

    @Test
    void aFileCalledDemoIsReachedWithAPath() throws IOException {
        Path file = dir.resolve("demo");
        SnapshotJson.write(SnapshotFixtures.smallAccount(), file);

        assertThat(SnapshotSource.load(file.toString()).accountId()).isEqualTo("111122223333");
        assertThat(SnapshotSource.isDemo(file.toString())).isFalse();
        assertThat(SnapshotSource.isDemo("demo")).isTrue();
    }

    @Test
    void aMissingFileIsOneLineThatNamesItAndMentionsDemo() {
        String missing = dir.resolve("nope.json").toString();
        assertThatThrownBy(() -> SnapshotSource.load(missing)).isInstanceOf(IOException.class)
                .hasMessage(missing + ": no such file (give a snapshot file, or 'demo' for the bundled demo account)");
    }

    @Test
    void anInvalidFileIsOneLineThatNamesIt() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"formatVersion\": 1", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SnapshotSource.load(file.toString())).isInstanceOf(SnapshotFormatException.class)
                .hasMessageStartingWith(file + ": not valid JSON").satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\n"));
    }

    @Test
    void theBundledDemoIsStoredInTheCanonicalFormat() throws IOException {
        String stored;
        try (InputStream in = SnapshotSource.class.getResourceAsStream(SnapshotSource.DEMO_RESOURCE)) {
            stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(SnapshotJson.toJson(SnapshotSource.demo())).isEqualTo(stored);
    }
}
