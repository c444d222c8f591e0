package dev.iamatlas.app.cli;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanMetadata;
import dev.iamatlas.model.snapshot.SnapshotJson;
import dev.iamatlas.model.synth.SynthConfig;
import dev.iamatlas.model.synth.SyntheticAccountGenerator;
import dev.iamatlas.model.synth.SyntheticAccounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iam-atlas synth}: writes a large synthetic account for benchmarks. The same options give the same file,
 * byte for byte. The generator is {@link SyntheticAccountGenerator}; this command only writes its result.
 */
@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a large, realistic synthetic account for benchmarks.",
            "The same options give the same file, byte for byte.",
            "The defaults are the benchmark account: 5,000 functions, 10,000 roles and 1,000 APIs with 20,000 "
                    + "routes and 20,000 policies."},
        footer = {"", "Examples:", "  iam-atlas synth --out bench.json",
            "  iam-atlas synth --functions 500 --roles 1000 --apis 100 --seed 7 --out a.json"})
public final class SynthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--functions", paramLabel = "N", description = "Lambda functions (default: ${DEFAULT-VALUE}).")
    int functions = SynthConfig.DEFAULT_FUNCTIONS;

    @Option(names = "--roles", paramLabel = "N",
            description = "IAM roles, execution roles included (default: ${DEFAULT-VALUE}).")
    int roles = SynthConfig.DEFAULT_ROLES;

    @Option(names = "--apis", paramLabel = "N",
            description = "API Gateway APIs, REST, HTTP and WebSocket (default: ${DEFAULT-VALUE}).")
    int apis = SynthConfig.DEFAULT_APIS;

    @Option(names = "--routes", paramLabel = "N",
            description = "Routes (REST methods and HTTP/WebSocket routes) over all APIs (default: "
                    + SynthConfig.ROUTES_PER_API + " per API).")
    Integer routes;

    @Option(names = "--policies", paramLabel = "N",
            description = "Identity and resource policy documents, trust policies not counted (default: "
                    + SynthConfig.POLICIES_PER_ROLE + " per role).")
    Integer policies;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--account-id", paramLabel = "ID", description = "The account id (default: ${DEFAULT-VALUE}).")
    String accountId = SynthConfig.DEFAULT_ACCOUNT;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write the snapshot; '-' for standard output.")
    String out;

    @Override
    public Integer call() throws IOException {
        SynthConfig config;
        try {
            config = new SynthConfig(functions, roles, apis,
                    routes != null ? routes : apis * SynthConfig.ROUTES_PER_API,
                    policies != null ? policies : roles * SynthConfig.POLICIES_PER_ROLE, seed, accountId);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long start = System.nanoTime();
        AccountSnapshot snapshot = withToolVersion(SyntheticAccountGenerator.generate(config));
        String where;
        String size = "";
        if ("-".equals(out)) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(SnapshotJson.toJson(snapshot));
            stdout.flush();
            where = "standard output";
        } else {
            Path file = Path.of(out);
            SnapshotJson.write(snapshot, file);
            where = file.toAbsolutePath().normalize().toString();
            size = String.format(Locale.ROOT, ", %.1f MB", Files.size(file) / 1e6);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "iam-atlas: synthetic account %s (seed %d): %d functions, %d roles, %d APIs,"
                        + " %d routes, %d policies; written to %s%s in %.1f s%n", snapshot.accountId(), seed,
                snapshot.functions().size(), snapshot.iam().roles().size(),
                snapshot.restApis().size() + snapshot.apisV2().size(), SyntheticAccounts.routeCount(snapshot),
                SyntheticAccounts.policyCount(snapshot), where, size, (System.nanoTime() - start) / 1e9);
        err.flush();
        return IamAtlasCommand.EXIT_OK;
    }

    private static AccountSnapshot withToolVersion(AccountSnapshot snapshot) {
        ScanMetadata m = snapshot.metadata();
        return snapshot.toBuilder().metadata(new ScanMetadata(m.accountId(), m.accountAlias(), m.partition(),
                m.regions(), m.source(), IamAtlasCommand.version(), m.callerArn(), m.startedAt(), m.finishedAt(),
                m.complete(), m.apiCalls())).build();
    }
}
