package dev.iamatlas.model.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;

/** The writer for each {@link ReportFormat}. */
public final class ReportWriters {
    private ReportWriters() {
    }

    /** The writer of {@code format}, configured with {@code options}. */
    public static ReportWriter forFormat(ReportFormat format, ReportOptions options) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        return switch (format) {
            case TEXT -> new TextReportWriter();
            case JSON -> new JsonReportWriter();
            case MD -> new MarkdownReportWriter();
            case HTML -> new HtmlReportWriter(options.diagramSvg());
            case SARIF -> new SarifReportWriter(options.artifactUri(), options.snapshotLines());
            case CSV -> new CsvReportWriter();
        };
    }

    /** The report in {@code format}, as a string. */
    public static String toString(AnalysisReport report, ReportFormat format, ReportOptions options) {
        StringWriter out = new StringWriter();
        try {
            forFormat(format, options).write(report, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toString();
    }
}
