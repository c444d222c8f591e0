package dev.iamatlas.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.query.CanReach;
import dev.iamatlas.model.query.Paths;
import dev.iamatlas.model.query.WhoCanInvoke;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryOutputTest {
    private static final String LEGACY = "arn:aws:lambda:us-east-1:111122223333:function:legacy-reports";
    private static final String LEGACY_ROLE = "arn:aws:iam::111122223333:role/legacy-reports-role";

    private static AnalysisSession session;
    private static AccessGraph graph;

    @BeforeAll
    static void open() {
        session = AnalysisSession.open(DemoReport.SNAPSHOT, 2);
        graph = session.graph();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void whoCanInvokeShowsEachCallerWithItsPathStatusesAndReasons() {
        String text = QueryOutput.whoCanInvoke(WhoCanInvoke.of(graph, session.run(), LEGACY, false), graph, QueryFormat.TEXT);

        assertThat(text).startsWith("Who can invoke " + LEGACY + "\n");
        assertThat(text).contains("ALLOWED     Internet: Internet  (internet)")
                .containsPattern("ALLOWED +Internet --calls--> GET /reports/daily \\[(prod|dev)\\]")
                .contains("the API has no resource policy; the route needs no authorization")
                .containsPattern("ALLOWED +GET /reports/daily \\[(prod|dev)\\] --invokes--> legacy-reports");
    }

    @Test
    void whoCanInvokeAsJsonListsCallersWithTheirPaths() {
        JsonNode root = JsonReportWriterTest.parse(QueryOutput.whoCanInvoke(
                WhoCanInvoke.of(graph, session.run(), LEGACY, false), graph, QueryFormat.JSON));

        assertThat(root.get("kind").asText()).isEqualTo("who-can-invoke");
        assertThat(root.get("function").asText()).isEqualTo(LEGACY);
        JsonNode internet = null;
        for (JsonNode c : root.get("callers")) {
            if (c.get("caller").asText().equals("internet")) {
                internet = c;
            }
        }
        assertThat(internet).isNotNull();
        List<String> types = new ArrayList<>();
        internet.get("path").forEach(s -> types.add(s.get("type").asText()));
        assertThat(types).containsExactly("CALLS_ROUTE", "INVOKES");
        assertThat(internet.get("path").get(1).get("reason").asText()).startsWith("allowed by statement");
    }

    @Test
    void canReachShowsTheBlastRadiusWithChains() {
        CanReach.Result r = CanReach.of(graph, session.run(), "internet");
        String text = QueryOutput.canReach(r, graph, QueryFormat.TEXT);
        JsonNode json = JsonReportWriterTest.parse(QueryOutput.canReach(r, graph, QueryFormat.JSON));

        assertThat(text).contains("admin-equivalent access reachable: YES").contains("legacy-reports-role")
                .contains("via Internet --calls--> ");
        assertThat(json.get("adminReachable").asBoolean()).isTrue();
        assertThat(json.get("roles").toString()).contains(LEGACY_ROLE);
        assertThat(json.get("capabilities")).isNotEmpty();
    }

    @Test
    void pathsListsEveryPathWithItsEdges() {
        Paths.Result r = Paths.between(graph, "internet", LEGACY_ROLE);
        String text = QueryOutput.paths(r, graph, Paths.DEFAULT_MAX_EDGES, Paths.DEFAULT_MAX_PATHS, false, QueryFormat.TEXT);
        JsonNode json = JsonReportWriterTest.parse(QueryOutput.paths(r, graph, 8, 100, false, QueryFormat.JSON));

        assertThat(text).contains("2 paths").contains("[1] ALLOWED, 3 edges").contains("--runs as--> legacy-reports-role");
        assertThat(json.get("paths")).hasSize(2);
        assertThat(json.get("paths").get(0).get("nodes").get(0).asText()).isEqualTo("internet");
        assertThat(json.get("paths").get(0).get("edges")).hasSize(3);
    }

    @Test
    void noPathIsSaidPlainly() {
        Paths.Result r = Paths.between(graph, LEGACY_ROLE, "internet");
        assertThat(QueryOutput.paths(r, graph, 8, 100, false, QueryFormat.TEXT)).contains("No path.");
    }

    @Test
    void closeIdsAreSuggestedForATypo() {
        assertThat(ClosestNodes.suggest(graph, LEGACY.replace("legacy-reports", "legacy-report"),
                n -> n.kind() == NodeKind.LAMBDA_FUNCTION, 3)).first().isEqualTo(LEGACY);
        assertThat(ClosestNodes.suggest(graph, "legacy-reports", n -> n.kind() == NodeKind.LAMBDA_FUNCTION, 3))
                .first().isEqualTo(LEGACY);
        assertThat(ClosestNodes.suggest(graph, "arn:aws:iam::111122223333:role/legacy-report-role", n -> true, 3))
                .contains(LEGACY_ROLE);
        assertThat(ClosestNodes.suggest(graph, "zzzzzzzzzzzzzzzzzzzzzzzzz", n -> true, 3)).isEmpty();
    }

    @Test
    void editDistanceStopsAtItsCap() {
        assertThat(ClosestNodes.distance("kitten", "sitting", 10)).isEqualTo(3);
        assertThat(ClosestNodes.distance("a", "abcdefgh", 3)).isEqualTo(3);
    }
}
