package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.scan.AwsScanner;
import dev.iamatlas.app.scan.ScanException;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.ScanMetadata;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code scan} command's contract, with a stand-in scanner (the scanner itself is tested against WireMock). */
class ScanCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicReference<dev.iamatlas.app.scan.ScanRequest> seen = new AtomicReference<>();

    static AccountSnapshot sample() {
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        return AccountSnapshot.builder(new ScanMetadata("111122223333", "shop", "aws", List.of("eu-west-1"), "scan",
                        "0.1.0", "arn:aws:iam::111122223333:user/me", start, start.plusSeconds(3), true,
                        Map.of("lambda", 12L, "iam", 3L)))
                .function(LambdaFunction.builder("arn:aws:lambda:eu-west-1:111122223333:function:orders", "orders",
                        "eu-west-1").alias(new FunctionAlias("live", "arn:aws:lambda:eu-west-1:111122223333:function:orders:live",
                        "1", null, null)).build())
                .gap(new ScanGap("lambda", "eu-west-1", "GetPolicy", "arn:aws:lambda:eu-west-1:111122223333:function:a",
                        "AccessDeniedException", "not authorized"))
                .gap(new ScanGap("lambda", "eu-west-1", "GetPolicy", "arn:aws:lambda:eu-west-1:111122223333:function:b",
                        "AccessDeniedException", "not authorized"))
                .build();
    }

    int run(AwsScanner scanner, String... args) {
        CommandLine commandLine = IamAtlasCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        ScanCommand scan = commandLine.getSubcommands().get("scan").getCommand();
        scan.scanner = () -> scanner;
        return commandLine.execute(args);
    }

    AwsScanner returning(AccountSnapshot snapshot) {
        return (request, listener, cancellation) -> {
            seen.set(request);
            return snapshot;
        };
    }

    @Test
    void writesTheSnapshotOwnerOnlyAndSaysWhereWithTheGapsAsWarnings() throws Exception {
        Path file = dir.resolve("shop.json");

        int code = run(returning(sample()), "scan", "--region", "eu-west-1", "--out", file.toString());

        assertThat(code).isZero();
        assertThat(SnapshotJson.read(file).functions()).extracting(LambdaFunction::name).containsExactly("orders");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(err.toString()).contains("scanned account 111122223333 (shop): 1 functions")
                .contains("warning: lambda eu-west-1 GetPolicy: AccessDeniedException for 2 resources")
                .contains("snapshot written to " + file.toAbsolutePath());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void outDashWritesTheSnapshotToStandardOutput() throws Exception {
        int code = run(returning(sample()), "scan", "--region", "eu-west-1", "--out", "-");

        assertThat(code).isZero();
        assertThat(SnapshotJson.fromJson(out.toString(), "stdout").accountId()).isEqualTo("111122223333");
        assertThat(err.toString()).contains("snapshot written to standard output");
    }

    @Test
    void withoutOutTheSnapshotIsNamedAfterTheAccountAndTheTimeTheScanFinished() {
        assertThat(ScanCommand.defaultFile(sample())).hasToString("111122223333-20261124-100003.iam-atlas.json");

        assertThat(run(returning(sample()), "scan", "--help")).isZero();
        assertThat(out.toString()).contains("ACCOUNT-DATE.iam-atlas.json").contains("--endpoint-url")
                .contains("--role-arn").contains("--external-id").contains("--all-regions");
    }

    @Test
    void theOptionsBecomeTheScanRequest() {
        run(returning(sample()), "scan", "--region", "eu-west-1,us-east-1", "--region", "ap-south-1",
                "--endpoint-url", "http://127.0.0.1:4566", "--role-arn", "arn:aws:iam::111122223333:role/auditor",
                "--external-id", "ext", "--no-version-policies", "--out", dir.resolve("s.json").toString());

        var request = seen.get();
        assertThat(request.regions()).containsExactly("eu-west-1", "us-east-1", "ap-south-1");
        assertThat(request.endpointUrl()).hasToString("http://127.0.0.1:4566");
        assertThat(request.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/auditor");
        assertThat(request.externalId()).isEqualTo("ext");
        assertThat(request.versionPolicies()).isFalse();
        assertThat(request.mfaPrompt()).isNotNull();
    }

    @Test
    void usageAndCredentialProblemsExitWithTwoAndOneLine() {
        assertThat(run(returning(sample()), "scan", "--region", "eu-west-1", "--all-regions")).isEqualTo(2);
        assertThat(err.toString()).contains("--region and --all-regions exclude each other");

        err.getBuffer().setLength(0);
        assertThat(run(returning(sample()), "scan", "--region", "not a region")).isEqualTo(2);
        assertThat(err.toString()).contains("not an AWS region name: 'not a region'");

        err.getBuffer().setLength(0);
        AwsScanner noCredentials = (request, listener, cancellation) -> {
            throw new ScanException("no usable AWS credentials: Unable to load credentials");
        };
        assertThat(run(noCredentials, "scan", "--region", "eu-west-1")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("iam-atlas: no usable AWS credentials: Unable to load credentials");
    }

    @Test
    void gapsOfOneKindAreGroupedOnOneLine() {
        assertThat(ScanCommand.groupedGaps(sample().gaps())).containsExactly("lambda eu-west-1 GetPolicy: "
                + "AccessDeniedException for 2 resources (first: arn:aws:lambda:eu-west-1:111122223333:function:a) "
                + "(not authorized)");
    }
}
