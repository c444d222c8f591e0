package dev.iamatlas.model.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonTest {

    @TempDir
    Path dir;

    @Test
    void aSnapshotReadsBackEqualToWhatWasWritten() throws IOException {
        AccountSnapshot snapshot = SnapshotFixtures.smallAccount();
        Path file = dir.resolve("account.json");

        SnapshotJson.write(snapshot, file);

        assertThat(SnapshotJson.read(file)).isEqualTo(snapshot);
    }

    @Test
    void writingTheSameSnapshotTwiceGivesIdenticalBytes() throws IOException {
        AccountSnapshot snapshot = SnapshotFixtures.smallAccount();
        String first = SnapshotJson.toJson(snapshot);
        String second = SnapshotJson.toJson(SnapshotJson.fromJson(first, "mem"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void keysAreSortedAtEveryLevelIncludingInsidePolicies() {
        String json = SnapshotJson.toJson(SnapshotFixtures.smallAccount());
        assertThat(json.indexOf("\"apisV2\"")).isLessThan(json.indexOf("\"formatVersion\""));
        assertThat(json.indexOf("\"formatVersion\"")).isLessThan(json.indexOf("\"functions\""));
        assertThat(json.indexOf("\"functions\"")).isLessThan(json.indexOf("\"metadata\""));
        // Inside an embedded policy document: Action < Condition < Effect < Principal < Resource < Sid.
        int action = json.indexOf("\"Action\" : \"lambda:InvokeFunction\"");
        int condition = json.indexOf("\"Condition\"", action);
        int effect = json.indexOf("\"Effect\"", action);
        int principal = json.indexOf("\"Principal\"", action);
        int resource = json.indexOf("\"Resource\"", action);
        int sid = json.indexOf("\"Sid\" : \"apigw\"", action);
        assertThat(List.of(action, condition, effect, principal, resource, sid)).isSorted().doesNotContain(-1);
    }

    @Test
    void policiesAreEmbeddedAsJsonObjectsNotStrings() {
        String json = SnapshotJson.toJson(SnapshotFixtures.smallAccount());
        assertThat(json).contains("\"trustPolicy\" : {");
        assertThat(json).doesNotContain("\\\"Statement\\\"");
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("account.json");
        SnapshotJson.write(SnapshotFixtures.smallAccount(), file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void overwritingLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("account.json");
        SnapshotJson.write(SnapshotFixtures.smallAccount(), file);
        SnapshotJson.write(SnapshotFixtures.smallAccount(), file);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("account.json");
        }
    }

    @Test
    void aFailedWriteKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("account.json");
        SnapshotJson.write(SnapshotFixtures.smallAccount(), file);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> dev.iamatlas.model.io.AtomicFiles.write(file,
                dev.iamatlas.model.io.AtomicFiles.Access.OWNER_ONLY, out -> {
                    out.write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("disk full");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void malformedJsonNamesTheFileAndTheLine() throws IOException {
        Path file = write("broken.json", "{\n  \"formatVersion\": 1,\n  \"metadata\": {\n");
        assertThatThrownBy(() -> SnapshotJson.read(file))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageStartingWith(file + ": not valid JSON")
                .hasMessageContaining("line ");
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() throws IOException {
        Path file = write("empty.json", "");
        assertThatThrownBy(() -> SnapshotJson.read(file)).hasMessage(file + ": the file is empty");
    }

    @Test
    void aJsonFileThatIsNotASnapshotSaysSo() throws IOException {
        Path file = write("list.json", "[1,2,3]");
        assertThatThrownBy(() -> SnapshotJson.read(file))
                .hasMessage(file + ": not an IAM Atlas snapshot (expected a JSON object, found a list)");
    }

    @Test
    void aGaadDumpIsRecognisedAndTheImportCommandSuggested() throws IOException {
        Path file = write("gaad.json", "{\"UserDetailList\":[],\"RoleDetailList\":[]}");
        assertThatThrownBy(() -> SnapshotJson.read(file))
                .hasMessageContaining("no formatVersion")
                .hasMessageContaining("import --gaad");
    }

    @Test
    void aNewerFormatVersionIsRefusedWithAnUpgradeHint() throws IOException {
        Path file = write("future.json", "{\"formatVersion\": 7, \"metadata\": {\"accountId\": \"1\"}}");
        assertThatThrownBy(() -> SnapshotJson.read(file))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessage(file + ": snapshot format version 7 is newer than this program reads (1); update IAM Atlas");
    }

    @Test
    void aFieldOfTheWrongTypeIsReportedWithItsPath() throws IOException {
        Path file = write("shape.json", "{\"formatVersion\":1,\"metadata\":{\"accountId\":\"111122223333\"},"
                + "\"functions\":[{\"arn\":\"arn:aws:lambda:us-east-1:1:function:f\",\"name\":\"f\",\"aliases\":\"x\"}]}");
        assertThatThrownBy(() -> SnapshotJson.read(file))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageStartingWith(file + ": wrong shape at functions[0].aliases");
    }

    @Test
    void anUnknownFieldIsReportedWithItsPath() throws IOException {
        Path file = write("unknown.json", "{\"formatVersion\":1,\"metadata\":{\"accountId\":\"1\"},\"lamdbas\":[]}");
        assertThatThrownBy(() -> SnapshotJson.read(file))
                .hasMessage(file + ": wrong shape at lamdbas: unknown field 'lamdbas'");
    }

    @Test
    void aMissingRequiredFieldIsReported() throws IOException {
        Path file = write("noarn.json", "{\"formatVersion\":1,\"metadata\":{\"accountId\":\"1\"},"
                + "\"functions\":[{\"name\":\"f\"}]}");
        assertThatThrownBy(() -> SnapshotJson.read(file))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageStartingWith(file + ": wrong shape at functions[0]")
                .hasMessageContaining("arn");
    }

    @Test
    void aMissingFileNamesTheFile() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> SnapshotJson.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": cannot be read (no such file or folder)");
    }

    @Test
    void policiesGivenAsStringsInAHandWrittenFileAreDecoded() throws IOException {
        Path file = write("strings.json", "{\"formatVersion\":1,\"metadata\":{\"accountId\":\"111122223333\"},"
                + "\"iam\":{\"roles\":[{\"arn\":\"arn:aws:iam::111122223333:role/r\",\"name\":\"r\","
                + "\"trustPolicy\":\"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D\"}]}}");
        AccountSnapshot snapshot = SnapshotJson.read(file);
        assertThat(snapshot.iam().roles()).extracting(r -> r.trustPolicy().json())
                .containsExactly("{\"Statement\":[],\"Version\":\"2012-10-17\"}");
    }

    @Test
    void emptyCollectionsAreLeftOutAndReadBackEmpty() throws IOException {
        AccountSnapshot empty = AccountSnapshot.builder(ScanMetadata.of("111122223333", "scan", List.of())).build();
        String json = SnapshotJson.toJson(empty);
        assertThat(json).doesNotContain("functions").doesNotContain("gaps");
        assertThat(SnapshotJson.fromJson(json, "mem").functions()).isEmpty();
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
