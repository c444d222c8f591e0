package dev.iamatlas.model.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final String SVG = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
            + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect id=\"diagram-rect\" "
            + "width=\"10\" height=\"10\"/><text>legacy &lt;reports&gt;</text></svg>";

    @Test
    void accountTextIsEscapedEverywhere() {
        String html = ReportWriters.toString(HostileReport.build(), ReportFormat.HTML, ReportOptions.DEFAULT);

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContain("\"pwned\"").doesNotContain("x\"'>");
        assertThat(html).contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;")
                .contains("x&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).as("a javascript: documentation link is shown, not linked")
                .doesNotContain("href=\"javascript:").contains("javascript:alert(1)");
    }

    @Test
    void theFileIsSelfContainedWithInlineCssAndNoFetches() {
        String html = DemoReport.write(ReportFormat.HTML);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("Content-Security-Policy")
                .contains("default-src 'none'");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("@import")
                .doesNotContainPattern("(?i)src\\s*=").doesNotContainPattern("(?i)url\\(");
        assertThat(html).as("only https documentation links leave the file")
                .doesNotContainPattern("href=\"(?!#|https://)");
        for (String rule : DemoReport.DEMO_RULES) {
            assertThat(html).contains(rule);
        }
        assertThat(html).contains("id=\"finding-1\"").contains("Reach from the Internet").contains("legacy-reports-role");
    }

    @Test
    void aSuppliedDiagramIsEmbeddedAsInlineSvgWithoutItsProlog() {
        String html = ReportWriters.toString(DemoReport.REPORT, ReportFormat.HTML, ReportOptions.DEFAULT.withDiagramSvg(SVG));

        assertThat(html).contains("<figure class=\"diagram\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("id=\"diagram-rect\"").doesNotContain("<?xml").doesNotContain("<!DOCTYPE svg");
    }

    @Test
    void aDiagramWithScriptsOrExternalReferencesIsRefused() {
        assertThatThrownBy(() -> new HtmlReportWriter("<svg><script>alert(1)</script></svg>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("script");
        assertThatThrownBy(() -> new HtmlReportWriter("<svg><image href=\"https://example.com/x.png\"/></svg>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HtmlReportWriter("<svg><rect onclick=\"x()\"/></svg>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HtmlReportWriter("<html>not svg</html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an SVG");
    }
}
