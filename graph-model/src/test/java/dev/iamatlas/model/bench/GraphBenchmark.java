package dev.iamatlas.model.bench;

import dev.iamatlas.model.edit.AddLambdaPermission;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.edit.AttachManagedPolicy;
import dev.iamatlas.model.edit.ChangeSet;
import dev.iamatlas.model.edit.RemoveLambdaPermission;
import dev.iamatlas.model.edit.SetInlinePolicy;
import dev.iamatlas.model.edit.SetManagedPolicyDocument;
import dev.iamatlas.model.edit.SetRoleTrustPolicy;
import dev.iamatlas.model.edit.SnapshotEdit;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The access-graph benchmark (a main in test scope, not a timed unit test): builds the synthetic account at 0.1x,
 * 1x and 3x, and for each prints the full build time (graph and findings), the heap used after it, and the time of
 * single-policy incremental re-analyses (wall and process CPU time). Run it the way docs/performance.md says
 * (2 cores, 2 GB heap; 3x needs 4 GB):
 *
 * <pre>
 * mvn -B -q -pl resources,graph-model test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx2g -XX:ActiveProcessorCount=2 \
 *     -cp graph-model/target/classes:graph-model/target/test-classes:$(cat graph-model/target/bench.cp) \
 *     dev.iamatlas.model.bench.GraphBenchmark 0.1 1
 * </pre>
 *
 * <p>Arguments: the scales to run (default {@code 0.1 1 3}). {@code -Dbench.verbose=true} prints every edit.
 */
public final class GraphBenchmark {
    /** {@code -Dbench.verbose=true} prints every edit's time. */
    private static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
    private static final String HEADER = "scale  roles  functions  apis  routes  deployed  nodes   edges   findings  build_s"
            + "  build_cpu_s  heap_MB  incr_median_ms  incr_max_ms  incr_max_cpu_ms";

    private GraphBenchmark() {
    }

    public static void main(String[] args) {
        List<Double> scales = new ArrayList<>();
        for (String a : args) {
            scales.add(Double.parseDouble(a));
        }
        if (scales.isEmpty()) {
            scales = List.of(0.1, 1.0, 3.0);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
                rt.availableProcessors(), rt.maxMemory() >> 20);
        header();
        for (double scale : scales) {
            run(String.valueOf(scale), SyntheticAccount.generate(scale, 42));
        }
    }

    /** Prints the header line of {@link #run(String, AccountSnapshot)}'s table. */
    public static void header() {
        System.out.println(HEADER);
    }

    /** Analyses {@code snapshot} (any account, e.g. another generator's) and prints one line of the table. */
    public static void run(String label, AccountSnapshot snapshot) {
        Runtime rt = Runtime.getRuntime();
        int routes = snapshot.restApis().stream().mapToInt(a -> a.resources().stream().mapToInt(r -> r.methods().size()).sum())
                .sum() + snapshot.apisV2().stream().mapToInt(a -> a.routes().size()).sum();
        int deployed = snapshot.restApis().stream()
                .mapToInt(a -> a.stages().size() * a.resources().stream().mapToInt(r -> r.methods().size()).sum()).sum()
                + snapshot.apisV2().stream().mapToInt(a -> a.stages().size() * a.routes().size()).sum();
        gc();
        long cpu0 = cpu();
        long start = System.nanoTime();
        try (AnalysisSession session = AnalysisSession.open(snapshot, rt.availableProcessors())) {
            double build = (System.nanoTime() - start) / 1e9;
            double buildCpu = (cpu() - cpu0) / 1e9;
            gc();
            long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            List<Long> times = new ArrayList<>();
            long maxCpu = 0;
            for (SnapshotEdit edit : edits(snapshot)) {
                long c = cpu();
                ChangeSet change = session.apply(edit);
                long editCpu = (cpu() - c) / 1_000_000;
                maxCpu = Math.max(maxCpu, editCpu);
                times.add(change.millis());
                if (VERBOSE) {
                    System.out.printf(Locale.ROOT, "  %5d ms (cpu %5d ms, %5d units, %5d finding units)  %s%n",
                            change.millis(), editCpu, change.unitsRerun(), change.findingUnitsRerun(), change.description());
                }
            }
            Collections.sort(times);
            System.out.printf(Locale.ROOT, "%-5s  %5d  %9d  %4d  %6d  %8d  %6d  %6d  %8d  %7.2f  %11.2f  %7d  %14d  %11d  %15d%n", label,
                    snapshot.iam().roles().size(), snapshot.functions().size(),
                    snapshot.restApis().size() + snapshot.apisV2().size(), routes, deployed, session.graph().nodes().size(),
                    session.graph().edges().size(), session.findings().size(), build, buildCpu, heap,
                    times.get(times.size() / 2), times.get(times.size() - 1), maxCpu);
        }
    }

    /** Single-policy edits of every kind, each on a different entity. */
    private static List<SnapshotEdit> edits(AccountSnapshot s) {
        String fn = s.functions().get(s.functions().size() / 2).arn();
        String fn2 = s.functions().get(s.functions().size() / 3).arn();
        String role = s.iam().roles().get(s.iam().roles().size() / 2).arn();
        String execRole = s.iam().roles().get(3).arn();
        String svcRole = s.iam().roles().get(s.iam().roles().size() * 11 / 20).arn();
        String popular = s.iam().managedPolicies().get(1).arn();
        String rare = s.iam().managedPolicies().get(s.iam().managedPolicies().size() - 1).arn();
        PolicyText admin = PolicyText.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        PolicyText assume = PolicyText.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
        PolicyText read = PolicyText.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
        PolicyText trustAll = PolicyText.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}");
        return List.of(
                AddLambdaPermission.forApiGateway(fn, "bench1", "arn:aws:execute-api:us-east-1:123456789012:*/*/*/*", "123456789012"),
                new RemoveLambdaPermission(fn, "bench1"),
                new AddLambdaPermission(fn2, "bench2", "*", "lambda:InvokeFunction", null, null, null),
                new SetInlinePolicy(role, "inline", admin),
                new SetInlinePolicy(execRole, "inline", read),
                new SetInlinePolicy(role, "extra", assume),
                new SetRoleTrustPolicy(svcRole, trustAll),
                new SetRoleTrustPolicy(execRole, trustAll),
                new AttachManagedPolicy(role, rare),
                new SetManagedPolicyDocument(rare, read),
                new SetManagedPolicyDocument(popular, read));
    }

    /** CPU time of the whole process (every thread, JIT compiler and GC included), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
