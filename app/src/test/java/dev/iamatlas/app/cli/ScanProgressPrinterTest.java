package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.scan.ScanProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanProgressPrinterTest {
    final StringWriter err = new StringWriter();

    static ScanProgress at(double fraction, boolean finished) {
        return new ScanProgress(List.of(new ScanProgress.ServiceProgress("lambda", "eu-west-1", 40, 80, 120, false)),
                fraction, 95, 1, Duration.ofSeconds(12), finished);
    }

    @Test
    void withoutATerminalItPrintsAPlainLineAtEveryTenthOfTheWay() {
        ScanProgressPrinter printer = new ScanProgressPrinter(new PrintWriter(err, true), false, false);

        for (double f = 0; f <= 0.35; f += 0.01) {
            printer.progress(at(f, false));
        }

        assertThat(err.toString().lines()).hasSize(4).allMatch(line -> line.startsWith("iam-atlas: scan "));
        assertThat(err.toString()).contains("scan 30% (95 calls, 1 gaps, 12 s) lambda eu-west-1: 40 found, 80/120")
                .doesNotContain("\r");
    }

    @Test
    void onATerminalItRedrawsOneBarAndEndsTheLineWhenDone() {
        ScanProgressPrinter printer = new ScanProgressPrinter(new PrintWriter(err, true), true, false);

        printer.progress(at(0.5, false));
        printer.progress(at(0.6, false));
        printer.finish();

        assertThat(err.toString()).startsWith("\r[###############...............]  50%").contains("\r[##################")
                .endsWith(System.lineSeparator());
        assertThat(err.toString().chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void noProgressMeansSilence() {
        ScanProgressPrinter printer = new ScanProgressPrinter(new PrintWriter(err, true), true, true);

        printer.progress(at(0.5, false));
        printer.finish();

        assertThat(err.toString()).isEmpty();
    }
}
