package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotJson;
import dev.iamatlas.model.synth.SyntheticAccounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void synthWritesAnAccountOfTheRequestedSize() throws IOException {
        Path file = dir.resolve("small.json");

        int code = run("synth", "--functions", "40", "--roles", "80", "--apis", "6", "--seed", "3", "--out",
                file.toString());

        assertThat(code).isZero();
        AccountSnapshot snapshot = SnapshotJson.read(file);
        assertThat(snapshot.functions()).hasSize(40);
        assertThat(snapshot.iam().roles()).hasSize(80);
        assertThat(snapshot.restApis().size() + snapshot.apisV2().size()).isEqualTo(6);
        assertThat(SyntheticAccounts.routeCount(snapshot)).isEqualTo(120);
        assertThat(SyntheticAccounts.policyCount(snapshot)).isEqualTo(160);
        assertThat(snapshot.metadata().source()).isEqualTo("synth");
        assertThat(err.toString()).startsWith("iam-atlas: synthetic account 123456789012 (seed 3): 40 functions,"
                + " 80 roles, 6 APIs, 120 routes, 160 policies; written to " + file.toAbsolutePath().normalize());
    }

    @Test
    void theSameOptionsGiveTheSameBytes() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        run("synth", "--functions", "30", "--roles", "50", "--apis", "5", "--seed", "9", "--out", a.toString());
        run("synth", "--functions", "30", "--roles", "50", "--apis", "5", "--seed", "9", "--out", b.toString());
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void routesAndPoliciesCanBeGiven() throws IOException {
        Path file = dir.resolve("custom.json");
        run("synth", "--functions", "20", "--roles", "30", "--apis", "3", "--routes", "10", "--policies", "100",
                "--out", file.toString());
        AccountSnapshot snapshot = SnapshotJson.read(file);
        assertThat(SyntheticAccounts.routeCount(snapshot)).isEqualTo(10);
        assertThat(SyntheticAccounts.policyCount(snapshot)).isEqualTo(100);
    }

    @Test
    void outDashWritesToStandardOutput() throws IOException {
        assertThat(run("synth", "--functions", "3", "--roles", "5", "--apis", "1", "--out", "-")).isZero();
        assertThat(SnapshotJson.fromJson(out.toString(), "stdout").functions()).hasSize(3);
    }

    @Test
    void impossibleSizesAreAUsageError() {
        assertThat(run("synth", "--apis", "10", "--routes", "5", "--out", dir.resolve("x.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("routes must be at least 10, got 5");
        assertThat(Files.exists(dir.resolve("x.json"))).isFalse();
    }

    @Test
    void outIsRequired() {
        assertThat(run("synth")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--out=FILE'");
    }

    private int run(String... args) {
        return IamAtlasCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
