package dev.iamatlas.model.report;

import java.util.Objects;

/**
 * What a caller adds to a report beyond the analysis: the diagram (HTML embeds it as inline SVG; the SVG is drawn by
 * the desktop app's diagram code, which graph-model cannot call) and where the snapshot file is, for SARIF
 * locations.
 *
 * @param diagramSvg an SVG document of the access graph, or null for none
 * @param artifactUri the snapshot file as SARIF should name it: a path relative to the repository or working
 *     folder ({@code snapshots/prod.json}), or an absolute {@code file:} URI
 * @param snapshotLines the snapshot file's lines, to point SARIF results at the line naming their resource
 */
public record ReportOptions(String diagramSvg, String artifactUri, SnapshotLines snapshotLines) {

    /** No diagram; SARIF locations point at line 1 of {@code snapshot.json}. */
    public static final ReportOptions DEFAULT = new ReportOptions(null, "snapshot.json", SnapshotLines.NONE);

    public ReportOptions {
        Objects.requireNonNull(artifactUri, "artifactUri");
        snapshotLines = snapshotLines == null ? SnapshotLines.NONE : snapshotLines;
    }

    /** These options with a diagram (an SVG document), or none when null. */
    public ReportOptions withDiagramSvg(String svg) {
        return new ReportOptions(svg, artifactUri, snapshotLines);
    }

    /** These options with the snapshot file's SARIF name and its lines. */
    public ReportOptions withArtifact(String uri, SnapshotLines lines) {
        return new ReportOptions(diagramSvg, uri, lines);
    }
}
