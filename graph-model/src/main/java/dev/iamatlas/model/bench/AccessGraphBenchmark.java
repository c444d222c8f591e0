package dev.iamatlas.model.bench;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.edit.ChangeSet;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.synth.SyntheticAccounts;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The access-graph benchmark: opens an analysis of an account (graph and findings, timed), measures the heap it
 * holds, then applies {@link BenchmarkEdits single-policy edits} one at a time and times each incremental
 * re-analysis. The {@code bench graph} command and the test-scope {@code GraphBenchmark} both run it; neither this
 * class nor its results print anything.
 *
 * <p>Passes: the first applies every edit to the account as it was opened (what a user's first what-if costs: the
 * code that only edits run is not compiled yet) and then undoes them all; each later pass applies the same edits with
 * other documents, so that it measures edits the analysis has not seen, with the code compiled.
 *
 * <p>Times: an edit's {@link ChangeSet#millis()} (graph, findings and reach diff), the wall time of the whole
 * {@link AnalysisSession#apply} (also making the edited snapshot), and the CPU time of the whole process meanwhile
 * (every thread, the garbage collector's and the compiler's included).
 */
public final class AccessGraphBenchmark {

    private AccessGraphBenchmark() {
    }

    /**
     * How big an account is.
     *
     * @param roles IAM roles
     * @param functions Lambda functions
     * @param apis REST, HTTP and WebSocket APIs
     * @param routes REST methods and v2 routes
     * @param deployedRoutes routes times the stages they are deployed to (each is a route node)
     * @param policies policy documents, as {@link SyntheticAccounts#policyCount} counts them
     */
    public record AccountSize(int roles, int functions, int apis, int routes, int deployedRoutes, int policies) {

        /** The size of {@code account}. Linear in it. */
        public static AccountSize of(AccountSnapshot account) {
            int deployed = 0;
            for (RestApi api : account.restApis()) {
                int methods = 0;
                for (RestResource r : api.resources()) {
                    methods += r.methods().size();
                }
                deployed += api.stages().size() * methods;
            }
            for (ApiV2 api : account.apisV2()) {
                deployed += api.stages().size() * api.routes().size();
            }
            return new AccountSize(account.iam().roles().size(), account.functions().size(),
                    account.restApis().size() + account.apisV2().size(), SyntheticAccounts.routeCount(account), deployed,
                    SyntheticAccounts.policyCount(account));
        }
    }

    /**
     * One edit applied once.
     *
     * @param kind what the edit stands for
     * @param pass which pass (0: the first)
     * @param description the edit's description
     * @param millis the re-analysis, as {@link ChangeSet#millis()} reports it
     * @param wallMillis the whole {@link AnalysisSession#apply}
     * @param cpuMillis process CPU time during the apply
     * @param unitsRerun rule units that ran again
     * @param findingUnitsRerun detector units that ran again
     * @param edgesChanged edges added, removed and changed
     */
    public record EditTiming(BenchmarkEdits.Kind kind, int pass, String description, long millis, long wallMillis,
            long cpuMillis, int unitsRerun, int findingUnitsRerun, int edgesChanged) {
    }

    /**
     * What a run measured.
     *
     * @param size the account's size
     * @param processors processors the JVM may use
     * @param maxHeapMb the JVM's maximum heap
     * @param buildMillis wall time to open the analysis (graph and findings)
     * @param buildCpuMillis process CPU time meanwhile
     * @param heapMb heap in use after a full collection, with the analysis open
     * @param nodes graph nodes
     * @param edges graph edges
     * @param findings findings
     * @param edits every edit of every pass, in order
     * @param loadBefore the system load average when the run started (negative when unknown)
     * @param loadAfter the system load average when it ended (negative when unknown)
     */
    public record Result(AccountSize size, int processors, long maxHeapMb, long buildMillis, long buildCpuMillis,
            long heapMb, int nodes, int edges, int findings, List<EditTiming> edits, double loadBefore,
            double loadAfter) {

        public Result {
            edits = List.copyOf(edits);
        }

        /** The edits of one kind, every pass, in order. */
        public List<EditTiming> of(BenchmarkEdits.Kind kind) {
            List<EditTiming> out = new ArrayList<>();
            for (EditTiming t : edits) {
                if (t.kind() == kind) {
                    out.add(t);
                }
            }
            return out;
        }

        /** The median of the edits' {@link EditTiming#millis()} in the given passes (all when null), or -1. */
        public long medianMillis(Integer pass) {
            List<Long> values = new ArrayList<>();
            for (EditTiming t : edits) {
                if (pass == null || t.pass() == pass) {
                    values.add(t.millis());
                }
            }
            if (values.isEmpty()) {
                return -1;
            }
            Collections.sort(values);
            return values.get(values.size() / 2);
        }
    }

    /**
     * Runs the benchmark on {@code account}.
     *
     * @param passes how many times the edits are applied (at least 1)
     * @param parallelism worker threads for the analysis
     * @param progress told of each edit as it is timed (the CLI prints it when asked to); may be null
     * @throws IllegalArgumentException when {@code passes} is below 1
     */
    public static Result run(AccountSnapshot account, int passes, int parallelism, Consumer<EditTiming> progress) {
        Objects.requireNonNull(account, "account");
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1, got " + passes);
        }
        Runtime rt = Runtime.getRuntime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        AccountSize size = AccountSize.of(account);
        collectGarbage();
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        try (AnalysisSession session = AnalysisSession.open(account, parallelism)) {
            long buildMillis = (System.nanoTime() - start) / 1_000_000;
            long buildCpu = (processCpuNanos() - cpu0) / 1_000_000;
            collectGarbage();
            long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            int nodes = session.graph().nodes().size();
            int edges = session.graph().edges().size();
            int findings = session.findings().size();
            List<EditTiming> timings = new ArrayList<>();
            for (int pass = 0; pass < passes; pass++) {
                List<BenchmarkEdits.Labelled> edits = BenchmarkEdits.of(account, pass);
                for (BenchmarkEdits.Labelled e : edits) {
                    long c = processCpuNanos();
                    long t = System.nanoTime();
                    ChangeSet change = session.apply(e.edit());
                    long wall = (System.nanoTime() - t) / 1_000_000;
                    long editCpu = (processCpuNanos() - c) / 1_000_000;
                    EditTiming timing = new EditTiming(e.kind(), pass, change.description(), change.millis(), wall,
                            editCpu, change.unitsRerun(), change.findingUnitsRerun(), change.diff().added().size()
                                    + change.diff().removed().size() + change.diff().changed().size());
                    timings.add(timing);
                    if (progress != null) {
                        progress.accept(timing);
                    }
                }
                while (session.canUndo()) {
                    session.undo();
                }
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new Result(size, rt.availableProcessors(), rt.maxMemory() >> 20, buildMillis, buildCpu, heap, nodes,
                    edges, findings, timings, loadBefore, loadAfter);
        }
    }

    /** CPU time of the whole process (every thread, the JIT compiler and GC included), in nanoseconds; 0 if unknown. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Asks for a full collection a few times, so that the heap in use is what the analysis holds. */
    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
