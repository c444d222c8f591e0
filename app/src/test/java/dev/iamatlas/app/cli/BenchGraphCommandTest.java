package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bench graph}: what it prints, on a tiny synthetic account and on the demo account; no timings asserted. */
class BenchGraphCommandTest {

    @Test
    void benchGraphPrintsTheBuildTheHeapTheFindingsAndEachKindOfEdit() {
        CliRun cli = new CliRun();

        int code = cli.run("bench", "graph", "--scale", "0.02", "--passes", "2");

        assertThat(code).isZero();
        String out = cli.out.toString();
        assertThat(out).contains("account synth 0.02x, seed 42: 200 roles, 100 functions, 20 APIs")
                .contains("build (graph and all findings):").contains("heap after it").contains("findings")
                .contains("inline policy on an execution role").contains("trust policy of a role")
                .contains("Lambda permission, add").contains("managed policy, most attached")
                .contains("median and max of the 1 later passes");
    }

    @Test
    void benchGraphRunsOnTheDemoAccountAndTheStressAccount() {
        CliRun demo = new CliRun();
        CliRun stress = new CliRun();

        assertThat(demo.run("bench", "graph", "--snapshot", "demo", "--passes", "1", "--verbose")).isZero();
        assertThat(stress.run("bench", "graph", "--account", "stress", "--scale", "0.01", "--passes", "1")).isZero();

        assertThat(demo.out.toString()).contains("account demo:").contains("pass 1:");
        assertThat(stress.out.toString()).contains("account stress 0.01x, seed 42: 100 roles");
    }

    @Test
    void anUnknownAccountIsAUsageError() {
        CliRun cli = new CliRun();

        assertThat(cli.run("bench", "graph", "--account", "other")).isEqualTo(IamAtlasCommand.EXIT_USAGE);
        assertThat(cli.err.toString()).contains("--account must be synth or stress, got other");
    }
}
