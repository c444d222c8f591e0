package dev.iamatlas.app.cli;

import dev.iamatlas.app.report.GraphExport;
import dev.iamatlas.app.report.GraphPictures;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.graph.AccessGraph;
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
 * {@code iam-atlas export SNAPSHOT --format svg|png|dot|graphml|json --out FILE}: the access graph as a file,
 * headless, through {@link GraphExport} (the same service as the desktop app's export). DOT, GraphML and JSON are
 * written by jgrapht-io; SVG and PNG are drawn by the diagram code through {@link GraphPictures}.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a snapshot's access graph as a diagram or a graph file.",
            "Diagrams: svg, png. Graph files: dot (Graphviz), graphml (yEd, Gephi, Cytoscape), json.",
            "Every node carries its kind, label and ARN; every edge its type, status (ALLOWED, CONDITIONAL, DENIED) "
                    + "and label."},
        footer = {"", "Examples:",
            "  iam-atlas export demo --format graphml --out demo.graphml",
            "  iam-atlas export prod.json --format dot --out prod.dot",
            "  dot -Tsvg prod.dot > prod.svg      # lay it out with Graphviz"})
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

    @Option(names = "--scale", paramLabel = "S", description = "png: pixels per diagram unit (default: ${DEFAULT-VALUE}).")
    double scale = 2.0;

    private final GraphExport export;

    /** The command with this build's exporter. */
    public ExportCommand() {
        this(GraphExport.standard());
    }

    ExportCommand(GraphExport export) {
        this.export = export;
    }

    @Override
    public Integer call() throws IOException {
        GraphExport.Format f = format();
        if (!(scale > 0) || scale > 16) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale must be above 0 and at most 16, got " + scale);
        }
        boolean stdout = "-".equals(out);
        CliFiles.refuseOverwritingInput(spec, out, snapshot);
        if (stdout && f == GraphExport.Format.PNG) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format png writes a binary file: give --out FILE");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (AnalysisSession session = AnalysisSession.open(SnapshotSource.load(snapshot))) {
            AccessGraph graph = session.graph();
            if (stdout) {
                export.writeText(graph.view(), f, spec.commandLine().getOut());
                return IamAtlasCommand.EXIT_OK;
            }
            Path file = Path.of(out);
            export.write(graph.view(), f, scale, file);
            err.println("iam-atlas: access graph of account " + graph.accountId() + " (" + graph.nodes().size()
                    + " nodes, " + graph.edges().size() + " edges) written to " + file.toAbsolutePath().normalize()
                    + " as " + f.id());
        }
        err.flush();
        return IamAtlasCommand.EXIT_OK;
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
