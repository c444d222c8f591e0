package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamatlas.model.edit.RemoveLambdaPermission;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotJson;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    /** The demo with catalog-service:live's permission for GET /products removed: prod's route breaks. */
    private Path broken() throws Exception {
        AccountSnapshot s = new RemoveLambdaPermission("arn:aws:lambda:us-east-1:111122223333:function:catalog-service:live",
                "storefront-prod-get-products").execute(SnapshotSource.demo());
        Path file = dir.resolve("new.json");
        SnapshotJson.write(s, file);
        return file;
    }

    @Test
    void aSnapshotAgainstItselfHasNoChange() {
        assertThat(cli.run("diff", "demo", "demo")).isZero();
        assertThat(cli.out.toString()).contains("No change in reach or findings.");
    }

    @Test
    void aBrokenPermissionIsReachLostAndANewFinding() throws Exception {
        assertThat(cli.run("diff", "demo", broken().toString(), "--format", "json")).isZero();

        JsonNode root = new ObjectMapper().readTree(cli.out.toString());
        assertThat(root.get("summary").get("reachLost").asInt()).isPositive();
        assertThat(root.get("findings").get("new").get(0).get("rule").asText()).isEqualTo("APIGW_LAMBDA_PERMISSION_MISSING");
    }

    @Test
    void failOnAppliesToNewFindings() throws Exception {
        Path newer = broken();
        assertThat(cli.run("diff", "demo", newer.toString(), "--fail-on", "high")).isEqualTo(IamAtlasCommand.EXIT_FINDINGS);
        assertThat(new CliRun().run("diff", "demo", newer.toString(), "--fail-on", "critical")).isZero();
        assertThat(new CliRun().run("diff", "demo", "demo", "--fail-on", "info")).isZero();
    }

    @Test
    void markdownGoesToAnOwnerOnlyFile() throws Exception {
        Path out = dir.resolve("diff.md");
        assertThat(cli.run("diff", "demo", broken().toString(), "--format", "md", "--out", out.toString())).isZero();
        assertThat(Files.readString(out)).startsWith("# Reach diff").contains("## Reach lost");
    }

    @Test
    void aMissingSnapshotIsAOneLineError() {
        assertThat(cli.run("diff", "demo", dir.resolve("gone.json").toString())).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(cli.errLines()).singleElement().asString().contains("gone.json");
    }
}
