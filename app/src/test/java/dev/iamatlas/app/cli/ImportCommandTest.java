package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    private static final String GAAD = """
            {
                "UserDetailList": [],
                "GroupDetailList": [],
                "RoleDetailList": [
                    {
                        "Path": "/",
                        "RoleName": "app",
                        "RoleId": "AROA4EXAMPLEAPPROLE01",
                        "Arn": "arn:aws:iam::123456789012:role/app",
                        "CreateDate": "2024-01-09T12:44:10+00:00",
                        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                            "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                        "InstanceProfileList": [],
                        "RolePolicyList": [
                            {"PolicyName": "x", "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C"},
                            {"PolicyName": "y", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}
                        ],
                        "AttachedManagedPolicies": [],
                        "Tags": [],
                        "RoleLastUsed": {}
                    }
                ],
                "Policies": []
            }
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void importWritesTheSnapshotBesideTheInputAndWarnsOnStandardError() throws IOException {
        Path gaad = write("gaad.json", GAAD);

        int code = run("import", "--gaad", gaad.toString());

        Path snapshot = dir.resolve("gaad.iam-atlas.json");
        assertThat(code).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                "iam-atlas: warning: role/app inline policy 'x': not valid JSON",
                "iam-atlas: imported account 123456789012: 0 users, 0 groups, 1 roles, 0 managed policies;"
                        + " 1 warning; snapshot written to " + snapshot.toAbsolutePath().normalize());
        AccountSnapshot imported = SnapshotJson.read(snapshot);
        assertThat(imported.metadata().source()).isEqualTo("import-gaad");
        assertThat(imported.gaps()).singleElement().satisfies(g -> {
            assertThat(g.service()).isEqualTo("iam");
            assertThat(g.operation()).isEqualTo("import-gaad");
            assertThat(g.resource()).isEqualTo("arn:aws:iam::123456789012:role/app");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshot))).isEqualTo("rw-------");
    }

    @Test
    void outDashWritesTheSnapshotToStandardOutput() throws IOException {
        Path gaad = write("gaad.json", GAAD);

        int code = run("import", "--gaad", gaad.toString(), "--out", "-");

        assertThat(code).isZero();
        assertThat(SnapshotJson.fromJson(out.toString(), "stdout").iam().roles()).hasSize(1);
        assertThat(err.toString()).contains("snapshot written to standard output");
    }

    @Test
    void anExplicitOutIsUsed() throws IOException {
        Path gaad = write("dump.txt", GAAD);
        Path target = dir.resolve("acme.json");

        assertThat(run("import", "--gaad", gaad.toString(), "--out", target.toString())).isZero();
        assertThat(SnapshotJson.read(target).accountId()).isEqualTo("123456789012");
    }

    @Test
    void aFileThatIsNotGaadOutputIsOneLineAndExitCodeTwo() throws IOException {
        Path list = write("list.json", "[1, 2]");

        int code = run("import", "--gaad", list.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("iam-atlas: " + list
                + ": not get-account-authorization-details output (expected a JSON object, found a list)");
        assertThat(Files.exists(dir.resolve("list.iam-atlas.json"))).isFalse();
    }

    @Test
    void aSnapshotGivenAsGaadIsRefusedWithAHint() throws IOException {
        Path gaad = write("gaad.json", GAAD);
        run("import", "--gaad", gaad.toString());
        Path snapshot = dir.resolve("gaad.iam-atlas.json");

        int code = run("import", "--gaad", snapshot.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(snapshot + ": this is already an IAM Atlas snapshot");
    }

    @Test
    void aMissingFileIsExitCodeTwo() {
        Path missing = dir.resolve("missing.json");
        assertThat(run("import", "--gaad", missing.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("iam-atlas: " + missing + ": no such file");
    }

    @Test
    void theInputIsNeverOverwritten() throws IOException {
        Path gaad = write("gaad.json", GAAD);
        assertThat(run("import", "--gaad", gaad.toString(), "--out", gaad.toString())).isEqualTo(2);
        assertThat(Files.readString(gaad)).isEqualTo(GAAD);
    }

    @Test
    void gaadIsRequired() {
        assertThat(run("import")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--gaad=FILE'");
    }

    @Test
    void theDefaultOutputNameReplacesTheJsonSuffix() {
        assertThat(ImportCommand.defaultOut(Path.of("a/gaad.json"))).isEqualTo(Path.of("a/gaad.iam-atlas.json"));
        assertThat(ImportCommand.defaultOut(Path.of("a/dump"))).isEqualTo(Path.of("a/dump.iam-atlas.json"));
    }

    private int run(String... args) {
        return IamAtlasCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
