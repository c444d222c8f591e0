package dev.iamatlas.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

    @Test
    void fieldsAreQuotedAsRfc4180Says() {
        assertThat(CsvReportWriter.field("plain")).isEqualTo("plain");
        assertThat(CsvReportWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReportWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReportWriter.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvReportWriter.field(null)).isEmpty();
    }

    @Test
    void aFieldASpreadsheetWouldTakeForAFormulaIsNeutralised() {
        assertThat(CsvReportWriter.field("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(CsvReportWriter.field("+1")).isEqualTo("'+1");
        assertThat(CsvReportWriter.field("@SUM(1)")).isEqualTo("'@SUM(1)");
        assertThat(CsvReportWriter.field("-1,2")).isEqualTo("\"'-1,2\"");
    }

    @Test
    void oneRowPerFindingWithCrlfLineEnds() {
        String csv = DemoReport.write(ReportFormat.CSV);
        List<List<String>> rows = parse(csv);

        assertThat(csv).startsWith(CsvReportWriter.HEADER + "\r\n");
        assertThat(rows).hasSize(DemoReport.REPORT.findings().size() + 1);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(11));
        for (int i = 0; i < DemoReport.REPORT.findings().size(); i++) {
            ReportFinding f = DemoReport.REPORT.findings().get(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(f.severity().name());
            assertThat(row.get(1)).isEqualTo(f.rule());
            assertThat(row.get(3)).isEqualTo(f.resource());
            assertThat(row.get(5)).isEqualTo(f.message());
            assertThat(row.get(10)).isEqualTo(f.id());
        }
    }

    @Test
    void hostileTextSurvivesARoundTrip() {
        String csv = ReportWriters.toString(HostileReport.build(), ReportFormat.CSV, ReportOptions.DEFAULT);
        List<List<String>> rows = parse(csv);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).hasSize(11);
        assertThat(rows.get(1).get(5)).startsWith("'=HYPERLINK(\"http://evil\")").contains("anyone, invoke\nthe function");
        assertThat(rows.get(1).get(3)).isEqualTo(HostileReport.ARN);
    }

    /** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF record ends. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                assertThat(field).as("a quote may only open a field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare line feed outside quotes").isNotEqualTo('\n');
                field.append(c);
            }
            i++;
        }
        assertThat(quoted).isFalse();
        assertThat(field).isEmpty();
        return rows;
    }
}
