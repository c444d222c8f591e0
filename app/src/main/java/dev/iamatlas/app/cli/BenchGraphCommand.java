package dev.iamatlas.app.cli;

import dev.iamatlas.model.bench.AccessGraphBenchmark;
import dev.iamatlas.model.bench.BenchmarkReport;
import dev.iamatlas.model.bench.StressAccount;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotSource;
import dev.iamatlas.model.synth.SynthConfig;
import dev.iamatlas.model.synth.SyntheticAccountGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench graph [--scale X] [--account synth|stress] [--seed S]}, or {@code bench graph --snapshot FILE|demo}:
 * builds an account's access graph and findings, then times single-policy what-if edits (see
 * {@link AccessGraphBenchmark}). Figures are recorded in {@code docs/performance.md}.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Times building the access graph and all findings of a synthetic account (or of a snapshot),"
                + " the heap it holds, and incremental re-analysis after single-policy edits: an inline policy, a"
                + " trust policy, a Lambda permission, the most widely attached managed policy, and others.")
final class BenchGraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scale", defaultValue = "1", description = "Size of the synthetic account: 1 is 10,000 roles,"
            + " 5,000 functions, 1,000 APIs with 20,000 routes, 20,000 policies (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--account", defaultValue = "synth", description = "Which synthetic account: synth (the synth"
            + " command's) or stress (harsher: more wildcards, a third of the routes lack their permission; default"
            + " ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic account (default"
            + " ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--snapshot", paramLabel = "FILE|demo", description = "Benchmark this account instead of a"
            + " synthetic one.")
    String snapshot;

    @Option(names = "--passes", defaultValue = "5", description = "How many times the edits are applied: the first"
            + " pass is a user's first what-if, later ones use other documents with the code compiled (default"
            + " ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--verbose", description = "Print every edit as it is timed.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (passes < 1) {
            throw new ParameterException(spec.commandLine(), "--passes must be at least 1, got " + passes);
        }
        AccountSnapshot snapshotToRun;
        String name;
        if (snapshot != null) {
            snapshotToRun = SnapshotSource.load(snapshot);
            name = snapshot;
        } else {
            if (!(scale > 0)) {
                throw new ParameterException(spec.commandLine(), "--scale must be positive, got " + scale);
            }
            long t0 = System.nanoTime();
            switch (account) {
                case "synth":
                    snapshotToRun = SyntheticAccountGenerator.generate(SynthConfig.benchmark(seed).scaled(scale));
                    break;
                case "stress":
                    snapshotToRun = StressAccount.generate(scale, seed);
                    break;
                default:
                    throw new ParameterException(spec.commandLine(), "--account must be synth or stress, got " + account);
            }
            name = String.format(Locale.ROOT, "%s %sx, seed %d", account, scale, seed);
            out.printf(Locale.ROOT, "generated the account in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            out.flush();
        }
        AccessGraphBenchmark.Result result = AccessGraphBenchmark.run(snapshotToRun, passes,
                Runtime.getRuntime().availableProcessors(), verbose ? t -> {
                    out.println(BenchmarkReport.line(t));
                    out.flush();
                } : null);
        BenchmarkReport.lines(name, result).forEach(out::println);
        out.flush();
        return IamAtlasCommand.EXIT_OK;
    }
}
