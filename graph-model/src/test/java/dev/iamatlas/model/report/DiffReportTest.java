package dev.iamatlas.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamatlas.model.edit.AddLambdaPermission;
import dev.iamatlas.model.edit.SetRouteAuthorization;
import dev.iamatlas.model.findings.RuleCatalogue;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DiffReportTest {
    private static final String INVOICES_LIVE = "arn:aws:lambda:us-east-1:111122223333:function:invoice-renderer:live";
    private static final String INVOICES_PROD = "arn:aws:execute-api:us-east-1:111122223333:r7t2v9w4yb/prod/GET/invoices/{orderId}";

    /** The demo with the missing invoices permission added for prod, and the daily report route behind IAM. */
    private static AccountSnapshot fixed() {
        AccountSnapshot s = AddLambdaPermission.forApiGateway(INVOICES_LIVE, "apigw-prod-invoices", INVOICES_PROD,
                "111122223333").execute(DemoReport.SNAPSHOT);
        return SetRouteAuthorization.rest("k3x8pq2m7d", "/reports/daily", "GET", "AWS_IAM", null).execute(s);
    }

    @Test
    void fixingTwoProblemsResolvesTheirFindingsAndShowsTheReachChange() {
        DiffReport diff = DiffReport.of(DemoReport.SNAPSHOT, "old.json", fixed(), "new.json");

        assertThat(diff.newFindings()).isEmpty();
        assertThat(diff.resolvedFindings()).extracting(ReportFinding::rule)
                .contains(RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING, RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE);
        assertThat(diff.gained()).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo(EdgeType.INVOKES);
            assertThat(c.from()).isEqualTo(INVOICES_PROD);
            assertThat(c.statusBefore()).isEqualTo(EdgeStatus.DENIED);
            assertThat(c.statusAfter()).isEqualTo(EdgeStatus.ALLOWED);
            assertThat(c.toLabel()).isEqualTo("invoice-renderer:live");
        });
        assertThat(diff.lost()).anySatisfy(c -> {
            assertThat(c.from()).isEqualTo("internet");
            assertThat(c.to()).endsWith("/GET/reports/daily");
            assertThat(c.statusAfter()).isNull();
        });
        assertThat(diff.newFindingsAtLeast(Severity.INFO)).isEmpty();
    }

    @Test
    void theDiffIsWrittenAsTextJsonAndMarkdown() throws IOException {
        DiffReport diff = DiffReport.of(DemoReport.SNAPSHOT, "old.json", fixed(), "new.json");

        String text = write(diff, QueryFormat.TEXT);
        assertThat(text).contains("Reach gained (").contains("Reach lost (").contains("Resolved findings (")
                .contains("DENIED -> ALLOWED").contains("ALLOWED -> gone").contains("Summary: ");
        JsonNode json = JsonReportWriterTest.parse(write(diff, QueryFormat.JSON));
        assertThat(json.get("kind").asText()).isEqualTo("diff");
        assertThat(json.get("summary").get("resolvedFindings").asInt()).isEqualTo(diff.resolvedFindings().size());
        assertThat(json.get("edges").get("changed").toString()).contains("\"reach\":\"GAINED\"");
        assertThat(json.get("findings").get("resolved").get(0).has("evidence")).isFalse();
        String md = write(diff, QueryFormat.MD);
        assertThat(md).startsWith("# Reach diff: account ").contains("## Reach gained").contains("| DENIED -> ALLOWED |");
    }

    @Test
    void aSnapshotComparedWithItselfHasNoChange() throws IOException {
        DiffReport diff = DiffReport.of(DemoReport.SNAPSHOT, "a.json", DemoReport.SNAPSHOT, "b.json");

        assertThat(diff.isEmpty()).isTrue();
        assertThat(write(diff, QueryFormat.TEXT)).contains("No change in reach or findings.");
    }

    private static String write(DiffReport diff, QueryFormat format) throws IOException {
        StringWriter out = new StringWriter();
        DiffWriter.write(diff, format, out);
        return out.toString();
    }
}
