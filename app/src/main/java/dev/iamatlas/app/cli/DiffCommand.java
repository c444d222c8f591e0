package dev.iamatlas.app.cli;

import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.io.AtomicFiles;
import dev.iamatlas.model.report.DiffReport;
import dev.iamatlas.model.report.DiffWriter;
import dev.iamatlas.model.report.QueryFormat;
import dev.iamatlas.model.report.ReportFinding;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iam-atlas diff OLD NEW}: what reach was gained or lost between two snapshots of an account — edges added,
 * removed or changed in status, findings new or resolved — through {@link DiffReport} (graph-model's incremental
 * analysis). Exit code 0, 1 when {@code --fail-on} is given and a new finding is at or above it, 2 for a usage or
 * input error.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what reach was gained or lost between two snapshots.",
            "Lists the links through which reach was gained or lost (edges added, removed, or changed in status) "
                    + "and the findings that are new or resolved.",
            "Exit code: 0, or 1 when --fail-on is given and a new finding is at or above it, or 2 for a usage or "
                    + "input error."},
        footer = {"", "Examples:",
            "  iam-atlas diff last-week.json today.json",
            "  iam-atlas diff main.json pr.json --format md --out reach-diff.md \\",
            "      --fail-on high"})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier snapshot (a file, or 'demo').")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later snapshot (a file, or 'demo').")
    String after;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or md.")
    String format = "text";

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the diff (owner-only); '-' or absent: standard output.")
    String out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with code 1 when a new finding is SEVERITY or more severe: critical, high, medium, low or info.")
    String failOn;

    @Override
    public Integer call() throws IOException {
        QueryFormat f;
        try {
            f = QueryFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        Severity threshold = CliFiles.threshold(spec, failOn);
        CliFiles.refuseOverwritingInput(spec, out, before, after);
        AccountSnapshot old = SnapshotSource.load(before);
        AccountSnapshot now = SnapshotSource.load(after);
        DiffReport diff = DiffReport.of(old, before, now, after);
        PrintWriter err = spec.commandLine().getErr();
        if (CliFiles.toStdout(out)) {
            DiffWriter.write(diff, f, spec.commandLine().getOut());
        } else {
            Path file = Path.of(out);
            AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, stream -> {
                Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                DiffWriter.write(diff, f, w);
                w.flush();
            });
            err.println("iam-atlas: diff (" + DiffWriter.summary(diff) + ") written to " + file.toAbsolutePath().normalize());
        }
        if (threshold != null) {
            List<ReportFinding> failing = diff.newFindingsAtLeast(threshold);
            if (!failing.isEmpty()) {
                err.println("iam-atlas: " + failing.size() + " new finding" + (failing.size() == 1 ? " is " : "s are ")
                        + threshold + " or more severe (--fail-on " + threshold.name().toLowerCase(Locale.ROOT) + ")");
                err.flush();
                return IamAtlasCommand.EXIT_FINDINGS;
            }
        }
        err.flush();
        return IamAtlasCommand.EXIT_OK;
    }
}
