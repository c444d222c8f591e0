package dev.iamatlas.app.report;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.explore.DiagramExport;
import dev.iamatlas.app.explore.Exploration;
import dev.iamatlas.app.explore.GraphExploration;
import dev.iamatlas.app.explore.ViewSelection;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.export.GraphExporters;
import dev.iamatlas.model.export.GraphFormat;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jgrapht.Graph;

/**
 * Writes the access graph, or a part of it, in any graph format: the one service behind {@code iam-atlas export}
 * and the desktop app's graph export. Data formats (DOT, GraphML, JSON) go through graph-model's
 * {@link GraphExporters}; pictures (SVG, PNG) through {@link DiagramExport}, which lays the diagram out as the app
 * does. Files are written atomically and owner-only: they list an account's principals and who can reach them.
 *
 * <p>Which part: a data format writes the whole graph unless a view is asked for; a picture draws the default view
 * ({@link ViewSelection.View#DEFAULT}: the whole of a small account, the most severe findings' paths of a large one).
 * A view selects diagram nodes (see {@link ViewSelection}); a data format then writes those nodes, the APIs whose
 * routes they include (a picture draws an API as the frame around its routes), and every edge between them.
 *
 * <pre>{@code
 * GraphExport.Result r = GraphExport.write(session, GraphExport.Options.of(Format.GRAPHML)
 *         .withView(ViewSelection.View.INTERNET), Path.of("internet.graphml"));
 * }</pre>
 */
public final class GraphExport {

    /** Every graph format. */
    public enum Format {
        SVG(null, "SVG image"), PNG(null, "PNG image"), DOT(GraphFormat.DOT, "Graphviz DOT"),
        GRAPHML(GraphFormat.GRAPHML, "GraphML (yEd, Gephi, Cytoscape)"), JSON(GraphFormat.JSON, "JSON graph");

        private final GraphFormat data;
        private final String description;

        Format(GraphFormat data, String description) {
            this.data = data;
            this.description = description;
        }

        /** The graph-model format, or null for pictures. */
        public GraphFormat dataFormat() {
            return data;
        }

        /** Whether the format is a picture drawn by the diagram code. */
        public boolean picture() {
            return data == null;
        }

        /** The command-line name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The usual file extension, without the dot. */
        public String extension() {
            return id();
        }

        /** A few words for a file chooser, such as "Graphviz DOT". */
        public String description() {
            return description;
        }

        /**
         * The format with this name, ignoring case.
         *
         * @throws IllegalArgumentException naming the value and the accepted names
         */
        public static Format parse(String name) {
            String wanted = Objects.requireNonNull(name, "name").trim().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (f.id().equals(wanted)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown graph format '" + name + "' (use "
                    + Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", ")) + ")");
        }
    }

    /**
     * What to export.
     *
     * @param format the file format
     * @param view which part of the graph; null for the usual part: the whole graph in a data format, the default
     *     view in a picture
     * @param maxNodes the most nodes the part may have; null for the usual budget: {@link
     *     ViewSelection#DEFAULT_MAX_NODES} for a view, no limit for the whole graph in a data format, {@link
     *     DiagramExport#MAX_NODES} for a picture of everything. A picture never shows more than {@link
     *     DiagramExport#MAX_NODES}.
     * @param scale PNG pixels per diagram unit (above 0, at most 8); not used by other formats
     * @param nodes when not null, exactly these diagram nodes (the desktop app's current view, see {@link
     *     ViewSelection#unfold}); {@code view} and {@code maxNodes} are then not used
     */
    public record Options(Format format, ViewSelection.View view, Integer maxNodes, double scale, Set<String> nodes) {
        public Options {
            Objects.requireNonNull(format, "format");
            if (!(scale > 0) || scale > 8) {
                throw new IllegalArgumentException("scale must be above 0 and at most 8, got " + scale);
            }
            if (maxNodes != null && maxNodes < 1) {
                throw new IllegalArgumentException("the most nodes must be at least 1, got " + maxNodes);
            }
            if (maxNodes != null && format.picture() && maxNodes > DiagramExport.MAX_NODES) {
                throw new IllegalArgumentException("a picture shows at most " + DiagramExport.MAX_NODES
                        + " nodes, got " + maxNodes + "; export dot, graphml or json for more");
            }
            nodes = nodes == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(nodes));
        }

        /** The usual part (see {@link #view()}), PNG at scale 2. */
        public static Options of(Format format) {
            return new Options(format, null, null, format == Format.PNG ? 2 : 1, null);
        }

        public Options withView(ViewSelection.View value) {
            return new Options(format, value, maxNodes, scale, nodes);
        }

        public Options withMaxNodes(Integer value) {
            return new Options(format, view, value, scale, nodes);
        }

        public Options withScale(double value) {
            return new Options(format, view, maxNodes, value, nodes);
        }

        /** Exactly these diagram nodes (null: the view decides). */
        public Options withNodes(Set<String> value) {
            return new Options(format, view, maxNodes, scale, value);
        }

        /** Whether the whole graph is written without looking at the diagram. */
        boolean wholeGraph() {
            return !format.picture() && view == null && nodes == null;
        }
    }

    /**
     * What was written.
     *
     * @param format the format
     * @param nodes access-graph nodes covered (a picture shows each member of a folded group within its group's box)
     * @param totalNodes nodes of the whole graph
     * @param edges access-graph edges between the nodes covered
     * @param shows which part, in a few words: "the whole graph", "the most severe findings' paths", ...
     * @param width a picture's width in pixels (PNG) or user units (SVG); 0 for a data format
     * @param height a picture's height; 0 for a data format
     */
    public record Result(Format format, int nodes, int totalNodes, int edges, String shows, int width, int height) {
        /** Whether some of the graph was left out. */
        public boolean partial() {
            return nodes < totalNodes;
        }
    }

    private GraphExport() {
    }

    /**
     * Writes (part of) the graph of a session's current state (what-if edits included) to {@code file}.
     *
     * @throws IllegalArgumentException when the part asked for is empty or has too many nodes, or a PNG would be too
     *     large (the message says what to do)
     * @throws IOException naming the file when it cannot be written
     */
    public static Result write(AnalysisSession session, Options options, Path file) throws IOException {
        Objects.requireNonNull(session, "session");
        return write(prepare(session.graph(), () -> GraphExploration.of(session), options), file);
    }

    /**
     * Writes (part of) an exploration's graph to {@code file}: the desktop app's export, on the exploration it
     * shows.
     *
     * @throws IllegalArgumentException as {@link #write(AnalysisSession, Options, Path)}, or when the exploration
     *     has no analysis session
     * @throws IOException naming the file when it cannot be written
     */
    public static Result write(Exploration exploration, Options options, Path file) throws IOException {
        Objects.requireNonNull(exploration, "exploration");
        if (exploration.session() == null) {
            throw new IllegalArgumentException("this account has no analysed access graph to export");
        }
        return write(prepare(exploration.session().graph(), () -> exploration, options), file);
    }

    /**
     * Writes (part of) the graph in a text format (DOT, GraphML, JSON or SVG) to {@code out}, for standard output;
     * leaves it open, flushed.
     *
     * @throws IllegalArgumentException for PNG, which is binary, and as {@link #write(AnalysisSession, Options, Path)}
     */
    public static Result writeText(AnalysisSession session, Options options, Writer out) throws IOException {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(out, "out");
        if (options.format() == Format.PNG) {
            throw new IllegalArgumentException("png is binary: write it to a file");
        }
        Prepared prepared = prepare(session.graph(), () -> GraphExploration.of(session), options);
        if (prepared.drawing != null) {
            out.write(prepared.drawing.svg());
        } else {
            GraphExporters.write(prepared.graph, options.format().dataFormat(), out);
        }
        out.flush();
        return prepared.result;
    }

    private static Result write(Prepared prepared, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Options options = prepared.options;
        switch (options.format()) {
            case SVG -> {
                byte[] svg = prepared.drawing.svg().getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> out.write(svg));
            }
            case PNG -> {
                byte[] png = prepared.drawing.png(options.scale());
                AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> out.write(png));
            }
            default -> AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                GraphExporters.write(prepared.graph, options.format().dataFormat(), w);
                w.flush();
            });
        }
        return prepared.result;
    }

    /** Chooses the part, lays out a picture; the diagram is only built when a view or a picture needs it. */
    private static Prepared prepare(AccessGraph graph, Supplier<Exploration> explore, Options options) {
        Objects.requireNonNull(options, "options");
        int total = graph.nodes().size();
        if (options.wholeGraph()) {
            Graph<Node, AccessEdge> all = graph.view();
            return new Prepared(options, all, null, new Result(options.format(), total, total, all.edgeSet().size(),
                    "the whole graph", 0, 0));
        }
        Exploration exploration = explore.get();
        Diagram diagram = exploration.diagram();
        Set<String> shown;
        String shows;
        if (options.nodes() != null) {
            shown = options.nodes();
            shows = "the current view";
        } else {
            ViewSelection.View view = options.view() == null ? ViewSelection.View.DEFAULT : options.view();
            shown = DiagramExport.select(exploration, view, budget(options, view));
            shows = describe(exploration, view, shown, budget(options, view));
        }
        Graph<Node, AccessEdge> part = shown == null ? graph.view() : graph.subgraph(graphNodes(diagram, shown));
        if (part.vertexSet().isEmpty()) {
            throw new IllegalArgumentException("there is nothing to export: none of the chosen nodes is in the graph");
        }
        DiagramExport.Drawing drawing = null;
        int width = 0;
        int height = 0;
        if (options.format().picture()) {
            DiagramExport.Options drawn = DiagramExport.Options.defaults();
            drawing = DiagramExport.draw(exploration, shown == null
                    ? drawn.withView(ViewSelection.View.ALL).withMaxNodes(DiagramExport.MAX_NODES)
                    : drawn.withNodes(shown));
            double scale = options.format() == Format.PNG ? options.scale() : 1;
            width = (int) Math.ceil(drawing.width() * scale);
            height = (int) Math.ceil(drawing.height() * scale);
        }
        return new Prepared(options, part, drawing, new Result(options.format(), part.vertexSet().size(), total,
                part.edgeSet().size(), shows, width, height));
    }

    /** The most nodes a view may have under these options. */
    private static int budget(Options options, ViewSelection.View view) {
        if (options.maxNodes() != null) {
            return options.maxNodes();
        }
        if (view.kind() == ViewSelection.Kind.ALL) {
            return options.format().picture() ? DiagramExport.MAX_NODES : Integer.MAX_VALUE;
        }
        return ViewSelection.DEFAULT_MAX_NODES;
    }

    /** What a view came to, in a few words: the default view says which of its choices it made. */
    private static String describe(Exploration exploration, ViewSelection.View view, Set<String> shown, int budget) {
        if (shown == null) {
            return "everything";
        }
        if (view.kind() != ViewSelection.Kind.DEFAULT) {
            return view.describe();
        }
        Set<String> findings = ViewSelection.findings(exploration.diagram(), exploration.findings(),
                Math.min(budget, ViewSelection.FIRST_LOOK));
        return shown.equals(findings) ? "the most severe findings' paths" : "what the Internet reaches";
    }

    /**
     * The access-graph nodes behind diagram nodes: the nodes themselves (a diagram node has its graph id) and the
     * APIs and functions their routes and aliases belong to (the diagram draws those as groups, not boxes). Group ids
     * that are no graph node (an account's roles, a service's capabilities) are left for the graph to ignore.
     */
    private static Set<String> graphNodes(Diagram diagram, Set<String> shown) {
        Set<String> ids = new LinkedHashSet<>(shown);
        for (String id : shown) {
            diagram.node(id).ifPresent(n -> {
                if (n.groupId() != null) {
                    ids.add(n.groupId());
                }
            });
        }
        return ids;
    }

    private record Prepared(Options options, Graph<Node, AccessEdge> graph, DiagramExport.Drawing drawing,
            Result result) {
    }
}
