package dev.iamatlas.app.report;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.explore.DiagramExport;
import dev.iamatlas.app.explore.Exploration;
import dev.iamatlas.app.explore.GraphExploration;
import dev.iamatlas.app.explore.ViewSelection;
import dev.iamatlas.model.edit.AnalysisSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * What a report carries besides the analysis, built the same way for {@code iam-atlas analyze} and the desktop
 * app's "Export Report": the access diagram, drawn by {@link DiagramExport} as the app draws it. HTML embeds it as
 * inline SVG, PDF as a PNG on a page of its own; the other formats carry none. (The snapshot file that SARIF results
 * point at is the caller's to add, with {@link ReportExporter.Attachments#withArtifact}.)
 *
 * <p>Which part of the graph: the command line draws the default view ({@link ViewSelection.View#DEFAULT}: all of a
 * small account, the most severe findings' paths of a large one), at most {@value #DIAGRAM_MAX_NODES} nodes; the
 * desktop app draws what its canvas shows. An account with nothing to draw (no nodes; a default view that comes out
 * empty) gets a report without a diagram.
 */
public final class ReportAttachments {
    /** The most nodes a report's diagram shows; a large account's default view fits. */
    public static final int DIAGRAM_MAX_NODES = 600;
    /** A PDF's diagram is drawn at this many pixels per diagram unit, or fewer when it is large... */
    static final double PDF_SCALE = 1.5;
    /** ...so that its longer side has at most this many pixels: a page shows it shrunk to fit anyway. */
    static final int PDF_MAX_SIDE = 4000;

    private ReportAttachments() {
    }

    /** The diagram the command line puts in a report: the default view, at most {@value #DIAGRAM_MAX_NODES} nodes. */
    public static DiagramExport.Options defaultDiagram() {
        return DiagramExport.Options.defaults().withMaxNodes(DIAGRAM_MAX_NODES);
    }

    /**
     * The attachments of a report on a session's current state, with the {@link #defaultDiagram()} for HTML and
     * PDF. The diagram is only built for those two formats.
     */
    public static ReportExporter.Attachments forFormat(ReportExporter.Format format, AnalysisSession session)
            throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(session, "session");
        if (!embedsDiagram(format)) {
            return ReportExporter.Attachments.NONE;
        }
        return forFormat(format, GraphExploration.of(session), defaultDiagram());
    }

    /**
     * The attachments of a report in {@code format}: for HTML the diagram as SVG, for PDF as PNG, for the other
     * formats none.
     *
     * @param exploration the account as analysed now (what-if edits included)
     * @param diagram which part to draw (a view, or exactly the nodes the app shows), folded and placed how; the
     *     theme is light, as the report's figure
     * @throws IllegalArgumentException when the PDF's PNG cannot be drawn
     */
    public static ReportExporter.Attachments forFormat(ReportExporter.Format format, Exploration exploration,
            DiagramExport.Options diagram) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(exploration, "exploration");
        Objects.requireNonNull(diagram, "diagram");
        ReportExporter.Attachments none = ReportExporter.Attachments.NONE;
        if (!embedsDiagram(format) || !drawable(exploration, diagram)) {
            return none;
        }
        DiagramExport.Drawing drawing = DiagramExport.draw(exploration, diagram.withTheme("light"));
        if (format == ReportExporter.Format.HTML) {
            return none.withDiagramSvg(drawing.svg());
        }
        double longer = Math.max(drawing.width(), drawing.height());
        return none.withDiagramPng(drawing.png(Math.min(PDF_SCALE, PDF_MAX_SIDE / longer)));
    }

    private static boolean embedsDiagram(ReportExporter.Format format) {
        return format == ReportExporter.Format.HTML || format == ReportExporter.Format.PDF;
    }

    /** Whether the part asked for has something to draw, and not more than it may. */
    private static boolean drawable(Exploration exploration, DiagramExport.Options options) {
        Diagram diagram = exploration.diagram();
        if (diagram.isEmpty()) {
            return false;
        }
        if (options.nodes() != null) {
            return options.nodes().stream().anyMatch(diagram::containsNode);
        }
        Set<String> shown = ViewSelection.nodes(diagram, exploration.findings(), options.view(), options.maxNodes());
        return shown == null ? diagram.nodeCount() <= options.maxNodes() : !shown.isEmpty();
    }
}
