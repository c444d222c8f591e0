package dev.iamatlas.app.explore;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramExporter;
import dev.iamatlas.app.diagram.DiagramTheme;
import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.diagram.Emphasis;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.diagram.LayoutOptions;
import dev.iamatlas.app.diagram.Point;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders an account's access diagram to SVG or PNG without a window: the service behind
 * {@code iam-atlas export SNAPSHOT --format svg|png} and behind reports that embed the diagram. It goes through
 * the same adapter ({@link GraphExploration}), view selection ({@link ViewSelection}), layout
 * ({@link ElkDiagramLayout}) and painter ({@link DiagramExporter}) as the desktop app, so a headless export looks
 * like the app's.
 *
 * <p>Large accounts are exported as a view ({@link Options#view()}, at most {@link Options#maxNodes()} nodes); the
 * whole graph is refused above {@value #MAX_NODES} nodes with a message that says what to do instead.
 */
public final class DiagramExport {
    /** The most nodes a single export lays out. */
    public static final int MAX_NODES = 5000;

    /**
     * How to export.
     *
     * @param format SVG or PNG
     * @param scale PNG pixels per diagram unit (1 to 8; ignored for SVG)
     * @param view which part of the graph
     * @param maxNodes the most nodes the view may have (see {@link ViewSelection})
     * @param theme "light" or "dark"
     * @param collapsedGroups diagram groups to fold (API ARNs, {@link Arns#accountRolesGroup}, ...), or null for
     *     what the app folds at first ({@link ViewSelection#defaultFolding})
     * @param positions nodes placed by hand: their top-left corners (as the app's dragged nodes are)
     */
    public record Options(DiagramExporter.Format format, double scale, ViewSelection.View view, int maxNodes,
            String theme, Set<String> collapsedGroups, Map<String, Point> positions) {
        public Options {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(view, "view");
            if (!(scale > 0) || scale > 8) {
                throw new IllegalArgumentException("scale must be above 0 and at most 8: " + scale);
            }
            if (maxNodes < 1 || maxNodes > MAX_NODES) {
                throw new IllegalArgumentException("max nodes must be between 1 and " + MAX_NODES + ": " + maxNodes);
            }
            theme = theme == null ? "light" : theme;
            collapsedGroups = collapsedGroups == null ? null : Set.copyOf(collapsedGroups);
            positions = positions == null ? Map.of() : Map.copyOf(positions);
        }

        /** The default view at scale 1 (PNG at 2), light theme, nothing folded or placed. */
        public static Options of(DiagramExporter.Format format) {
            return new Options(format, format == DiagramExporter.Format.PNG ? 2 : 1, ViewSelection.View.DEFAULT,
                    ViewSelection.DEFAULT_MAX_NODES, "light", null, Map.of());
        }

        public Options withScale(double value) {
            return new Options(format, value, view, maxNodes, theme, collapsedGroups, positions);
        }

        public Options withView(ViewSelection.View value) {
            return new Options(format, scale, value, maxNodes, theme, collapsedGroups, positions);
        }

        public Options withMaxNodes(int value) {
            return new Options(format, scale, view, value, theme, collapsedGroups, positions);
        }

        public Options withTheme(String value) {
            return new Options(format, scale, view, maxNodes, value, collapsedGroups, positions);
        }

        /** Folds exactly these groups (an empty set unfolds everything). */
        public Options withCollapsedGroups(Set<String> value) {
            return new Options(format, scale, view, maxNodes, theme, value == null ? null : Set.copyOf(value),
                    positions);
        }

        public Options withPositions(Map<String, Point> value) {
            return new Options(format, scale, view, maxNodes, theme, collapsedGroups, value);
        }
    }

    /**
     * What an export drew.
     *
     * @param file where it was written
     * @param nodesDrawn nodes in the picture (folded groups count once)
     * @param nodesTotal nodes in the whole graph
     * @param width the picture's width in pixels (SVG: user units)
     * @param height the picture's height
     */
    public record Result(Path file, int nodesDrawn, int nodesTotal, int width, int height) {
    }

    private DiagramExport() {
    }

    /**
     * Analyses a snapshot and writes its diagram.
     *
     * @throws IOException when the file cannot be written (the message names it)
     * @throws IllegalArgumentException when the view is empty or too large (the message says what to do)
     */
    public static Result render(AccountSnapshot snapshot, Options options, Path out) throws IOException {
        Objects.requireNonNull(snapshot, "snapshot");
        try (AnalysisSession session = AnalysisSession.open(snapshot)) {
            return render(session, options, out);
        }
    }

    /** Writes the diagram of a session's current state (what-if edits included). */
    public static Result render(AnalysisSession session, Options options, Path out) throws IOException {
        return render(GraphExploration.of(session), options, out);
    }

    /** Writes the diagram of an exploration. */
    public static Result render(Exploration exploration, Options options, Path out) throws IOException {
        Objects.requireNonNull(out, "out");
        LaidOutDiagram laidOut = layout(exploration, options);
        DiagramExporter exporter = exporter(options);
        DiagramExporter.Region region = DiagramExporter.Region.whole(laidOut);
        exporter.write(laidOut, region, options.format(), options.scale(), out);
        double[] page = exporter.pageSize(region);
        double scale = options.format() == DiagramExporter.Format.PNG ? options.scale() : 1;
        return new Result(out, laidOut.boxes().size(), exploration.diagram().nodeCount(),
                (int) Math.ceil(page[0] * scale), (int) Math.ceil(page[1] * scale));
    }

    /** The diagram of a session as an SVG document (for reports that embed it). */
    public static String svg(AnalysisSession session, Options options) {
        LaidOutDiagram laidOut = layout(GraphExploration.of(session), options);
        return exporter(options).toSvg(laidOut, DiagramExporter.Region.whole(laidOut));
    }

    /**
     * Lays out the part of the exploration's diagram the options select.
     *
     * @throws IllegalArgumentException when the view is empty or has more than {@value #MAX_NODES} nodes
     */
    public static LaidOutDiagram layout(Exploration exploration, Options options) {
        Objects.requireNonNull(exploration, "exploration");
        Objects.requireNonNull(options, "options");
        Diagram diagram = exploration.diagram();
        Set<String> visible = ViewSelection.nodes(diagram, exploration.findings(), options.view(), options.maxNodes());
        int count = visible == null ? diagram.nodeCount() : visible.size();
        if (count == 0) {
            throw new IllegalArgumentException("the view " + options.view().describe() + " has no nodes"
                    + (options.view().kind() == ViewSelection.Kind.AROUND ? " (no node has that id)" : ""));
        }
        if (visible == null && count > MAX_NODES) {
            throw new IllegalArgumentException("the whole graph has " + count + " nodes, too many to draw at once;"
                    + " export a view instead (default, findings, internet or around:NODE_ID, with --max-nodes up"
                    + " to " + MAX_NODES + ")");
        }
        Set<String> folded = options.collapsedGroups() == null ? ViewSelection.defaultFolding(diagram, visible)
                : options.collapsedGroups();
        LayoutOptions layout = LayoutOptions.defaults().withVisible(visible).withCollapsedGroups(folded)
                .withPinned(options.positions());
        return ElkDiagramLayout.withAwtFonts().layout(diagram, layout);
    }

    private static DiagramExporter exporter(Options options) {
        return new DiagramExporter(DiagramTheme.named(options.theme()), Emphasis.NONE);
    }
}
