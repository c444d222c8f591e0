package dev.iamatlas.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsReplacedWholeAndOwnerOnly() throws IOException {
        Path file = dir.resolve("report.txt");
        Files.writeString(file, "old");

        AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aNamedPipeIsWrittenToNotReplaced() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        AtomicFiles.write(fifo, AtomicFiles.Access.OWNER_ONLY, out -> out.write("through".getBytes(StandardCharsets.UTF_8)));

        assertThat(new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("through");
        assertThat(Files.isRegularFile(fifo)).as("like /dev/null or /dev/stdout, the pipe is not replaced").isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void aFolderIsRefused() {
        assertThatThrownBy(() -> AtomicFiles.write(dir, AtomicFiles.Access.OWNER_ONLY, out -> out.write('x')))
                .isInstanceOf(IOException.class).hasMessageContaining("is a folder");
        assertThat(Files.isDirectory(dir)).isTrue();
    }
}
