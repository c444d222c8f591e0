package dev.iamatlas.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root = parse(DemoReport.write(ReportFormat.JSON));

    @Test
    void findingsCarryTheDocumentedFields() {
        JsonNode findings = root.get("findings");
        assertThat(findings).hasSize(DemoReport.REPORT.findings().size());
        for (JsonNode f : findings) {
            assertThat(fieldNames(f)).contains("id", "rule", "severity", "title", "message", "resource", "path",
                    "evidence", "fix");
            assertThat(f.get("fix").get("summary").asText()).isNotBlank();
            assertThat(f.get("evidence").get("edges")).hasSameSizeAs(f.get("path"));
        }
        List<String> rules = new ArrayList<>();
        findings.forEach(f -> rules.add(f.get("rule").asText()));
        assertThat(rules).containsAll(DemoReport.DEMO_RULES);
    }

    @Test
    void thePrincipalIsThereExactlyWhenTheFindingHasOne() {
        JsonNode findings = root.get("findings");
        for (int i = 0; i < findings.size(); i++) {
            String principal = DemoReport.REPORT.findings().get(i).principal();
            if (principal == null) {
                assertThat(findings.get(i).has("principal")).isFalse();
            } else {
                assertThat(findings.get(i).get("principal").asText()).isEqualTo(principal);
            }
        }
    }

    @Test
    void pathStepsAndEvidenceNameTheEdgeTheRequestAndTheDecidingStatement() {
        JsonNode critical = root.get("findings").get(0);
        assertThat(critical.get("rule").asText()).isEqualTo("PUBLIC_ROUTE_TO_PRIVILEGED_ROLE");
        JsonNode step = critical.get("path").get(0);
        assertThat(fieldNames(step)).containsExactly("derived", "edge", "explanation", "from", "fromLabel", "label",
                "reason", "status", "to", "toLabel", "type");
        assertThat(step.get("from").asText()).isEqualTo("internet");
        assertThat(step.get("type").asText()).isEqualTo("CALLS_ROUTE");
        JsonNode request = critical.get("evidence").get("edges").get(1).get("requests").get(0);
        assertThat(request.get("principal").asText()).isEqualTo("apigateway.amazonaws.com");
        assertThat(request.get("context").get("aws:SourceArn").get(0).asText()).contains("/GET/reports/daily");
        assertThat(request.get("deciding").get(0).get("statement").get("Effect").asText()).isEqualTo("Allow");
    }

    @Test
    void theReachSummaryAndCountsAreIncluded() {
        JsonNode reach = root.get("reach");
        assertThat(reach.get("publicRoutes").toString()).contains("GET /reports/daily [prod]");
        assertThat(reach.get("roles").toString()).contains("legacy-reports-role");
        JsonNode admin = null;
        for (JsonNode r : reach.get("roles")) {
            if (r.get("label").asText().equals("legacy-reports-role")) {
                admin = r;
            }
        }
        assertThat(admin).isNotNull();
        assertThat(admin.get("adminEquivalent").asBoolean()).isTrue();
        assertThat(root.get("summary").get("findings").asInt()).isEqualTo(DemoReport.REPORT.findings().size());
        assertThat(root.get("account").get("id").asText()).isEqualTo("111122223333");
        assertThat(root.get("formatVersion").asInt()).isEqualTo(JsonReportWriter.FORMAT_VERSION);
        assertThat(root.get("generator").get("version").asText()).isEqualTo("9.9.9");
    }

    @Test
    void keysAreSortedAtEveryLevel() {
        assertSorted(root);
    }

    private static void assertSorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = fieldNames(node);
            assertThat(names).isSorted();
            node.forEach(JsonReportWriterTest::assertSorted);
        } else if (node.isArray()) {
            node.forEach(JsonReportWriterTest::assertSorted);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage(), e);
        }
    }
}
