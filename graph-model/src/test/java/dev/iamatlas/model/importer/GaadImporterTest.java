package dev.iamatlas.model.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyVersion;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaadImporterTest {

    private static final String ACCOUNT = "123456789012";
    private static final String ORDERS_ROLE = "arn:aws:iam::123456789012:role/service-role/orders-api-handler-role";

    @TempDir
    Path dir;

    private final GaadImporter importer = new GaadImporter();

    @Test
    void aCliDumpBecomesASnapshotOfTheAccountItNames() throws IOException {
        AccountSnapshot snapshot = importFixture().snapshot();

        assertThat(snapshot.accountId()).isEqualTo(ACCOUNT);
        assertThat(snapshot.metadata().partition()).isEqualTo("aws");
        assertThat(snapshot.metadata().source()).isEqualTo("import-gaad");
        assertThat(snapshot.metadata().complete()).isTrue();
        assertThat(snapshot.metadata().regions()).isEmpty();
        assertThat(snapshot.iam().users()).extracting(IamUser::name).containsExactly("alice.nguyen", "ci-bot");
        assertThat(snapshot.iam().groups()).extracting(g -> g.name()).containsExactly("developers", "admins");
        assertThat(snapshot.iam().roles()).hasSize(4);
        assertThat(snapshot.iam().managedPolicies()).hasSize(6);
        assertThat(snapshot.functions()).isEmpty();
    }

    @Test
    void usersKeepGroupsBoundaryTagsAndAttachedPolicies() throws IOException {
        IamUser alice = importFixture().snapshot().iam().users().get(0);

        assertThat(alice.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice.nguyen");
        assertThat(alice.userId()).isEqualTo("AIDA4EXAMPLEALICE0001");
        assertThat(alice.groups()).containsExactly("developers");
        assertThat(alice.attachedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(alice.permissionsBoundaryArn())
                .isEqualTo("arn:aws:iam::123456789012:policy/boundaries/developer-boundary");
        assertThat(alice.tags()).containsEntry("team", "checkout").containsEntry("cost-center", "4711");
        assertThat(alice.inlinePolicies()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("self-manage-mfa");
            assertThat(p.document().tree().at("/Statement/0/Sid").asText()).isEqualTo("AllowManageOwnMFA");
        });
    }

    @Test
    void urlEncodedDocumentsAreDecoded() throws IOException {
        AccountSnapshot snapshot = importFixture().snapshot();
        IamUser ci = snapshot.iam().users().get(1);

        assertThat(ci.path()).isEqualTo("/service/");
        assertThat(ci.inlinePolicies().get(0).document().tree().at("/Statement/0/Resource").asText())
                .isEqualTo("arn:aws:s3:::acme-artifacts/*");
        ManagedPolicy boundary = policy(snapshot, "developer-boundary");
        assertThat(boundary.defaultDocument()).hasValueSatisfying(d -> assertThat(d.isJson()).isTrue());
    }

    @Test
    void rolesKeepTrustPolicyPathBoundaryAndTagsButNotInstanceProfiles() throws IOException {
        IamRole role = role(importFixture().snapshot(), "orders-api-handler-role");

        assertThat(role.arn()).isEqualTo(ORDERS_ROLE);
        assertThat(role.path()).isEqualTo("/service-role/");
        assertThat(role.roleId()).isEqualTo("AROA4EXAMPLEORDERS005");
        assertThat(role.trustPolicy().tree().at("/Statement/0/Principal/Service").asText())
                .isEqualTo("lambda.amazonaws.com");
        assertThat(role.attachedPolicyArns()).containsExactly(
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "arn:aws:iam::123456789012:policy/orders-data-access");
        assertThat(role.permissionsBoundaryArn()).endsWith(":policy/boundaries/developer-boundary");
        assertThat(role.tags()).containsEntry("app", "orders");
        assertThat(role(importFixture().snapshot(), "AWSServiceRoleForAPIGateway").serviceLinked()).isTrue();
    }

    @Test
    void managedPoliciesKeepEveryVersionAndWhichIsTheDefault() throws IOException {
        ManagedPolicy policy = policy(importFixture().snapshot(), "orders-data-access");

        assertThat(policy.defaultVersionId()).isEqualTo("v3");
        assertThat(policy.attachmentCount()).isEqualTo(1);
        assertThat(policy.versions()).extracting(PolicyVersion::versionId).containsExactly("v3", "v2", "v1");
        assertThat(policy.versions()).extracting(PolicyVersion::defaultVersion).containsExactly(true, false, false);
        assertThat(policy.versions().get(2).createDate()).isEqualTo(Instant.parse("2023-01-10T09:00:00Z"));
        assertThat(policy.defaultDocument().orElseThrow().json()).contains("dynamodb:GetItem");
        assertThat(policy(importFixture().snapshot(), "AdministratorAccess").awsManaged()).isTrue();
    }

    @Test
    void aPolicyThatIsNotJsonIsAWarningNamingThePrincipalAndThePolicyNotAFailure() throws IOException {
        GaadImport result = importFixture();

        assertThat(result.warnings()).containsExactly(
                "role/orders-api-handler-role inline policy 'legacy-queue': not valid JSON",
                "role/web-server inline policy 'read-config': not a policy: no Statement");
        IamRole role = role(result.snapshot(), "orders-api-handler-role");
        assertThat(role.inlinePolicies()).extracting(p -> p.name()).containsExactly("orders-table", "legacy-queue");
        assertThat(role.inlinePolicies().get(1).document().isJson()).isFalse();
    }

    @Test
    void aPolicyThatCannotBeReadIsRecordedAsAScanGap() throws IOException {
        List<ScanGap> gaps = importFixture().snapshot().gaps();

        assertThat(gaps).hasSize(2);
        assertThat(gaps.get(0)).satisfies(gap -> {
            assertThat(gap.service()).isEqualTo("iam");
            assertThat(gap.operation()).isEqualTo("import-gaad");
            assertThat(gap.resource()).isEqualTo(ORDERS_ROLE);
            assertThat(gap.message()).isEqualTo("role/orders-api-handler-role inline policy 'legacy-queue': not valid JSON");
        });
    }

    @Test
    void thePolicyCheckCanBeReplaced() throws IOException {
        GaadImporter strict = new GaadImporter(doc -> doc.json().contains("\"Action\":\"*\"")
                ? Optional.of("grants every action") : Optional.empty());

        GaadImport result = strict.read(fixture());

        assertThat(result.warnings()).containsExactly("policy/AdministratorAccess version v1: grants every action");
    }

    @Test
    void aPolicyTheParserRejectsIsAWarningWithTheParsersOneLineMessage() throws IOException {
        String json = """
                {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r",
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                  "RolePolicyList": [{"PolicyName": "typo", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                    {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*",
                     "Condition": {"StringEqualz": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}]}}]}]}
                """;

        GaadImport result = importer.fromJson(json, "dump.json");

        assertThat(result.warnings()).containsExactly(
                "role/r inline policy 'typo': Statement[1]: unknown condition operator StringEqualz");
        assertThat(result.snapshot().gaps()).singleElement().extracting(ScanGap::errorCode).isEqualTo("InvalidPolicy");
    }

    /**
     * A trust policy is resource-based and must name a principal; an identity policy must not, and needs
     * a Resource (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">Principal</a>,
     * <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">Resource</a>).
     */
    @Test
    void eachPolicyIsCheckedInItsRole() throws IOException {
        String json = """
                {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r",
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole"}},
                  "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                    "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}}},
                   {"PolicyName": "q", "PolicyDocument": {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                    "Action": "s3:GetObject"}}}]}]}
                """;

        assertThat(importer.fromJson(json, "dump.json").warnings()).containsExactly(
                "role/r trust policy: Statement: missing Principal or NotPrincipal (required in a resource-based policy)",
                "role/r inline policy 'p': Statement: Principal is not allowed in an identity-based policy",
                "role/r inline policy 'q': Statement: missing Resource or NotResource (required in an identity-based policy)");
    }

    @Test
    void trustPoliciesAndManagedVersionsAreCheckedToo() throws IOException {
        String json = """
                {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r",
                  "AssumeRolePolicyDocument": "not a policy"}],
                 "Policies": [{"PolicyName": "p", "Arn": "arn:aws:iam::123456789012:policy/p", "DefaultVersionId": "v1",
                  "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": ["x"]}]}]}
                """;

        GaadImport result = importer.fromJson(json, "dump.json");

        assertThat(result.warnings()).containsExactly("role/r trust policy: not valid JSON",
                "policy/p version v1: not a JSON object");
        assertThat(result.snapshot().gaps()).extracting(ScanGap::resource)
                .containsExactly("arn:aws:iam::123456789012:role/r", "arn:aws:iam::123456789012:policy/p");
    }

    @Test
    void severalPagesInOneFileAreMergedAndRepeatedEntitiesKeptOnce() throws IOException {
        String page1 = """
                {"UserDetailList": [{"UserName": "a", "Arn": "arn:aws:iam::123456789012:user/a"}],
                 "RoleDetailList": [], "GroupDetailList": [], "Policies": [], "IsTruncated": true, "Marker": "abc"}
                """;
        String page2 = """
                {"UserDetailList": [{"UserName": "a", "Arn": "arn:aws:iam::123456789012:user/a"},
                                    {"UserName": "b", "Arn": "arn:aws:iam::123456789012:user/b"}],
                 "IsTruncated": false}
                """;

        GaadImport result = importer.fromJson(page1 + page2, "pages.json");

        assertThat(result.snapshot().iam().users()).extracting(IamUser::name).containsExactly("a", "b");
        assertThat(result.snapshot().metadata().complete()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void outputCutShortByMaxItemsGivesAnIncompleteSnapshotAndAWarning() throws IOException {
        String json = """
                {"UserDetailList": [{"UserName": "a", "Arn": "arn:aws:iam::123456789012:user/a"}],
                 "NextToken": "eyJNYXJrZXIiOiBudWxsfQ=="}
                """;

        GaadImport result = importer.fromJson(json, "dump.json");

        assertThat(result.snapshot().metadata().complete()).isFalse();
        assertThat(result.warnings()).singleElement().asString().contains("cut short", "--max-items");
        assertThat(result.snapshot().gaps()).singleElement().extracting(ScanGap::errorCode).isEqualTo("Truncated");
    }

    @Test
    void managedPoliciesMissingFromAFilteredDumpAreWarnedAbout() throws IOException {
        String json = """
                {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r",
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
                  "AttachedManagedPolicies": [{"PolicyName": "X", "PolicyArn": "arn:aws:iam::aws:policy/X"}]}]}
                """;

        assertThat(importer.fromJson(json, "dump.json").warnings()).containsExactly(
                "managed policy arn:aws:iam::aws:policy/X (used by role/r) is not in the dump; was --filter used?");
    }

    @Test
    void theGovCloudPartitionIsTakenFromTheArns() throws IOException {
        String json = """
                {"UserDetailList": [{"UserName": "a", "Arn": "arn:aws-us-gov:iam::123456789012:user/a"}]}
                """;
        assertThat(importer.fromJson(json, "dump.json").snapshot().metadata().partition()).isEqualTo("aws-us-gov");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithTheFileAndTheProblem() throws IOException {
        Path file = write("not-json.txt", "UserName: alice\n");
        assertThatThrownBy(() -> importer.read(file)).isInstanceOf(GaadFormatException.class)
                .hasMessageStartingWith(file + ": not valid JSON (line 1, column");
    }

    @Test
    void aListIsRefused() throws IOException {
        Path file = write("list.json", "[{\"UserName\": \"a\"}]");
        assertThatThrownBy(() -> importer.read(file)).isInstanceOf(GaadFormatException.class).hasMessage(file
                + ": not get-account-authorization-details output (expected a JSON object, found a list)");
    }

    @Test
    void aSnapshotFileIsRefusedWithAHint() throws IOException {
        Path file = dir.resolve("snapshot.json");
        SnapshotJson.write(importFixture().snapshot(), file);
        assertThatThrownBy(() -> importer.read(file)).isInstanceOf(GaadFormatException.class)
                .hasMessageContaining("already an IAM Atlas snapshot");
    }

    @Test
    void otherJsonIsRefusedNamingWhatIsMissing() throws IOException {
        Path file = write("other.json", "{\"Users\": []}");
        assertThatThrownBy(() -> importer.read(file)).hasMessage(file + ": not get-account-authorization-details"
                + " output (it has none of UserDetailList, GroupDetailList, RoleDetailList, Policies)");
    }

    @Test
    void aListOfTheWrongTypeIsRefused() throws IOException {
        Path file = write("wrong.json", "{\"RoleDetailList\": \"roles\"}");
        assertThatThrownBy(() -> importer.read(file))
                .hasMessage(file + ": wrong shape at RoleDetailList: expected a list, found a string");
    }

    @Test
    void anEmptyFileAndAMissingFileAreRefused() throws IOException {
        Path empty = write("empty.json", "  \n");
        assertThatThrownBy(() -> importer.read(empty)).hasMessage(empty + ": the file is empty");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> importer.read(missing)).hasMessage(missing + ": no such file");
    }

    @Test
    void aDumpOfSeveralAccountsIsRefused() {
        String json = """
                {"UserDetailList": [{"UserName": "a", "Arn": "arn:aws:iam::111111111111:user/a"},
                                    {"UserName": "b", "Arn": "arn:aws:iam::222222222222:user/b"}]}
                """;
        assertThatThrownBy(() -> importer.fromJson(json, "two.json")).hasMessage("two.json: the ARNs name 2 accounts"
                + " (111111111111, 222222222222); import one account's dump at a time");
    }

    @Test
    void entriesWithoutArnAreSkippedWithAWarning() throws IOException {
        String json = """
                {"UserDetailList": [{"UserName": "nameless"}, {"UserName": "a", "Arn": "arn:aws:iam::123456789012:user/a"}]}
                """;
        GaadImport result = importer.fromJson(json, "dump.json");
        assertThat(result.warnings()).containsExactly("UserDetailList[0]: no Arn; skipped");
        assertThat(result.snapshot().iam().users()).hasSize(1);
    }

    @Test
    void datesInTheFormsTheCliPrintsAreRead() {
        Instant expected = Instant.parse("2019-12-18T19:10:08Z");
        assertThat(GaadImporter.instant(TextNode.valueOf("2019-12-18T19:10:08Z"))).isEqualTo(expected);
        assertThat(GaadImporter.instant(TextNode.valueOf("2019-12-18T19:10:08+00:00"))).isEqualTo(expected);
        assertThat(GaadImporter.instant(TextNode.valueOf("2019-12-18 19:10:08+00:00"))).isEqualTo(expected);
        assertThat(GaadImporter.instant(TextNode.valueOf("yesterday"))).isNull();
    }

    @Test
    void anImportedSnapshotSurvivesTheSnapshotFileFormat() throws IOException {
        AccountSnapshot snapshot = importFixture().snapshot();
        Path file = dir.resolve("imported.json");
        SnapshotJson.write(snapshot, file);
        assertThat(SnapshotJson.read(file)).isEqualTo(snapshot);
    }

    private GaadImport importFixture() throws IOException {
        return importer.read(fixture());
    }

    private Path fixture() throws IOException {
        Path file = dir.resolve("gaad-acme.json");
        if (!Files.exists(file)) {
            try (InputStream in = getClass().getResourceAsStream("gaad-acme.json")) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static IamRole role(AccountSnapshot snapshot, String name) {
        return snapshot.iam().roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static ManagedPolicy policy(AccountSnapshot snapshot, String name) {
        return snapshot.iam().managedPolicies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Capability edge statuses of one principal after a full analysis of the imported snapshot, by target node id. */
    private static java.util.Map<String, dev.iamatlas.model.graph.EdgeStatus> capabilities(AccountSnapshot snapshot,
            String principal) {
        try (dev.iamatlas.model.edit.AnalysisSession session = dev.iamatlas.model.edit.AnalysisSession.open(snapshot)) {
            java.util.Map<String, dev.iamatlas.model.graph.EdgeStatus> out = new java.util.TreeMap<>();
            session.graph().outgoing(principal).stream()
                    .filter(e -> e.type() == dev.iamatlas.model.graph.EdgeType.CAN_PERFORM)
                    .forEach(e -> out.put(e.targetId(), e.status()));
            return out;
        }
    }

    /** A user whose GroupList names a group twice is one membership (the analysis used to stop at the second). */
    @Test
    void aGroupListedTwiceIsOneMembership() throws IOException {
        String json = """
                {"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::123456789012:user/u",
                  "GroupList": ["g", "g"]}],
                 "GroupDetailList": [{"GroupName": "g", "Arn": "arn:aws:iam::123456789012:group/g",
                  "GroupPolicyList": [{"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}]}]}
                """;

        GaadImport result = importer.fromJson(json, "dump.json");

        assertThat(result.snapshot().iam().users().get(0).groups()).containsExactly("g");
        assertThat(result.warnings()).containsExactly("user/u: group g is listed twice; counted once");
        assertThat(capabilities(result.snapshot(), "arn:aws:iam::123456789012:user/u"))
                .containsEntry("capability:s3|*", dev.iamatlas.model.graph.EdgeStatus.ALLOWED);
    }

    /**
     * IAM evaluates only a managed policy's default version
     * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html">versioning</a>):
     * an unreadable older version is a warning, and the attachers' permissions stay decided.
     */
    @Test
    void anUnreadableVersionThatIsNotTheDefaultLeavesPermissionsDecided() throws IOException {
        String json = """
                {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r",
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                  "AttachedManagedPolicies": [{"PolicyName": "m", "PolicyArn": "arn:aws:iam::123456789012:policy/m"}]}],
                 "Policies": [{"PolicyName": "m", "Arn": "arn:aws:iam::123456789012:policy/m", "DefaultVersionId": "v2",
                  "PolicyVersionList": [
                    {"VersionId": "v1", "IsDefaultVersion": false, "Document": {"Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                        "Condition": {"StringEqualz": {"aws:SourceVpce": "vpce-1"}}}]}},
                    {"VersionId": "v2", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}]}]}
                """;

        GaadImport result = importer.fromJson(json, "dump.json");

        assertThat(result.warnings()).singleElement().asString().contains("version v1").contains("not the default");
        assertThat(result.snapshot().gaps()).isEmpty();
        assertThat(capabilities(result.snapshot(), "arn:aws:iam::123456789012:role/r"))
                .containsEntry("capability:s3|*", dev.iamatlas.model.graph.EdgeStatus.ALLOWED);
    }

    /** An unreadable trust policy makes who may assume the role uncertain, not what the role may do. */
    @Test
    void anUnreadableTrustPolicyLeavesTheRolesOwnPermissionsDecided() throws IOException {
        String json = """
                {"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r",
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "sts:AssumeRole",
                    "Condition": {"StringEqualz": {"sts:ExternalId": "x"}}}]},
                  "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}]}]}
                """;

        GaadImport result = importer.fromJson(json, "dump.json");

        assertThat(result.snapshot().gaps()).singleElement().extracting(ScanGap::errorCode)
                .isEqualTo(ScanGap.INVALID_TRUST_POLICY);
        assertThat(capabilities(result.snapshot(), "arn:aws:iam::123456789012:role/r"))
                .containsEntry("capability:s3|*", dev.iamatlas.model.graph.EdgeStatus.ALLOWED);
    }
}
