package dev.iamatlas.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAndMarkdownReportWriterTest {

    @Test
    void textShowsEachFindingWithItsPathReasonsAndFixCommands() {
        String text = DemoReport.write(ReportFormat.TEXT);

        assertThat(text).startsWith("IAM Atlas report for account 111122223333 (acme-shop-prod)\n");
        for (String rule : DemoReport.DEMO_RULES) {
            assertThat(text).contains(rule);
        }
        assertThat(text).contains("Internet --calls--> GET /reports/daily [prod]")
                .contains("the API has no resource policy; the route needs no authorization")
                .contains("$ aws lambda add-permission --function-name")
                .contains("REACH FROM THE INTERNET").contains("legacy-reports-role").contains("ADMIN-EQUIVALENT");
        assertThat(text.lines()).as("prose is wrapped; only commands, ids and tables run long")
                .filteredOn(l -> l.length() > 120)
                .allMatch(l -> l.contains("$ ") || l.contains("arn:") || l.contains("https://") || l.contains("{"));
    }

    @Test
    void markdownHasASummaryTableAndOneSectionPerFinding() {
        String md = DemoReport.write(ReportFormat.MD);

        assertThat(md).startsWith("# IAM Atlas report: account 111122223333 \\(acme-shop-prod\\)");
        assertThat(md).contains("| # | Severity | Rule | Resource | Title |")
                .contains("### 1. **CRITICAL**").contains("```sh\naws ").contains("## Reach from the Internet");
        assertThat(md.split("\n### ", -1)).hasSize(DemoReport.REPORT.findings().size() + 1 + 3); // + the 3 reach tables
    }

    @Test
    void markdownEscapesAccountText() {
        String md = ReportWriters.toString(HostileReport.build(), ReportFormat.MD, ReportOptions.DEFAULT);

        assertThat(md).contains("Anyone may invoke \\<script\\>alert\\(\"pwned\"\\)\\</script\\>");
        boolean inBlock = false;
        java.util.regex.Pattern tag = java.util.regex.Pattern.compile("(?<!\\\\)<(script|img)");
        for (String line : md.lines().toList()) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock && !line.contains("`")) {
                assertThat(tag.matcher(line).find())
                        .as("outside code spans and blocks (where Markdown shows text literally) no tag survives: " + line)
                        .isFalse();
            }
        }
        assertThat(Markdown.code("a|b`c")).isEqualTo("``a\\|b`c``");
        assertThat(Markdown.text("*bold* [x](y) <b>")).isEqualTo("\\*bold\\* \\[x\\]\\(y\\) \\<b\\>");
        assertThat(Markdown.block("sh", "```\nx")).startsWith("````sh\n").endsWith("\n````\n");
    }

    @Test
    void textWrapsProseAtSpaces() {
        assertThat(Texts.wrap("aaa bbb ccc", 7)).containsExactly("aaa bbb", "ccc");
        assertThat(Texts.wrap("averyveryverylongword x", 5)).containsExactly("averyveryverylongword", "x");
    }
}
