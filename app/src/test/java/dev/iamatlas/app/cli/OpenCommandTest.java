package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line around the window: what happens without starting it. */
class OpenCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return IamAtlasCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpAndVersionWorkWithoutADisplay() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("open", "Usage: iam-atlas").doesNotContainPattern("(?m)^\\s+bench\\s");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("iam-atlas ");
    }

    @Test
    void openingAMissingFileIsAOneLineUsageError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        assertThat(run("open", missing.toString())).isEqualTo(IamAtlasCommand.EXIT_USAGE);

        assertThat(err.toString().strip()).isEqualTo("iam-atlas: " + missing + ": no such file");
    }

    @Test
    void openingAFolderIsAUsageError(@TempDir Path dir) {
        assertThat(run("open", dir.toString())).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("is a folder");
    }

    @Test
    void openWithoutAFileSaysWhatIsMissing() {
        assertThat(run("open")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }
}
