package dev.iamatlas.app.cli;

import dev.iamatlas.app.explore.DiagramExport;
import dev.iamatlas.app.explore.ViewSelection;
import dev.iamatlas.app.report.GraphExport;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iam-atlas export SNAPSHOT --format svg|png|dot|graphml|json --out FILE}: the access graph, or a view of it,
 * as a file, headless, through {@link GraphExport} (the same service as the desktop app's export). DOT, GraphML and
 * JSON are written by jgrapht-io; SVG and PNG are laid out and drawn by the app's diagram code.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a snapshot's access graph as a diagram or a graph file.",
            "Diagrams: svg, png. Graph files: dot (Graphviz), graphml (yEd, Gephi, Cytoscape), json.",
            "Every node carries its kind, label and ARN; every edge its type, status (ALLOWED, CONDITIONAL, DENIED) "
                    + "and label.",
            "dot, graphml and json hold the whole graph unless --view is given. A diagram shows the default view: "
                    + "all of a small account, the most severe findings' paths of a large one (standard error says "
                    + "how many nodes it shows); --view and --max-nodes choose another part."},
        footer = {"", "Examples:",
            "  iam-atlas export demo --format svg --out demo.svg",
            "  iam-atlas export demo --format png --scale 3 --view internet \\",
            "      --out internet.png",
            "  iam-atlas export demo --format graphml --view findings \\",
            "      --out findings.graphml",
            "  iam-atlas export demo --format dot --out demo.dot",
            "  dot -Tsvg demo.dot > demo.svg      # lay it out with Graphviz"})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "A snapshot file, or 'demo'.")
    String snapshot;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "svg, png, dot, graphml or json. Default: from the --out file's extension.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write it (owner-only); '-' writes dot, graphml, json or svg to standard output.")
    String out;

    @Option(names = "--scale", paramLabel = "S",
            description = "png: pixels per diagram unit, above 0 and at most 8 (default: ${DEFAULT-VALUE}).")
    double scale = 2.0;

    @Option(names = "--view", paramLabel = "VIEW",
            description = "Which part of the graph: default, all, findings (the findings' paths), internet (what the "
                    + "Internet reaches) or around:NODE_ID (what reaches a node and what it reaches; NODE_ID is an "
                    + "ARN or 'internet'). Default: all for dot, graphml and json; default for svg and png.")
    String view;

    @Option(names = "--max-nodes", paramLabel = "N",
            description = "The most nodes the view may have (default: " + ViewSelection.DEFAULT_MAX_NODES
                    + "; a diagram shows at most " + DiagramExport.MAX_NODES + ").")
    Integer maxNodes;

    @Override
    public Integer call() throws IOException {
        GraphExport.Format f = format();
        if (!(scale > 0) || scale > 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale must be above 0 and at most 8, got "
                    + scale);
        }
        boolean stdout = "-".equals(out);
        CliFiles.refuseOverwritingInput(spec, out, snapshot);
        if (stdout && f == GraphExport.Format.PNG) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format png writes a binary file: give --out FILE");
        }
        GraphExport.Options options = options(f);
        PrintWriter err = spec.commandLine().getErr();
        try (AnalysisSession session = AnalysisSession.open(SnapshotSource.load(snapshot))) {
            String account = session.graph().accountId();
            GraphExport.Result result;
            if (stdout) {
                result = GraphExport.writeText(session, options, spec.commandLine().getOut());
            } else {
                Path file = Path.of(out);
                result = GraphExport.write(session, options, file);
                err.println("iam-atlas: " + describe(result, account) + " written to "
                        + file.toAbsolutePath().normalize() + " as " + f.id());
            }
            if (f.picture() && result.partial()) {
                err.println("iam-atlas: the " + f.id() + " shows " + result.nodes() + " of " + result.totalNodes()
                        + " nodes (" + result.shows() + "); --view all, findings, internet or around:NODE_ID and "
                        + "--max-nodes N draw other parts");
            }
        }
        err.flush();
        return IamAtlasCommand.EXIT_OK;
    }

    private static String describe(GraphExport.Result r, String account) {
        if (!r.partial()) {
            return (r.format().picture() ? "diagram" : "access graph") + " of account " + account + " (" + r.nodes()
                    + " nodes, " + r.edges() + " edges" + size(r) + ")";
        }
        return (r.format().picture() ? "diagram of " : "") + r.nodes() + " of " + r.totalNodes() + " nodes and "
                + r.edges() + " edges of account " + account + " (" + r.shows() + size(r) + ")";
    }

    private static String size(GraphExport.Result r) {
        return r.format().picture() ? ", " + r.width() + " x " + r.height() + (r.format() == GraphExport.Format.PNG
                ? " pixels" : "") : "";
    }

    private GraphExport.Options options(GraphExport.Format f) {
        GraphExport.Options options = GraphExport.Options.of(f).withScale(scale);
        if (view != null) {
            try {
                options = options.withView(ViewSelection.View.parse(view));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--view: " + e.getMessage());
            }
        }
        if (maxNodes != null) {
            try {
                options = options.withMaxNodes(maxNodes);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--max-nodes: " + e.getMessage());
            }
        }
        return options;
    }

    private GraphExport.Format format() {
        String name = format;
        if (name == null) {
            String lower = out.toLowerCase(Locale.ROOT);
            int dot = lower.lastIndexOf('.');
            if ("-".equals(out) || dot < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format is required (svg, png, dot, graphml or json) when --out has no known extension");
            }
            name = lower.substring(dot + 1);
            if (name.equals("gv")) {
                name = "dot";
            }
        }
        try {
            return GraphExport.Format.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), (format == null ? "--out extension: " : "--format: ")
                    + e.getMessage());
        }
    }
}
