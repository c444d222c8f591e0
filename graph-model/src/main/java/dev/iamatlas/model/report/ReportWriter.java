package dev.iamatlas.model.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Renders an {@link AnalysisReport} in one text format. Implementations are stateless and thread-safe; they write
 * every piece of account text escaped for their format and leave the writer open (flushed).
 */
public interface ReportWriter {

    /** The format this writer produces. */
    ReportFormat format();

    /**
     * Writes the report.
     *
     * @throws IOException when {@code out} fails
     */
    void write(AnalysisReport report, Writer out) throws IOException;
}
