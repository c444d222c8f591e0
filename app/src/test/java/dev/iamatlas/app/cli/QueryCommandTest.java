package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class QueryCommandTest {
    private static final String LEGACY = "arn:aws:lambda:us-east-1:111122223333:function:legacy-reports";

    private final CliRun cli = new CliRun();

    @Test
    void whoCanInvokeTheLegacyReportsFunctionShowsTheInternetPath() {
        assertThat(cli.run("query", "demo", "who-can-invoke", LEGACY)).isZero();

        assertThat(cli.out.toString()).contains("Internet: Internet  (internet)")
                .containsPattern("ALLOWED +Internet --calls--> GET /reports/daily \\[(prod|dev)\\]")
                .containsPattern("ALLOWED +GET /reports/daily \\[(prod|dev)\\] --invokes--> legacy-reports")
                .contains("the route needs no authorization");
    }

    @Test
    void whoCanInvokeAsJson() throws IOException {
        assertThat(cli.run("query", "demo", "who-can-invoke", LEGACY, "--format", "json")).isZero();

        JsonNode root = new ObjectMapper().readTree(cli.out.toString());
        assertThat(root.get("kind").asText()).isEqualTo("who-can-invoke");
        assertThat(root.get("callers").toString()).contains("\"caller\":\"internet\"");
    }

    @Test
    void canReachAndPathsAnswerToo() throws IOException {
        assertThat(cli.run("query", "demo", "can-reach", "internet", "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out.toString()).get("adminReachable").asBoolean()).isTrue();

        CliRun paths = new CliRun();
        assertThat(paths.run("query", "demo", "paths", "internet", "arn:aws:iam::111122223333:role/legacy-reports-role"))
                .isZero();
        assertThat(paths.out.toString()).contains("[1] ALLOWED, 3 edges");
    }

    @Test
    void anUnknownArnIsOneLineNamingItWithTheClosestMatches() {
        String typo = LEGACY.replace("legacy-reports", "legacy-report");

        assertThat(cli.run("query", "demo", "who-can-invoke", typo)).isEqualTo(IamAtlasCommand.EXIT_USAGE);

        assertThat(cli.errLines()).singleElement().asString()
                .startsWith("iam-atlas: demo: no function " + typo).contains("did you mean " + LEGACY);
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void aNodeOfTheWrongKindIsNamedAsSuch() {
        assertThat(cli.run("query", "demo", "who-can-invoke", "internet")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(cli.errLines()).singleElement().asString().contains("internet is not a function (kind: Internet)");
    }

    @Test
    void wrongQuestionsAndArgumentCountsAreUsageErrors() {
        assertThat(cli.run("query", "demo", "who-owns", "x")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(cli.err.toString()).contains("unknown question 'who-owns'");
        CliRun two = new CliRun();
        assertThat(two.run("query", "demo", "paths", "internet")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(two.err.toString()).contains("paths takes FROM and TO");
        CliRun md = new CliRun();
        assertThat(md.run("query", "demo", "can-reach", "internet", "--format", "md")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
    }
}
