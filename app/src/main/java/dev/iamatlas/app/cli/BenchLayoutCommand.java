package dev.iamatlas.app.cli;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramPainter;
import dev.iamatlas.app.diagram.DiagramTheme;
import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.diagram.Emphasis;
import dev.iamatlas.app.diagram.Graphics2DSurface;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.diagram.LayoutOptions;
import dev.iamatlas.app.diagram.SyntheticDiagrams;
import dev.iamatlas.app.diagram.Viewport;
import dev.iamatlas.app.explore.Exploration;
import dev.iamatlas.app.explore.GraphExploration;
import dev.iamatlas.app.explore.ViewSelection;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench layout [--nodes N] [--runs R] [--seed S]}, or {@code bench layout --snapshot FILE|demo
 * [--max-nodes N] [--view V]}: a synthetic diagram, or an account's diagram through the app's own adapter and view.
 */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = "Times ELK layout and first paint (1920x1080, fit to view and readable zoom) of a"
                + " synthetic diagram, or of an account's view (--snapshot): the analysis, the adapter, the view"
                + " selection and folding the desktop app does, then layout and paint.")
final class BenchLayoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "2000", description = "Diagram size (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs after one warm-up (default"
            + " ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--labels", defaultValue = "AUTO", description = "Edge labels: ${COMPLETION-CANDIDATES}"
            + " (default ${DEFAULT-VALUE}).")
    LayoutOptions.EdgeLabels labels;

    @Option(names = "--snapshot", paramLabel = "FILE|demo", description = "Lay out this account's view instead of"
            + " a synthetic diagram.")
    String snapshot;

    @Option(names = "--max-nodes", defaultValue = "2000", description = "With --snapshot: the most nodes the view"
            + " shows (default ${DEFAULT-VALUE}).")
    int maxNodes;

    @Option(names = "--view", defaultValue = "findings", description = "With --snapshot: default, all, findings,"
            + " internet or around:NODE_ID (default ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--fold", defaultValue = "false", description = "With --snapshot: fold as the app does at"
            + " first (qualifiers, capabilities, then APIs); default: nothing folded, every node of the view drawn.")
    boolean fold;

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = spec.commandLine().getOut();
        Diagram diagram;
        LayoutOptions base = LayoutOptions.defaults().withEdgeLabels(labels);
        if (snapshot != null) {
            Loaded loaded = load(out);
            diagram = loaded.diagram();
            base = base.withCollapsedGroups(loaded.folded());
        } else {
            diagram = SyntheticDiagrams.generate(nodes, seed);
            out.printf("diagram: %d nodes, %d edges (seed %d); %d timed runs after 1 warm-up%n",
                    diagram.nodeCount(), diagram.edgeCount(), seed, runs);
        }
        ElkDiagramLayout layout = ElkDiagramLayout.withAwtFonts();
        double[] layoutMs = new double[runs];
        double[] fitPaintMs = new double[runs];
        double[] readablePaintMs = new double[runs];
        LaidOutDiagram laidOut = null;
        for (int run = -1; run < runs; run++) {
            long t0 = System.nanoTime();
            laidOut = layout.layout(diagram, base);
            long t1 = System.nanoTime();
            double fit = paint(laidOut, Viewport.fit(laidOut, 1920, 1080, 24, 1));
            double readable = paint(laidOut, new Viewport(0.75, 24 - laidOut.minX() * 0.75,
                    24 - laidOut.minY() * 0.75, 1920, 1080));
            if (run >= 0) {
                layoutMs[run] = (t1 - t0) / 1e6;
                fitPaintMs[run] = fit;
                readablePaintMs[run] = readable;
            }
        }
        boolean labelled = labels == LayoutOptions.EdgeLabels.ON || (labels == LayoutOptions.EdgeLabels.AUTO
                && laidOut.diagram().edgeCount() <= LayoutOptions.AUTO_LABEL_LIMIT);
        if (snapshot != null) {
            out.printf("laid out: %d nodes, %d edges%n", laidOut.boxes().size(), laidOut.routes().size());
        }
        out.printf("layout (ELK layered, edge labels %s): median %.0f ms, min %.0f ms%n", labelled ? "on"
                : "off", median(layoutMs), min(layoutMs));
        out.printf("first paint, whole diagram fitted in 1920x1080: median %.1f ms%n", median(fitPaintMs));
        out.printf("first paint, readable zoom 0.75 in 1920x1080: median %.1f ms%n", median(readablePaintMs));
        out.printf("laid-out size: %.0f x %.0f px%n", laidOut.width(), laidOut.height());
        out.printf("java %s, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        return IamAtlasCommand.EXIT_OK;
    }

    private record Loaded(Diagram diagram, java.util.Set<String> folded) {
    }

    /** Reads and analyses the account and selects the view, as the desktop app does; prints what each step took. */
    private Loaded load(PrintWriter out) {
        long t0 = System.nanoTime();
        dev.iamatlas.model.snapshot.AccountSnapshot account;
        try {
            account = dev.iamatlas.model.snapshot.SnapshotSource.load(snapshot);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        dev.iamatlas.model.edit.AnalysisSession session = dev.iamatlas.model.edit.AnalysisSession.open(account);
        long ta = System.nanoTime();
        Exploration exploration = GraphExploration.of(session);
        long t2 = System.nanoTime();
        try {
            Diagram all = exploration.diagram();
            ViewSelection.View chosen = ViewSelection.View.parse(view);
            java.util.Set<String> shown = ViewSelection.nodes(all, exploration.findings(), chosen, maxNodes);
            Diagram diagram = shown == null ? all : all.restrictTo(shown);
            java.util.Set<String> folded = fold ? ViewSelection.defaultFolding(all, shown) : java.util.Set.of();
            long t3 = System.nanoTime();
            out.printf("account %s: %,d functions, %,d roles; graph %,d nodes, %,d edges, %,d findings%n",
                    account.accountId(), account.functions().size(), account.iam().roles().size(), all.nodeCount(),
                    all.edgeCount(), exploration.findings().size());
            out.printf("read %.0f ms, analysis (graph and findings) %.0f ms, adapter (diagram) %.0f ms, view"
                    + " selection and folding %.0f ms%n", (t1 - t0) / 1e6, (ta - t1) / 1e6, (t2 - ta) / 1e6,
                    (t3 - t2) / 1e6);
            out.printf("view %s, at most %,d nodes: %,d nodes, %,d edges%s; %d timed runs after 1 warm-up%n",
                    chosen.describe(), maxNodes, diagram.nodeCount(), diagram.edgeCount(), folded.isEmpty() ? ""
                    : " (" + folded.size() + " groups folded as the app does)", runs);
            return new Loaded(diagram, folded);
        } finally {
            session.close();
        }
    }

    private static double paint(LaidOutDiagram d, Viewport view) {
        BufferedImage image = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            long t0 = System.nanoTime();
            new DiagramPainter(DiagramTheme.LIGHT).paint(new Graphics2DSurface(g), d, view, Emphasis.NONE);
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            g.dispose();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }
}
