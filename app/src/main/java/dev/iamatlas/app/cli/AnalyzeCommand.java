package dev.iamatlas.app.cli;

import dev.iamatlas.app.report.ReportAttachments;
import dev.iamatlas.app.report.ReportExporter;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.report.AnalysisReport;
import dev.iamatlas.model.report.ReportFinding;
import dev.iamatlas.model.report.ReportWriters;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iam-atlas analyze SNAPSHOT}: the findings and the reach summary, in any report format, through the same
 * {@link AnalysisReport}, {@link ReportAttachments} (the diagram of HTML and PDF reports) and {@link ReportExporter}
 * the desktop app's "export report" uses. Exit code 0, 1 when a
 * finding is at or above {@code --fail-on}, 2 for a usage or input error.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Reports a snapshot's findings and what the Internet can reach.",
            "Every finding comes most severe first, with the path that shows it, the evidence and the fix; the reach "
                    + "summary lists the public routes, the functions behind them and their roles.",
            "Formats: text (terminal), json, md (Markdown), html (one self-contained file with the diagram), sarif "
                    + "(SARIF 2.1.0 for code scanning), csv (one row per finding), and pdf (with the diagram; needs "
                    + "--out FILE).",
            "The diagram is the account's default view: all of a small account, the most severe findings' paths of "
                    + "a large one.",
            "Exit code: 0, or 1 when --fail-on is given and a finding is at or above it, or 2 for a usage or input "
                    + "error."},
        footer = {"", "Examples:",
            "  iam-atlas analyze demo",
            "  iam-atlas analyze prod.json --format sarif --out iam-atlas.sarif \\",
            "      --fail-on high",
            "  iam-atlas analyze prod.json --out report.html      # format from the extension"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SNAPSHOT",
            description = "A snapshot file (from scan, import or synth), or 'demo' for the bundled demo account.")
    String snapshot;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, json, md, html, sarif, csv or pdf. Default: from the --out file's extension, else text.")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the report (owner-only); '-' or absent: standard output.")
    String out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with code 1 when a finding is SEVERITY or more severe: critical, high, medium, low or info.")
    String failOn;

    @Override
    public Integer call() throws IOException {
        ReportExporter.Format f = format();
        Severity threshold = CliFiles.threshold(spec, failOn);
        boolean stdout = CliFiles.toStdout(out);
        CliFiles.refuseOverwritingInput(spec, out, snapshot);
        if (f.binary() && stdout) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format " + f.id() + " writes a binary file: give --out FILE");
        }
        AccountSnapshot loaded = SnapshotSource.load(snapshot);
        AnalysisReport report;
        ReportExporter.Attachments attachments;
        try (AnalysisSession session = AnalysisSession.open(loaded)) {
            report = AnalysisReport.of(session, snapshot, IamAtlasCommand.version());
            attachments = ReportAttachments.forFormat(f, session);
        }
        if (f == ReportExporter.Format.SARIF) {
            attachments = attachments.withArtifact(CliFiles.artifactUri(snapshot), CliFiles.lines(snapshot, loaded));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (stdout) {
            PrintWriter stdoutWriter = spec.commandLine().getOut();
            ReportWriters.forFormat(f.textFormat(), attachments.options()).write(report, stdoutWriter);
            stdoutWriter.flush();
        } else {
            Path file = Path.of(out);
            ReportExporter.write(report, f, attachments, file);
            err.println("iam-atlas: " + f.id() + " report on account " + report.snapshot().accountDisplay() + " ("
                    + report.counts().describeFindings() + ") written to " + file.toAbsolutePath().normalize());
        }
        if (threshold != null) {
            List<ReportFinding> failing = report.findingsAtLeast(threshold);
            if (!failing.isEmpty()) {
                err.println("iam-atlas: " + failing.size() + (failing.size() == 1 ? " finding is " : " findings are ")
                        + threshold + " or more severe (--fail-on " + threshold.name().toLowerCase(java.util.Locale.ROOT)
                        + ")");
                err.flush();
                return IamAtlasCommand.EXIT_FINDINGS;
            }
        }
        err.flush();
        return IamAtlasCommand.EXIT_OK;
    }

    private ReportExporter.Format format() {
        try {
            if (format != null) {
                return ReportExporter.Format.parse(format);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        if (!CliFiles.toStdout(out)) {
            ReportExporter.Format byName = ReportExporter.Format.forFileName(out);
            if (byName != null) {
                return byName;
            }
        }
        return ReportExporter.Format.TEXT;
    }
}
