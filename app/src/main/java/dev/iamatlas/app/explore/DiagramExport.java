package dev.iamatlas.app.explore;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramExporter;
import dev.iamatlas.app.diagram.DiagramTheme;
import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.diagram.Emphasis;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.diagram.LayoutOptions;
import dev.iamatlas.app.diagram.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Renders an account's access diagram to SVG or PNG without a window: the picture service behind
 * {@code iam-atlas export SNAPSHOT --format svg|png} (through {@code report.GraphExport}) and behind the reports that
 * embed the diagram. It goes through the same adapter ({@link GraphExploration}), view selection
 * ({@link ViewSelection}), layout ({@link ElkDiagramLayout}) and painter ({@link DiagramExporter}) as the desktop app,
 * so a headless export looks like the app's.
 *
 * <p>Large accounts are drawn as a view ({@link Options#view()}, at most {@link Options#maxNodes()} nodes); the
 * whole graph is refused above {@value #MAX_NODES} nodes with a message that says what to do instead.
 *
 * <pre>{@code
 * DiagramExport.Drawing drawing = DiagramExport.draw(exploration, DiagramExport.Options.defaults()
 *         .withView(ViewSelection.View.INTERNET));
 * String svg = drawing.svg();            // or drawing.png(2.0)
 * }</pre>
 */
public final class DiagramExport {
    /** The most nodes a single picture lays out. */
    public static final int MAX_NODES = 5000;

    /**
     * What to draw.
     *
     * @param view which part of the graph
     * @param maxNodes the most nodes the view may have (see {@link ViewSelection})
     * @param theme "light" or "dark"
     * @param collapsedGroups diagram groups to fold (API ARNs, {@link Arns#accountRolesGroup}, ...), or null for
     *     what the app folds at first ({@link ViewSelection#defaultFolding})
     * @param positions nodes placed by hand: their top-left corners (as the app's dragged nodes are)
     * @param nodes when not null, exactly these diagram nodes are drawn (the app passes what its canvas shows), and
     *     {@code view} and {@code maxNodes} are not used
     */
    public record Options(ViewSelection.View view, int maxNodes, String theme, Set<String> collapsedGroups,
            Map<String, Point> positions, Set<String> nodes) {
        public Options {
            Objects.requireNonNull(view, "view");
            if (maxNodes < 1 || maxNodes > MAX_NODES) {
                throw new IllegalArgumentException("max nodes must be between 1 and " + MAX_NODES + ": " + maxNodes);
            }
            theme = theme == null ? "light" : theme;
            collapsedGroups = collapsedGroups == null ? null : Set.copyOf(collapsedGroups);
            positions = positions == null ? Map.of() : Map.copyOf(positions);
            nodes = nodes == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(nodes));
        }

        /** The default view, light theme, folded as the app folds at first, nothing placed by hand. */
        public static Options defaults() {
            return new Options(ViewSelection.View.DEFAULT, ViewSelection.DEFAULT_MAX_NODES, "light", null, Map.of(),
                    null);
        }

        public Options withView(ViewSelection.View value) {
            return new Options(value, maxNodes, theme, collapsedGroups, positions, nodes);
        }

        public Options withMaxNodes(int value) {
            return new Options(view, value, theme, collapsedGroups, positions, nodes);
        }

        public Options withTheme(String value) {
            return new Options(view, maxNodes, value, collapsedGroups, positions, nodes);
        }

        /** Folds exactly these groups (an empty set unfolds everything; null folds what the app folds at first). */
        public Options withCollapsedGroups(Set<String> value) {
            return new Options(view, maxNodes, theme, value, positions, nodes);
        }

        public Options withPositions(Map<String, Point> value) {
            return new Options(view, maxNodes, theme, collapsedGroups, value, nodes);
        }

        /** Draws exactly these nodes (null: the view decides). */
        public Options withNodes(Set<String> value) {
            return new Options(view, maxNodes, theme, collapsedGroups, positions, value);
        }
    }

    /**
     * A diagram laid out and ready to paint, as SVG or as PNG at any scale. Immutable; painting does not lay it out
     * again.
     */
    public static final class Drawing {
        private final LaidOutDiagram laidOut;
        private final DiagramExporter exporter;
        private final DiagramExporter.Region region;
        private final Set<String> shown;
        private final int nodesTotal;

        Drawing(LaidOutDiagram laidOut, DiagramExporter exporter, Set<String> shown, int nodesTotal) {
            this.laidOut = laidOut;
            this.exporter = exporter;
            this.region = DiagramExporter.Region.whole(laidOut);
            this.shown = shown;
            this.nodesTotal = nodesTotal;
        }

        /** The laid-out diagram. */
        public LaidOutDiagram laidOut() {
            return laidOut;
        }

        /** The diagram nodes drawn, before folding; null when the whole diagram is drawn. */
        public Set<String> shown() {
            return shown;
        }

        /** How many diagram nodes the picture shows (a folded group counts each member). */
        public int nodesShown() {
            return shown == null ? nodesTotal : shown.size();
        }

        /** How many nodes the diagram has. */
        public int nodesTotal() {
            return nodesTotal;
        }

        /** The picture's width at scale 1 (SVG user units). */
        public int width() {
            return (int) Math.ceil(exporter.pageSize(region)[0]);
        }

        /** The picture's height at scale 1. */
        public int height() {
            return (int) Math.ceil(exporter.pageSize(region)[1]);
        }

        /** The picture as an SVG document. */
        public String svg() {
            return exporter.toSvg(laidOut, region);
        }

        /**
         * The picture as a PNG image.
         *
         * @param scale pixels per diagram unit (above 0, at most 8), such as 2 for a sharp image on a high-density
         *     screen
         * @throws IllegalArgumentException when the image would be too large (the message says what to do)
         */
        public byte[] png(double scale) throws IOException {
            BufferedImage image = exporter.toImage(laidOut, region, scale);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
            return out.toByteArray();
        }
    }

    private DiagramExport() {
    }

    /**
     * Selects and lays out the part of the exploration's diagram the options ask for.
     *
     * @throws IllegalArgumentException when the view is empty or too large (see {@link #select})
     */
    public static Drawing draw(Exploration exploration, Options options) {
        Objects.requireNonNull(exploration, "exploration");
        Objects.requireNonNull(options, "options");
        Set<String> shown = options.nodes() != null ? options.nodes()
                : select(exploration, options.view(), options.maxNodes());
        if (shown != null && shown.isEmpty()) {
            throw new IllegalArgumentException("there is nothing to draw: none of the chosen nodes is in the diagram");
        }
        return new Drawing(layout(exploration.diagram(), shown, options), exporter(options), shown,
                exploration.diagram().nodeCount());
    }

    /**
     * The diagram nodes a view shows, checked: {@link ViewSelection#nodes} with errors that say what to do.
     *
     * @param maxNodes the most nodes the view may show; the whole diagram is refused above it
     * @return the node ids, or null for the whole diagram
     * @throws IllegalArgumentException when the view has no nodes, or is the whole diagram and that has more than
     *     {@code maxNodes} nodes
     */
    public static Set<String> select(Exploration exploration, ViewSelection.View view, int maxNodes) {
        Objects.requireNonNull(exploration, "exploration");
        Objects.requireNonNull(view, "view");
        Diagram diagram = exploration.diagram();
        Set<String> visible = ViewSelection.nodes(diagram, exploration.findings(), view, maxNodes);
        if (visible != null && visible.isEmpty()) {
            throw new IllegalArgumentException("the view " + view.describe() + " has no nodes in this account"
                    + (view.kind() == ViewSelection.Kind.AROUND ? " (no node has that id; node ids are ARNs, or"
                    + " 'internet')" : ""));
        }
        if (visible == null && diagram.nodeCount() > maxNodes) {
            throw new IllegalArgumentException("the whole graph has " + diagram.nodeCount() + " nodes, more than the "
                    + maxNodes + " allowed; export a view instead (default, findings, internet or around:NODE_ID)"
                    + (maxNodes < MAX_NODES ? " or allow more nodes (--max-nodes, up to " + MAX_NODES + " in a picture)"
                    : ""));
        }
        return visible;
    }

    private static LaidOutDiagram layout(Diagram diagram, Set<String> visible, Options options) {
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
