package dev.iamatlas.model.bench;

import dev.iamatlas.model.bench.AccessGraphBenchmark.Result;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.synth.SynthConfig;
import dev.iamatlas.model.synth.SyntheticAccountGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The access-graph benchmark over several scales in one run (a main in test scope, not a timed unit test), for the
 * growth figures of docs/performance.md; one scale at a time, {@code ./iam-atlas bench graph --scale 1} runs the same
 * code ({@link AccessGraphBenchmark}) from the program.
 *
 * <pre>
 * mvn -B -q -pl resources,graph-model test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx2g -XX:ActiveProcessorCount=2 \
 *     -cp graph-model/target/classes:graph-model/target/test-classes:$(cat graph-model/target/bench.cp) \
 *     dev.iamatlas.model.bench.GraphBenchmark synth 0.1 1
 * </pre>
 *
 * <p>Arguments: the account, {@code synth} (the {@code synth} generator's, default) or {@code stress}
 * ({@link StressAccount}), then the scales (default {@code 0.1 1 3}). {@code -Dbench.passes=N} sets the passes
 * (default 5), {@code -Dbench.verbose=true} prints every edit.
 */
public final class GraphBenchmark {
    private static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
    private static final int PASSES = Integer.getInteger("bench.passes", 5);

    private GraphBenchmark() {
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        String account = !rest.isEmpty() && !Character.isDigit(rest.get(0).charAt(0)) ? rest.remove(0) : "synth";
        List<Double> scales = new ArrayList<>();
        rest.forEach(a -> scales.add(Double.parseDouble(a)));
        if (scales.isEmpty()) {
            scales.addAll(List.of(0.1, 1.0, 3.0));
        }
        List<String> table = new ArrayList<>();
        table.add("scale  nodes    edges    findings  build_s  build_cpu_s  heap_MB  edit_median_ms  popular_first_ms"
                + "  popular_later_max_ms  max_ms");
        for (double scale : scales) {
            AccountSnapshot snapshot = account.equals("stress") ? StressAccount.generate(scale, 42)
                    : SyntheticAccountGenerator.generate(SynthConfig.benchmark(42).scaled(scale));
            Result r = AccessGraphBenchmark.run(snapshot, PASSES, Runtime.getRuntime().availableProcessors(),
                    VERBOSE ? t -> System.out.println(BenchmarkReport.line(t)) : null);
            BenchmarkReport.lines(account + " " + scale + "x, seed 42", r).forEach(System.out::println);
            System.out.println();
            List<AccessGraphBenchmark.EditTiming> popular = r.of(BenchmarkEdits.Kind.MANAGED_POPULAR);
            long laterMax = popular.stream().skip(1).mapToLong(AccessGraphBenchmark.EditTiming::millis).max().orElse(-1);
            long max = r.edits().stream().mapToLong(AccessGraphBenchmark.EditTiming::millis).max().orElse(-1);
            table.add(String.format(Locale.ROOT, "%-5s  %7d  %7d  %8d  %7.2f  %11.2f  %7d  %14d  %16d  %20d  %6d", scale,
                    r.nodes(), r.edges(), r.findings(), r.buildMillis() / 1000.0, r.buildCpuMillis() / 1000.0, r.heapMb(),
                    r.medianMillis(null), popular.isEmpty() ? -1 : popular.get(0).millis(), laterMax, max));
        }
        table.forEach(System.out::println);
    }
}
