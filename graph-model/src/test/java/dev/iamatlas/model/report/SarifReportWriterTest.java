package dev.iamatlas.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamatlas.model.findings.RuleCatalogue;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SARIF 2.1.0's required structure, and what GitHub code scanning needs to show a result. */
class SarifReportWriterTest {

    private final JsonNode log = JsonReportWriterTest.parse(DemoReport.write(ReportFormat.SARIF));
    private final JsonNode run = log.get("runs").get(0);

    @Test
    void theLogHasTheRequiredTopLevelStructure() {
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).endsWith("sarif-schema-2.1.0.json");
        assertThat(log.get("runs")).hasSize(1);
        assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("IAM Atlas");
        assertThat(run.get("tool").get("driver").get("version").asText()).isEqualTo("9.9.9");
        assertThat(run.get("automationDetails").get("id").asText()).isEqualTo("iam-atlas/111122223333/");
    }

    @Test
    void everyCatalogueRuleIsDescribedWithHelpAndAHelpUri() {
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules).hasSize(RuleCatalogue.rules().size());
        for (JsonNode r : rules) {
            assertThat(r.get("id").asText()).isNotBlank();
            assertThat(r.get("name").asText()).matches("[A-Z][A-Za-z]+");
            assertThat(r.get("shortDescription").get("text").asText()).isNotBlank();
            assertThat(r.get("fullDescription").get("text").asText()).isNotBlank();
            assertThat(r.get("help").get("text").asText()).contains("How to fix");
            assertThat(r.get("help").get("markdown").asText()).contains("**How to fix.**");
            assertThat(r.get("helpUri").asText()).startsWith("https://docs.aws.amazon.com/");
            assertThat(r.get("defaultConfiguration").get("level").asText()).isIn("error", "warning", "note");
            assertThat(r.get("properties").get("tags").toString()).contains("security");
            assertThat(Double.parseDouble(r.get("properties").get("security-severity").asText())).isBetween(0.0, 10.0);
        }
    }

    @Test
    void everyFindingIsAResultThatCodeScanningCanLocate() {
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(DemoReport.REPORT.findings().size());
        Set<String> ruleIds = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            ReportFinding finding = DemoReport.REPORT.findings().get(i);
            assertThat(result.get("ruleId").asText()).isEqualTo(finding.rule());
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(finding.rule());
            assertThat(result.get("level").asText()).isEqualTo(SarifReportWriter.level(finding.severity()));
            assertThat(result.get("message").get("text").asText()).startsWith(finding.message()).contains("Fix: ");
            JsonNode location = result.get("locations").get(0);
            assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asText())
                    .isEqualTo("snapshots/demo-account.json");
            assertThat(location.get("physicalLocation").get("region").get("startLine").asInt()).isPositive();
            assertThat(location.get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                    .isEqualTo(finding.resource());
            assertThat(result.get("partialFingerprints").get(SarifReportWriter.FINGERPRINT).asText()).hasSize(64);
            ruleIds.add(result.get("ruleId").asText());
        }
        assertThat(ruleIds).containsAll(DemoReport.DEMO_RULES);
    }

    @Test
    void resultsPointAtTheSnapshotLineThatNamesTheirResource() {
        List<String> lines = SnapshotJson.toJson(DemoReport.SNAPSHOT).lines().toList();
        for (JsonNode result : run.get("results")) {
            int line = result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt();
            String resource = result.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText();
            String text = lines.get(line - 1);
            if (resource.startsWith("arn:aws:lambda:") || resource.startsWith("arn:aws:iam:")) {
                assertThat(text).as(resource).contains(resource.replaceAll(":(live|canary)$", ""));
            } else if (resource.startsWith("arn:aws:execute-api:")) {
                assertThat(text).as(resource).contains(resource.split(":")[5].split("/")[0]);
            }
        }
    }

    @Test
    void snapshotLinesFindTheFirstLineNamingAResourceOrItsFunctionOrApi() {
        SnapshotLines lines = SnapshotLines.of("{\n  \"apis\" : [ { \"id\" : \"abc123\" } ],\n"
                + "  \"arn\" : \"arn:aws:lambda:us-east-1:111122223333:function:f\",\n"
                + "  \"role\" : \"arn:aws:iam::111122223333:role/r\"\n}");

        assertThat(lines.lineOf("arn:aws:iam::111122223333:role/r")).isEqualTo(4);
        assertThat(lines.lineOf("arn:aws:lambda:us-east-1:111122223333:function:f:live")).isEqualTo(3);
        assertThat(lines.lineOf("arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/x")).isEqualTo(2);
        assertThat(lines.lineOf("arn:aws:iam::111122223333:role/missing")).isEqualTo(1);
        assertThat(SnapshotLines.NONE.lineOf("x")).isEqualTo(1);
    }

    @Test
    void severitiesMapToSarifLevels() {
        assertThat(SarifReportWriter.level(Severity.CRITICAL)).isEqualTo("error");
        assertThat(SarifReportWriter.level(Severity.HIGH)).isEqualTo("error");
        assertThat(SarifReportWriter.level(Severity.MEDIUM)).isEqualTo("warning");
        assertThat(SarifReportWriter.level(Severity.LOW)).isEqualTo("note");
        assertThat(SarifReportWriter.level(Severity.INFO)).isEqualTo("note");
    }

    @Test
    void theReachSummaryTravelsInTheRunProperties() {
        assertThat(run.get("properties").get("reach").get("roles").toString()).contains("legacy-reports-role");
        assertThat(run.get("properties").get("account").get("id").asText()).isEqualTo("111122223333");
    }
}
