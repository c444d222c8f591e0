package dev.iamatlas.model.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings as CSV (RFC 4180): a header row, then one row per finding, most severe first. Fields holding a comma,
 * a quote or a line break are quoted, quotes doubled; lines end with CRLF. A field that a spreadsheet would take for a
 * formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with {@code '}, as OWASP
 * recommends against CSV injection: account text is untrusted.
 *
 * <p>Columns: {@value #HEADER}. {@code path} is the path's edge ids joined by {@code "; "}; {@code commands} are the
 * fix commands, one per line inside the quoted field.
 */
public final class CsvReportWriter implements ReportWriter {

    /** The header row. */
    public static final String HEADER = "severity,rule,title,resource,principal,message,path,fix,commands,documentation,id";

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public void write(AnalysisReport report, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(HEADER).append("\r\n");
        for (ReportFinding f : report.findings()) {
            List<String> row = new ArrayList<>();
            row.add(f.severity().name());
            row.add(f.rule());
            row.add(f.title());
            row.add(f.resource());
            row.add(f.principal());
            row.add(f.message());
            row.add(String.join("; ", f.pathEdgeIds()));
            row.add(f.fix().summary());
            row.add(String.join("\r\n", f.fix().commands()));
            row.add(f.fix().documentation());
            row.add(f.id());
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(field(row.get(i)));
            }
            b.append("\r\n");
        }
        out.write(b.toString());
        out.flush();
    }

    /** One field: empty for null, neutralised when it looks like a formula, quoted when RFC 4180 requires it. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
