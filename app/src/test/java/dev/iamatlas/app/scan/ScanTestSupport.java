package dev.iamatlas.app.scan;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ScanGap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every scanner test shares: a fresh {@link FakeAws} with an empty account, credentials and region from Java
 * system properties (the SDK's chain reads them before anything of the machine), AWS config files that are empty,
 * and tuning that keeps the documented pacing's shape but runs a hundred times faster with millisecond backoff.
 */
abstract class ScanTestSupport {
    static final String ACCESS_KEY = "AKIDSCANTEST";
    static final String SECRET_KEY = "s3cr3t-never-in-a-snapshot";
    static final ScanTuning FAST = ScanTuning.DEFAULTS.withRateScale(100)
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(20))
            .withAttemptTimeout(Duration.ofSeconds(3)).withThreadsPerLane(4);

    static Path configFile;
    static Path credentialsFile;
    FakeAws aws;

    @BeforeAll
    static void isolateFromTheMachine() throws IOException {
        Path dir = Files.createTempDirectory("iam-atlas-aws-config");
        Path config = Files.writeString(dir.resolve("config"), "");
        Path credentials = Files.writeString(dir.resolve("credentials"), "");
        configFile = config;
        credentialsFile = credentials;
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @BeforeEach
    void startFakeAws() {
        aws = new FakeAws().emptyAccount();
    }

    @AfterEach
    void stopFakeAws() throws IOException {
        aws.close();
        Files.writeString(configFile, "");
        Files.writeString(credentialsFile, "");
    }

    ScanRequest.Builder request() {
        return ScanRequest.builder().endpointUrl(aws.endpoint()).tuning(FAST);
    }

    AccountSnapshot scan(ScanRequest.Builder request) {
        return AwsScanner.create().scan(request.build(), ScanListener.NONE, CancellationToken.create());
    }

    AccountSnapshot scan() {
        return scan(request());
    }

    static LambdaFunction function(AccountSnapshot snapshot, String name) {
        return snapshot.functions().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no function " + name + " in " + snapshot.functions()));
    }

    static List<String> gapLines(AccountSnapshot snapshot) {
        return snapshot.gaps().stream().map(ScanGap::describe).toList();
    }

    static long calls(AccountSnapshot snapshot, String service) {
        return snapshot.metadata().apiCalls().getOrDefault(service, 0L);
    }

    static Map<String, Long> calls(AccountSnapshot snapshot) {
        return snapshot.metadata().apiCalls();
    }

    static Path writeFile(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
