package dev.iamatlas.app.report;

import dev.iamatlas.model.io.AtomicFiles;
import dev.iamatlas.model.report.AnalysisReport;
import dev.iamatlas.model.report.ReportFormat;
import dev.iamatlas.model.report.ReportOptions;
import dev.iamatlas.model.report.ReportWriters;
import dev.iamatlas.model.report.SnapshotLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Writes an {@link AnalysisReport} in any report format: the one service behind {@code iam-atlas analyze} and the
 * desktop app's "export report". Text formats go through graph-model's {@link ReportWriters}, PDF through
 * {@link PdfReportWriter}; files are written atomically and readable by their owner only (a report describes an
 * account's security).
 *
 * <pre>{@code
 * AnalysisReport report = AnalysisReport.of(session, "prod.json", ReportExporter.programVersion());
 * Attachments attachments = ReportAttachments.forFormat(Format.HTML, session);   // the diagram, for HTML and PDF
 * ReportExporter.write(report, ReportExporter.Format.HTML, attachments, file);
 * }</pre>
 */
public final class ReportExporter {

    /** Every report format. */
    public enum Format {
        TEXT(ReportFormat.TEXT), JSON(ReportFormat.JSON), MD(ReportFormat.MD), HTML(ReportFormat.HTML),
        SARIF(ReportFormat.SARIF), CSV(ReportFormat.CSV), PDF(null);

        private final ReportFormat text;

        Format(ReportFormat text) {
            this.text = text;
        }

        /** The graph-model format, or null for PDF. */
        public ReportFormat textFormat() {
            return text;
        }

        /** Whether the output is binary (PDF): not for a terminal. */
        public boolean binary() {
            return text == null;
        }

        /** The command-line name ({@code text}, ..., {@code pdf}). */
        public String id() {
            return text == null ? "pdf" : text.id();
        }

        /** The usual file extension, without the dot. */
        public String extension() {
            return text == null ? "pdf" : text.extension();
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
            throw new IllegalArgumentException("unknown report format '" + name + "' (use "
                    + Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", ")) + ")");
        }

        /** The format a file name's extension names, or null. */
        public static Format forFileName(String name) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                return PDF;
            }
            ReportFormat f = ReportFormat.forFileName(name);
            return f == null ? null : valueOf(f.name());
        }
    }

    /**
     * What goes into a report beyond the analysis.
     *
     * @param options the diagram as SVG (HTML) and the snapshot file's SARIF location
     * @param diagramPng the diagram as PNG (PDF), or null
     */
    public record Attachments(ReportOptions options, byte[] diagramPng) {
        /** No diagram; SARIF points at {@code snapshot.json}. */
        public static final Attachments NONE = new Attachments(ReportOptions.DEFAULT, null);

        public Attachments {
            Objects.requireNonNull(options, "options");
        }

        /** With the diagram as SVG, for HTML. */
        public Attachments withDiagramSvg(String svg) {
            return new Attachments(options.withDiagramSvg(svg), diagramPng);
        }

        /** With the diagram as PNG, for PDF. */
        public Attachments withDiagramPng(byte[] png) {
            return new Attachments(options, png);
        }

        /** With the snapshot file SARIF results point at, and its lines (keeps the diagram). */
        public Attachments withArtifact(String uri, SnapshotLines lines) {
            return new Attachments(options.withArtifact(uri, lines), diagramPng);
        }

        /** With other options. */
        public Attachments withOptions(ReportOptions value) {
            return new Attachments(value, diagramPng);
        }
    }

    private ReportExporter() {
    }

    /** The program's version as built (Maven writes it into {@code version.properties}), or "unknown". */
    public static String programVersion() {
        Properties properties = new Properties();
        try (InputStream in = ReportExporter.class.getResourceAsStream("/dev/iamatlas/app/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the program's version.properties could not be read", e);
        }
        return properties.getProperty("version", "unknown");
    }

    /**
     * Writes the report to {@code file}, atomically, owner-only.
     *
     * @throws IOException naming the file when it cannot be written
     */
    public static void write(AnalysisReport report, Format format, Attachments attachments, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> write(report, format, attachments, out));
    }

    /** Writes the report to a stream (left open), for example standard output. */
    public static void write(AnalysisReport report, Format format, Attachments attachments, OutputStream out)
            throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(attachments, "attachments");
        if (format == Format.PDF) {
            new PdfReportWriter(attachments.diagramPng()).write(report, out);
            return;
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ReportWriters.forFormat(format.textFormat(), attachments.options()).write(report, writer);
        writer.flush();
    }
}
