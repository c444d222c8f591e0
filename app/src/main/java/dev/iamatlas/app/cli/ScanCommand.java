package dev.iamatlas.app.cli;

import dev.iamatlas.app.scan.AwsProfiles;
import dev.iamatlas.app.scan.AwsScanner;
import dev.iamatlas.app.scan.CancellationToken;
import dev.iamatlas.app.scan.MfaPrompt;
import dev.iamatlas.app.scan.ScanException;
import dev.iamatlas.app.scan.ScanRequest;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iam-atlas scan}: scans a live AWS account into a snapshot file. Progress goes to standard error (a bar
 * on a terminal, occasional lines otherwise), the gaps are listed as warnings at the end, and the exit code is 0
 * even with gaps (they are in the snapshot); 2 for a usage or credentials problem.
 */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Scans a live AWS account into a snapshot file (read-only).",
            "Reads IAM, Organizations, Lambda and API Gateway. Honours AWS_PROFILE, AWS_REGION, SSO profiles, "
                    + "credential_process, AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>. What cannot be read is "
                    + "recorded in the snapshot as a gap.",
            "Exit code 0 when the snapshot was written (gaps are listed as warnings), 2 for a usage or credentials "
                    + "problem."},
        footer = {"", "Examples:",
            "  iam-atlas scan --profile prod --region us-east-1,eu-west-1 --out prod.json",
            "  iam-atlas scan --all-regions      # every region; default profile and file"})
public final class ScanCommand implements Callable<Integer> {
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "P", description = "AWS config profile (default: AWS_PROFILE or the default chain).")
    String profile;

    @Option(names = "--region", paramLabel = "R", split = ",",
            description = "Region to scan; repeat or comma-separate for several (default: the profile's or AWS_REGION).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--all-regions", description = "Scan every region of the partition where Lambda is offered.")
    boolean allRegions;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the snapshot; '-' for standard output (default: ACCOUNT-DATE.iam-atlas.json here).")
    String out;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every call to this AWS-compatible endpoint (overrides AWS_ENDPOINT_URL*).")
    String endpointUrl;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "Assume this role (STS AssumeRole) on top of the base credentials.")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id for --role-arn.")
    String externalId;

    @Option(names = "--no-version-policies",
            description = "Do not read the resource policy of each published Lambda version (one call each; recorded as a gap).")
    boolean noVersionPolicies;

    @Option(names = "--no-progress", description = "Print no progress on standard error.")
    boolean noProgress;

    /** The scanner to use; tests may replace it. */
    Supplier<AwsScanner> scanner = AwsScanner::create;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ScanRequest request = request();

        if (regions.isEmpty() && !allRegions && AwsProfiles.defaultRegion(profile).isEmpty()) {
            err.println("iam-atlas: no region configured (--region, AWS_REGION or the profile); scanning us-east-1");
        }
        boolean terminal = Terminal.stderrIsTerminal();
        ScanProgressPrinter printer = new ScanProgressPrinter(err, terminal, noProgress);
        CancellationToken cancellation = CancellationToken.create();
        CountDownLatch written = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancellation.cancel();
            try {
                written.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iam-atlas-scan-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            AccountSnapshot snapshot;
            try {
                snapshot = scanner.get().scan(request, printer, cancellation);
            } catch (ScanException e) {
                printer.finish();
                err.println("iam-atlas: " + e.getMessage());
                return IamAtlasCommand.EXIT_USAGE;
            }
            printer.finish();
            String where = write(snapshot);
            report(err, snapshot, where);
            return IamAtlasCommand.EXIT_OK;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting (Ctrl-C): the hook is running and has just been released.
            }
        }
    }

    private ScanRequest request() {
        if (allRegions && !regions.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--region and --all-regions exclude each other");
        }
        if (profile != null && !AwsProfiles.exists(profile)) {
            List<String> known = AwsProfiles.names();
            throw new CommandLine.ParameterException(spec.commandLine(), "profile '" + profile
                    + "' is not in the AWS config files (" + (known.isEmpty() ? "no profiles found"
                    : "known: " + String.join(", ", known)) + ")");
        }
        try {
            return ScanRequest.builder()
                    .profile(profile)
                    .regions(regions.stream().map(String::strip).filter(r -> !r.isEmpty()).toList())
                    .allRegions(allRegions)
                    .endpointUrl(endpointUrl == null ? null : new URI(endpointUrl))
                    .roleArn(roleArn)
                    .externalId(externalId)
                    .mfaPrompt(consolePrompt(spec.commandLine().getErr()))
                    .versionPolicies(!noVersionPolicies)
                    .build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private String write(AccountSnapshot snapshot) {
        if ("-".equals(out)) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(SnapshotJson.toJson(snapshot));
            stdout.flush();
            return "standard output";
        }
        Path file = out != null ? Path.of(out) : defaultFile(snapshot);
        try {
            SnapshotJson.write(snapshot, file);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": could not write the snapshot: " + e.getMessage(), e);
        }
        return file.toAbsolutePath().normalize().toString();
    }

    /** {@code ACCOUNT-yyyyMMdd-HHmmss.iam-atlas.json} (UTC, when the scan finished) in the current folder. */
    static Path defaultFile(AccountSnapshot snapshot) {
        java.time.Instant when = snapshot.metadata().finishedAt() != null ? snapshot.metadata().finishedAt()
                : java.time.Instant.now();
        return Path.of(snapshot.accountId() + "-" + FILE_STAMP.format(when) + ".iam-atlas.json");
    }

    private static void report(PrintWriter err, AccountSnapshot snapshot, String where) {
        var meta = snapshot.metadata();
        Duration took = meta.startedAt() == null || meta.finishedAt() == null ? Duration.ZERO
                : Duration.between(meta.startedAt(), meta.finishedAt());
        err.printf("iam-atlas: %s account %s%s: %d functions, %d REST APIs, %d HTTP/WebSocket APIs, %d users, "
                        + "%d roles, %d managed policies; %d API calls in %.1f s%n",
                meta.complete() ? "scanned" : "scan CANCELLED, partial snapshot of", snapshot.accountId(),
                meta.accountAlias() == null ? "" : " (" + meta.accountAlias() + ")", snapshot.functions().size(),
                snapshot.restApis().size(), snapshot.apisV2().size(), snapshot.iam().users().size(),
                snapshot.iam().roles().size(), snapshot.iam().managedPolicies().size(), meta.totalApiCalls(),
                took.toMillis() / 1000.0);
        if (!snapshot.gaps().isEmpty()) {
            err.println("iam-atlas: warning: " + snapshot.gaps().size() + " gap(s): the snapshot lacks what follows");
            for (String line : groupedGaps(snapshot.gaps())) {
                err.println("  warning: " + line);
            }
        }
        err.println("iam-atlas: snapshot written to " + where);
        err.flush();
    }

    /** Gaps of the same kind on one line each, with a count and one example resource. */
    static List<String> groupedGaps(List<ScanGap> gaps) {
        Map<String, List<ScanGap>> groups = new LinkedHashMap<>();
        for (ScanGap gap : gaps) {
            String key = gap.service() + " " + gap.region() + " " + gap.operation() + " " + gap.errorCode();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(gap);
        }
        List<String> lines = new ArrayList<>();
        for (List<ScanGap> group : groups.values()) {
            ScanGap first = group.get(0);
            if (group.size() == 1) {
                lines.add(first.describe());
            } else {
                lines.add(first.service() + " " + first.region() + " " + first.operation() + ": " + first.errorCode()
                        + " for " + group.size() + " resources (first: " + first.resource() + ")"
                        + (first.message() == null ? "" : " (" + first.message() + ")"));
            }
        }
        return lines;
    }

    private static MfaPrompt consolePrompt(PrintWriter err) {
        return serial -> {
            Console console = System.console();
            if (console != null) {
                char[] code = console.readPassword("MFA code for %s: ", serial);
                return code == null ? null : new String(code);
            }
            err.print("MFA code for " + serial + ": ");
            err.flush();
            try {
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        };
    }
}
