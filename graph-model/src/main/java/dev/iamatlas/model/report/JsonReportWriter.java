package dev.iamatlas.model.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * The report as JSON: keys sorted at every level, field names documented in {@code docs/reports.md} and kept
 * stable ({@value #FORMAT_VERSION} is raised when a field changes meaning or disappears; new fields may appear).
 */
public final class JsonReportWriter implements ReportWriter {

    /** The version of the JSON shape. */
    public static final int FORMAT_VERSION = 1;

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    public void write(AnalysisReport report, Writer out) throws IOException {
        JsonTrees.write(tree(report), out);
    }

    /** The report as a JSON tree. */
    static ObjectNode tree(AnalysisReport report) {
        ObjectNode root = JsonTrees.object();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("kind", "analysis");
        root.set("generator", JsonTrees.generator(report.toolVersion()));
        root.set("account", JsonTrees.account(report.snapshot()));
        root.set("snapshot", JsonTrees.snapshot(report.snapshot()));
        root.set("summary", JsonTrees.counts(report.counts()));
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> findings.add(JsonTrees.finding(f, true)));
        root.set("reach", JsonTrees.reach(report.reach(), report::label));
        root.set("notes", JsonTrees.strings(report.notes()));
        return root;
    }
}
