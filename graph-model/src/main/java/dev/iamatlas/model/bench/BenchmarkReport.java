package dev.iamatlas.model.bench;

import dev.iamatlas.model.bench.AccessGraphBenchmark.EditTiming;
import dev.iamatlas.model.bench.AccessGraphBenchmark.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The access-graph benchmark's results as lines of text, for the {@code bench graph} command and the test main. */
public final class BenchmarkReport {
    private BenchmarkReport() {
    }

    /**
     * The account, the machine, the build and a table of the edits: per kind, the first pass's time and, over the
     * later passes, the median and the maximum.
     *
     * @param account how to name the account ("synth 1x, seed 42", a file name)
     */
    public static List<String> lines(String account, Result r) {
        List<String> out = new ArrayList<>();
        AccessGraphBenchmark.AccountSize s = r.size();
        out.add(String.format(Locale.ROOT, "account %s: %,d roles, %,d functions, %,d APIs, %,d routes (%,d deployed),"
                + " %,d policies", account, s.roles(), s.functions(), s.apis(), s.routes(), s.deployedRoutes(),
                s.policies()));
        out.add(String.format(Locale.ROOT, "java %s, %d processors, max heap %,d MB; load average %s at the start,"
                + " %s at the end", System.getProperty("java.version"), r.processors(), r.maxHeapMb(),
                load(r.loadBefore()), load(r.loadAfter())));
        out.add(String.format(Locale.ROOT, "build (graph and all findings): %.2f s wall, %.2f s CPU; heap after it %,d MB",
                r.buildMillis() / 1000.0, r.buildCpuMillis() / 1000.0, r.heapMb()));
        out.add(String.format(Locale.ROOT, "graph: %,d nodes, %,d edges; %,d findings", r.nodes(), r.edges(),
                r.findings()));
        int passes = 0;
        for (EditTiming t : r.edits()) {
            passes = Math.max(passes, t.pass() + 1);
        }
        out.add(String.format(Locale.ROOT, "incremental re-analysis after one edit, ms (graph, findings and reach diff);"
                + " first pass%s:", passes > 1 ? ", then median and max of the " + (passes - 1) + " later passes" : ""));
        out.add(String.format(Locale.ROOT, "  %-46s %6s %6s %7s %6s %7s %8s %7s", "edit", "first", "cpu", "median",
                "max", "units", "detector", "edges"));
        for (BenchmarkEdits.Kind kind : BenchmarkEdits.Kind.values()) {
            List<EditTiming> all = r.of(kind);
            if (all.isEmpty()) {
                continue;
            }
            EditTiming first = all.get(0);
            List<Long> later = new ArrayList<>();
            for (EditTiming t : all.subList(1, all.size())) {
                later.add(t.millis());
            }
            Collections.sort(later);
            out.add(String.format(Locale.ROOT, "  %-46s %6d %6d %7s %6s %7d %8d %7d", kind.label(), first.millis(),
                    first.cpuMillis(), later.isEmpty() ? "-" : String.valueOf(later.get(later.size() / 2)),
                    later.isEmpty() ? "-" : String.valueOf(later.get(later.size() - 1)), first.unitsRerun(),
                    first.findingUnitsRerun(), first.edgesChanged()));
        }
        long max = 0;
        for (EditTiming t : r.edits()) {
            max = Math.max(max, t.millis());
        }
        out.add(String.format(Locale.ROOT, "all edits: median %d ms (first pass %d ms), max %d ms", r.medianMillis(null),
                r.medianMillis(0), max));
        return out;
    }

    /** One edit as a line, for progress output. */
    public static String line(EditTiming t) {
        return String.format(Locale.ROOT, "  pass %d: %5d ms (apply %5d ms, cpu %5d ms; %5d units, %4d detector units,"
                + " %5d edges changed)  %s", t.pass() + 1, t.millis(), t.wallMillis(), t.cpuMillis(), t.unitsRerun(),
                t.findingUnitsRerun(), t.edgesChanged(), t.description());
    }

    private static String load(double value) {
        return value < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", value);
    }
}
