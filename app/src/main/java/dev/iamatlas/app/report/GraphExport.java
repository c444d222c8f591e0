package dev.iamatlas.app.report;

import dev.iamatlas.model.export.GraphExporters;
import dev.iamatlas.model.export.GraphFormat;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jgrapht.Graph;

/**
 * Writes the access graph (or a view of it) to a file in any graph format: the one service behind
 * {@code iam-atlas export} and the desktop app's diagram export. Data formats (DOT, GraphML, JSON) go through
 * graph-model's {@link GraphExporters}; pictures (SVG, PNG) through {@link GraphPictures}. Files are written
 * atomically and owner-only: they list an account's principals and who can reach them.
 */
public final class GraphExport {

    /** Every graph format. */
    public enum Format {
        SVG(null), PNG(null), DOT(GraphFormat.DOT), GRAPHML(GraphFormat.GRAPHML), JSON(GraphFormat.JSON);

        private final GraphFormat data;

        Format(GraphFormat data) {
            this.data = data;
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

    private final GraphPictures pictures;

    /** An exporter drawing pictures with {@code pictures}. */
    public GraphExport(GraphPictures pictures) {
        this.pictures = Objects.requireNonNull(pictures, "pictures");
    }

    /** An exporter with this build's pictures. */
    public static GraphExport standard() {
        return new GraphExport(GraphPictures.standard());
    }

    /**
     * Writes {@code view} in a text format (DOT, GraphML, JSON or SVG) to {@code out}, for standard output; leaves it
     * open, flushed.
     *
     * @throws IllegalArgumentException for PNG, which is binary
     * @throws UnsupportedOperationException when SVG is asked for and cannot be drawn in this build
     */
    public void writeText(Graph<Node, AccessEdge> view, Format format, Writer out) throws IOException {
        Objects.requireNonNull(format, "format");
        switch (format) {
            case PNG -> throw new IllegalArgumentException("png is binary: write it to a file");
            case SVG -> out.write(pictures.svg(view));
            default -> GraphExporters.write(view, format.dataFormat(), out);
        }
        out.flush();
    }

    /**
     * Writes {@code view} to {@code file}.
     *
     * @param scale for PNG: pixels per diagram unit; ignored otherwise
     * @throws UnsupportedOperationException when a picture is asked for and cannot be drawn in this build
     * @throws IOException naming the file when it cannot be written
     */
    public void write(Graph<Node, AccessEdge> view, Format format, double scale, Path file) throws IOException {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
        switch (format) {
            case SVG -> {
                byte[] svg = pictures.svg(view).getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> out.write(svg));
            }
            case PNG -> {
                byte[] png = pictures.png(view, scale);
                AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> out.write(png));
            }
            default -> AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                GraphExporters.write(view, format.dataFormat(), w);
                w.flush();
            });
        }
    }
}
