package dev.iamatlas.app.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramEdge;
import dev.iamatlas.app.diagram.DiagramNode;
import dev.iamatlas.app.fixtures.Explorations;
import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.graph.NodeKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The access-graph adapter over the demo account: ids, statuses, groups, badges, findings and inspections. */
class GraphExplorationTest {
    private static final String ACCOUNT = "111122223333";
    private static final String FN = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:";
    private static final String ROUTE = "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":";
    private static final String STOREFRONT = NodeIds.restApi("aws", "us-east-1", "k3x8pq2m7d");

    private final Exploration demo = Explorations.demo();
    private final Diagram d = demo.diagram();

    @Test
    void nodesAndEdgesKeepTheAccessGraphsIdsAndStatuses() {
        String route = ROUTE + "k3x8pq2m7d/prod/GET/reports/daily";
        assertThat(d.node(NodeIds.INTERNET)).isPresent();
        assertThat(d.node(route)).hasValueSatisfying(n -> {
            assertThat(n.kind()).isEqualTo(NodeKind.API_ROUTE);
            assertThat(n.label()).isEqualTo("GET /reports/daily");
            assertThat(n.secondaryLabel()).isEqualTo("storefront-api · prod");
            assertThat(n.groupId()).isEqualTo(STOREFRONT);
        });
        assertThat(d.edge("CALLS_ROUTE internet -> " + route)).hasValueSatisfying(e ->
                assertThat(e.status()).isEqualTo(EdgeStatus.ALLOWED));
        String invoices = ROUTE + "r7t2v9w4yb/prod/GET/invoices/{orderId}";
        assertThat(d.outgoing(invoices)).filteredOn(e -> e.type() == EdgeType.INVOKES).singleElement()
                .satisfies(e -> {
                    assertThat(e.target()).isEqualTo(FN + "invoice-renderer:live");
                    assertThat(e.status()).isEqualTo(EdgeStatus.DENIED);
                });
        assertThat(d.groups()).anySatisfy(g -> assertThat(g.id()).isEqualTo(STOREFRONT));
        assertThat(d.nodes()).noneMatch(n -> n.kind() == NodeKind.REST_API || n.kind() == NodeKind.HTTP_API);
    }

    @Test
    void everyEdgeTypeOfTheGraphIsDrawnAndStatusesVary() {
        Set<EdgeType> types = d.edges().stream().map(DiagramEdge::type).collect(java.util.stream.Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder(EdgeType.values());
        assertThat(d.edges()).extracting(DiagramEdge::status).contains(EdgeStatus.ALLOWED, EdgeStatus.DENIED,
                EdgeStatus.CONDITIONAL);
    }

    @Test
    void rolesFoldIntoTheirAccountAndQualifiersIntoTheirFunction() {
        assertThat(d.node("arn:aws:iam::" + ACCOUNT + ":role/legacy-reports-role"))
                .hasValueSatisfying(n -> assertThat(n.groupId()).isEqualTo(Arns.accountRolesGroup(ACCOUNT)));
        assertThat(d.node(FN + "catalog-service:live")).hasValueSatisfying(n -> assertThat(n.groupId())
                .isEqualTo(FN + "catalog-service"));
        Diagram folded = d.collapse(Set.of(FN + "catalog-service"));
        assertThat(folded.node(FN + "catalog-service:live")).isEmpty();
        assertThat(folded.node(FN + "catalog-service")).hasValueSatisfying(n -> assertThat(n.secondaryLabel())
                .contains("folded"));
    }

    @Test
    void theLambdaServicesTrustInExecutionRolesIsLeftToTheRunsAsEdges() {
        assertThat(d.outgoing("lambda.amazonaws.com")).noneMatch(e -> e.target().endsWith("role/legacy-reports-role"));
        assertThat(d.incoming("arn:aws:iam::" + ACCOUNT + ":role/legacy-reports-role"))
                .anyMatch(e -> e.type() == EdgeType.RUNS_AS);
    }

    @Test
    void nodesAFindingIsAboutCarryItsSeverity() {
        assertThat(d.node("arn:aws:iam::" + ACCOUNT + ":role/legacy-reports-role")).map(DiagramNode::alert)
                .contains(Severity.CRITICAL);
        assertThat(d.node(FN + "invoice-renderer:live")).map(DiagramNode::alert).contains(Severity.HIGH);
        assertThat(d.node(FN + "orders-api-handler:live")).map(DiagramNode::alert).isEmpty();
    }

    @Test
    void findingsAreMostSevereFirstWithTheirPathEvidenceAndFix() {
        assertThat(demo.findings()).hasSize(12);
        assertThat(demo.findings().get(0).severity()).isEqualTo("CRITICAL");
        FindingRow missing = demo.findings().stream().filter(f -> f.ruleId().equals("APIGW_LAMBDA_PERMISSION_MISSING"))
                .findFirst().orElseThrow();
        assertThat(missing.resource()).isEqualTo("invoice-renderer:live");
        assertThat(missing.evidenceEdgeId()).isEqualTo(missing.pathEdgeIds().get(0)).startsWith("INVOKES ");
        assertThat(missing.fixCommands()).singleElement().asString().startsWith("aws lambda add-permission");
        assertThat(d.edge(missing.evidenceEdgeId())).isPresent();
    }

    @Test
    void aFunctionsInspectionShowsEveryQualifiersPolicyWithTheDecidingStatementsMarked() {
        Inspection catalog = demo.inspections().node(FN + "catalog-service").orElseThrow();

        assertThat(catalog.policies()).extracting(PolicyExcerpt::title).contains("Resource policy",
                "Resource policy of alias live", "Resource policy of alias canary");
        PolicyExcerpt live = catalog.policies().stream().filter(p -> p.title().endsWith("alias live")).findFirst()
                .orElseThrow();
        assertThat(live.decidingStatements()).isNotEmpty();
        PrettyPolicy pretty = PrettyPolicy.of(live.document());
        String marked = String.join("\n", pretty.text().lines().toList().subList(
                pretty.linesOf(live.decidingStatements().iterator().next())[0],
                pretty.linesOf(live.decidingStatements().iterator().next())[1] + 1));
        assertThat(marked).contains("storefront-prod-get-products");
        assertThat(catalog.findings()).extracting(FindingRow::ruleId).contains("UNUSED_LAMBDA_PERMISSION");
    }

    @Test
    void aRolesInspectionShowsItsTrustAndIdentityPolicies() {
        Inspection role = demo.inspections().node("arn:aws:iam::" + ACCOUNT + ":role/legacy-reports-role")
                .orElseThrow();
        assertThat(role.kind()).isEqualTo("IAM role · admin-equivalent");
        assertThat(role.summary()).startsWith("Admin-equivalent:");
        assertThat(role.policies()).extracting(PolicyExcerpt::title).contains("Trust policy",
                "Managed policy AdministratorAccess (AWS managed)");
        assertThat(role.policies().get(0).decidingStatements()).containsExactly(0);
    }

    @Test
    void aDeniedEdgesInspectionShowsTheRequestItsDecisionAndTheFix() {
        FindingRow missing = demo.findings().stream().filter(f -> f.ruleId().equals("APIGW_LAMBDA_PERMISSION_MISSING"))
                .findFirst().orElseThrow();
        Inspection edge = demo.inspections().edge(missing.evidenceEdgeId()).orElseThrow();

        assertThat(edge.kind()).isEqualTo("invokes · denied");
        assertThat(edge.checks()).singleElement().satisfies(check -> {
            assertThat(check.request().principal()).isEqualTo("apigateway.amazonaws.com");
            assertThat(check.request().action()).isEqualTo("lambda:InvokeFunction");
            assertThat(check.request().resource()).isEqualTo(FN + "invoice-renderer:live");
            assertThat(check.request().context()).containsKey("aws:SourceArn");
            assertThat(check.request().status()).isEqualTo("DENIED");
            assertThat(check.request().decision()).startsWith("Denied:");
        });
        assertThat(edge.findings()).extracting(FindingRow::ruleId).containsExactly("APIGW_LAMBDA_PERMISSION_MISSING");
        assertThat(edge.fixCommand()).startsWith("aws lambda add-permission");
    }

    @Test
    void aConditionOnContextTheSnapshotCannotKnowIsUnknownAndExplained() {
        String reindex = ROUTE + "r7t2v9w4yb/prod/POST/ops/reindex";
        Inspection edge = demo.inspections().edge("CALLS_ROUTE internet -> " + reindex).orElseThrow();

        assertThat(edge.kind()).isEqualTo("calls · conditional");
        List<ConditionRow> unknown = edge.checks().stream().flatMap(c -> c.conditions().stream())
                .filter(c -> c.result() == ConditionRow.Result.UNKNOWN).toList();
        assertThat(unknown).isNotEmpty().allSatisfy(c -> {
            assertThat(c.key()).isEqualToIgnoringCase("aws:SourceIp");
            assertThat(c.actual()).isNull();
            assertThat(c.expected()).contains("203.0.113.0/24");
            assertThat(c.explanation()).isNotBlank();
        });
        assertThat(edge.checks().get(0).request().context()).containsEntry("aws:SourceIp", null);
        assertThat(edge.checks().get(0).policies()).anySatisfy(p -> assertThat(p.decidingStatements()).isNotEmpty());
    }

    @Test
    void aFoldedEdgeListsTheLinksItStandsFor() {
        Diagram folded = d.collapse(Set.of(STOREFRONT));
        DiagramEdge calls = folded.outgoing(NodeIds.INTERNET).stream().filter(e -> e.target().equals(STOREFRONT))
                .findFirst().orElseThrow();
        Inspection inspection = demo.inspections().edge(calls.id()).orElseThrow();
        assertThat(inspection.kind()).isEqualTo("folded links");
        assertThat(inspection.properties()).isNotEmpty();
    }
}
