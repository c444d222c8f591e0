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
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench layout [--nodes N] [--runs R] [--seed S]}. */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = "Times ELK layout and first paint (1920x1080, fit to view and readable zoom) of a"
                + " synthetic diagram.")
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

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = spec.commandLine().getOut();
        Diagram diagram = SyntheticDiagrams.generate(nodes, seed);
        ElkDiagramLayout layout = ElkDiagramLayout.withAwtFonts();
        out.printf("diagram: %d nodes, %d edges (seed %d); %d timed runs after 1 warm-up%n",
                diagram.nodeCount(), diagram.edgeCount(), seed, runs);
        double[] layoutMs = new double[runs];
        double[] fitPaintMs = new double[runs];
        double[] readablePaintMs = new double[runs];
        LaidOutDiagram laidOut = null;
        for (int run = -1; run < runs; run++) {
            long t0 = System.nanoTime();
            laidOut = layout.layout(diagram, LayoutOptions.defaults().withEdgeLabels(labels));
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
                && diagram.edgeCount() <= LayoutOptions.AUTO_LABEL_LIMIT);
        out.printf("layout (ELK layered, edge labels %s): median %.0f ms, min %.0f ms%n", labelled ? "on"
                : "off", median(layoutMs), min(layoutMs));
        out.printf("first paint, whole diagram fitted in 1920x1080: median %.1f ms%n", median(fitPaintMs));
        out.printf("first paint, readable zoom 0.75 in 1920x1080: median %.1f ms%n", median(readablePaintMs));
        out.printf("laid-out size: %.0f x %.0f px%n", laidOut.width(), laidOut.height());
        out.printf("java %s, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        return IamAtlasCommand.EXIT_OK;
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
