package dev.iamatlas.app.cli;

import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.report.SnapshotLines;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotJson;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What the analysis commands share: where output goes, thresholds, and how SARIF names the snapshot file. */
final class CliFiles {
    /** The SARIF name of the bundled demo account. */
    static final String DEMO_ARTIFACT = "demo-account.json";

    private CliFiles() {
    }

    /** Whether {@code out} means standard output: absent or {@code -}. */
    static boolean toStdout(String out) {
        return out == null || "-".equals(out);
    }

    /**
     * Refuses an {@code --out} that is one of the input snapshots: writing a report over the snapshot it was made
     * from would lose the snapshot.
     *
     * @throws CommandLine.ParameterException naming the file
     */
    static void refuseOverwritingInput(CommandSpec spec, String out, String... inputs) {
        if (toStdout(out)) {
            return;
        }
        Path target = Path.of(out).toAbsolutePath().normalize();
        for (String input : inputs) {
            if (SnapshotSource.isDemo(input)) {
                continue;
            }
            Path source = Path.of(input).toAbsolutePath().normalize();
            boolean same = source.equals(target);
            if (!same && Files.exists(source) && Files.exists(target)) {
                try {
                    same = Files.isSameFile(source, target);
                } catch (IOException e) {
                    same = false; // cannot tell: the paths differ, so let the write go ahead
                }
            }
            if (same) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--out " + out + " would overwrite the snapshot " + input + "; choose another file");
            }
        }
    }

    /**
     * The severity named by {@code --fail-on}, or null when the option was not given.
     *
     * @throws CommandLine.ParameterException naming the bad value
     */
    static Severity threshold(CommandSpec spec, String failOn) {
        if (failOn == null) {
            return null;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
        }
    }

    /**
     * The snapshot file as a SARIF artifact URI: a relative path as given (forward slashes, percent-encoded), an
     * absolute path as a {@code file:} URI, the demo as {@value #DEMO_ARTIFACT}.
     */
    static String artifactUri(String snapshotArgument) {
        if (SnapshotSource.isDemo(snapshotArgument)) {
            return DEMO_ARTIFACT;
        }
        Path p = Path.of(snapshotArgument).normalize();
        if (p.isAbsolute()) {
            return p.toUri().toString();
        }
        try {
            return new URI(null, null, p.toString().replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return p.toAbsolutePath().toUri().toString();
        }
    }

    /** The lines of the snapshot file (or, for the demo, of its canonical text), for SARIF line numbers. */
    static SnapshotLines lines(String snapshotArgument, AccountSnapshot snapshot) throws IOException {
        if (SnapshotSource.isDemo(snapshotArgument)) {
            return SnapshotLines.of(SnapshotJson.toJson(snapshot));
        }
        return SnapshotLines.of(Files.readString(Path.of(snapshotArgument)));
    }
}
