package dev.iamatlas.app.cli;

import dev.iamatlas.model.importer.GaadImport;
import dev.iamatlas.model.importer.GaadImporter;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanMetadata;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iam-atlas import --gaad FILE [--out FILE]}: a snapshot from the output of
 * {@code aws iam get-account-authorization-details}. Warnings (policies that cannot be read) go to standard error,
 * one line each, and are recorded as gaps in the snapshot; they do not fail the import. Exit code 0, or 2 when the
 * file is not GAAD output or cannot be read or written.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a snapshot from an IAM authorization-details dump.",
            "Reads the output of 'aws iam get-account-authorization-details --output json' as the AWS CLI prints it: "
                    + "a paged run merged into one document, or several raw pages in one file.",
            "A policy that cannot be read is a warning on standard error and a gap in the snapshot, not a failure.",
            "The snapshot holds IAM only (users, groups, roles, managed policies): the dump has no Lambda or API "
                    + "Gateway."},
        footer = {"", "Example:",
            "  aws iam get-account-authorization-details --output json > gaad.json",
            "  iam-atlas import --gaad gaad.json      # writes gaad.iam-atlas.json"})
public final class ImportCommand implements Callable<Integer> {

    /** The suffix of a snapshot written beside its input. */
    static final String SUFFIX = ".iam-atlas.json";

    @Spec
    CommandSpec spec;

    @Option(names = "--gaad", paramLabel = "FILE", required = true,
            description = "The get-account-authorization-details output; '-' reads standard input.")
    String gaad;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the snapshot; '-' for standard output. Default: beside the input, with "
                    + "the suffix " + SUFFIX + " instead of .json (gaad.json -> gaad" + SUFFIX + "); standard "
                    + "output when the input is standard input.")
    String out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean fromStdin = "-".equals(gaad);
        GaadImporter importer = new GaadImporter();
        GaadImport result = fromStdin ? importer.read(System.in, "standard input") : importer.read(Path.of(gaad));
        AccountSnapshot snapshot = withToolVersion(result.snapshot());

        for (String warning : result.warnings()) {
            err.println("iam-atlas: warning: " + warning);
        }
        String where = write(snapshot, fromStdin);
        err.printf("iam-atlas: imported account %s%s: %d users, %d groups, %d roles, %d managed policies; %d warning%s;"
                        + " snapshot written to %s%n", snapshot.accountId(),
                snapshot.metadata().complete() ? "" : " (INCOMPLETE: the dump was cut short)",
                snapshot.iam().users().size(), snapshot.iam().groups().size(), snapshot.iam().roles().size(),
                snapshot.iam().managedPolicies().size(), result.warnings().size(),
                result.warnings().size() == 1 ? "" : "s", where);
        err.flush();
        return IamAtlasCommand.EXIT_OK;
    }

    private String write(AccountSnapshot snapshot, boolean fromStdin) throws IOException {
        String target = out != null ? out : fromStdin ? "-" : defaultOut(Path.of(gaad)).toString();
        if ("-".equals(target)) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(SnapshotJson.toJson(snapshot));
            stdout.flush();
            return "standard output";
        }
        Path file = Path.of(target);
        if (!fromStdin && file.toAbsolutePath().normalize().equals(Path.of(gaad).toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out " + target + " would overwrite the input; choose another file");
        }
        SnapshotJson.write(snapshot, file);
        return file.toAbsolutePath().normalize().toString();
    }

    /** {@code dir/gaad.json} becomes {@code dir/gaad.iam-atlas.json}; other names get the suffix appended. */
    static Path defaultOut(Path input) {
        String name = input.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? name.substring(0, name.length() - ".json".length()) : name;
        return input.resolveSibling(base + SUFFIX);
    }

    private static AccountSnapshot withToolVersion(AccountSnapshot snapshot) {
        ScanMetadata m = snapshot.metadata();
        return snapshot.toBuilder().metadata(new ScanMetadata(m.accountId(), m.accountAlias(), m.partition(),
                m.regions(), m.source(), IamAtlasCommand.version(), m.callerArn(), m.startedAt(), m.finishedAt(),
                m.complete(), m.apiCalls())).build();
    }
}
