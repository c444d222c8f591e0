package dev.iamatlas.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.EdgeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisReportTest {

    private final AnalysisReport report = DemoReport.REPORT;

    @Test
    void theDemoReportHoldsEveryIntendedRuleMostSevereFirst() {
        assertThat(report.findings()).extracting(ReportFinding::rule).containsAll(DemoReport.DEMO_RULES);
        List<Severity> severities = report.findings().stream().map(ReportFinding::severity).toList();
        assertThat(severities).isSortedAccordingTo(Enum::compareTo);
        assertThat(report.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void findingsCarryTheirPathWithEvidenceTakenOnce() {
        ReportFinding publicRoute = report.findings().stream()
                .filter(f -> f.rule().equals("PUBLIC_ROUTE_TO_PRIVILEGED_ROLE")).findFirst().orElseThrow();

        assertThat(publicRoute.path()).extracting(PathStep::fromLabel).startsWith("Internet");
        assertThat(publicRoute.path()).allSatisfy(s -> assertThat(s.evidence()).isNotNull());
        PathStep invokes = publicRoute.path().get(1);
        assertThat(invokes.evidence().requests()).singleElement().satisfies(r -> {
            assertThat(r.principal()).isEqualTo("apigateway.amazonaws.com");
            assertThat(r.action()).isEqualTo("lambda:InvokeFunction");
            assertThat(r.context()).containsKey("aws:SourceArn");
            assertThat(r.deciding()).singleElement().satisfies(st -> {
                assertThat(st.sid()).startsWith("storefront-");
                assertThat(st.statement()).contains("\"Sid\"").contains("apigateway.amazonaws.com");
            });
        });
        assertThat(invokes.reason()).startsWith("allowed by statement");
    }

    @Test
    void countsAddUpAndCoverEverySeverityAndRule() {
        AnalysisReport.Counts c = report.counts();
        assertThat(c.bySeverity()).containsOnlyKeys(Severity.values());
        assertThat(c.findings()).isEqualTo(report.findings().size());
        assertThat(c.byRule()).hasSize(report.rules().size());
        assertThat(c.edgesByStatus().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(c.edges());
        assertThat(c.edgesByStatus()).containsOnlyKeys(EdgeStatus.values());
        assertThat(c.adminRolesBehind()).isPositive();
        assertThat(c.describeFindings()).startsWith(report.findings().size() + " findings: ").contains("critical");
    }

    @Test
    void theSnapshotMetadataAndLabelsComeWithTheReport() {
        assertThat(report.snapshot().name()).isEqualTo("demo");
        assertThat(report.snapshot().accountDisplay()).isEqualTo("111122223333 (acme-shop-prod)");
        assertThat(report.label("arn:aws:iam::111122223333:role/legacy-reports-role")).isEqualTo("legacy-reports-role");
        assertThat(report.label("no-such-id")).isEqualTo("no-such-id");
    }

    @Test
    void failOnThresholdsCountFindingsAtOrAboveTheSeverity() {
        assertThat(report.findingsAtLeast(Severity.CRITICAL)).allMatch(f -> f.severity() == Severity.CRITICAL).isNotEmpty();
        assertThat(report.findingsAtLeast(Severity.INFO)).hasSameSizeAs(report.findings());
    }

    @Test
    void twoAnalysesOfTheSameSnapshotWriteTheSameReport() {
        AnalysisReport again = DemoReport.build();
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(ReportWriters.toString(again, f, DemoReport.OPTIONS)).as(f.id())
                    .isEqualTo(DemoReport.write(f));
        }
    }
}
