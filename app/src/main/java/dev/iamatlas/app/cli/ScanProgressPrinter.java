package dev.iamatlas.app.cli;

import dev.iamatlas.app.scan.ScanListener;
import dev.iamatlas.app.scan.ScanProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a scan's progress on standard error: on a terminal, one line redrawn in place with a bar, the busiest
 * service and the calls made; otherwise a plain line at every tenth of the way (or every 30 seconds), so that logs
 * stay short.
 */
final class ScanProgressPrinter implements ScanListener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private boolean drawn;
    private int lastTenth = -1;
    private long lastLineNanos = System.nanoTime();

    ScanProgressPrinter(PrintWriter err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    @Override
    public synchronized void progress(ScanProgress progress) {
        if (quiet) {
            return;
        }
        int percent = (int) Math.floor(progress.fraction() * 100);
        String busiest = progress.services().stream().filter(s -> !s.finished())
                .max((a, b) -> Long.compare(a.total() - a.done(), b.total() - b.done()))
                .map(ScanProgress.ServiceProgress::describe).orElse("finishing");
        if (terminal) {
            int filled = (int) Math.round(progress.fraction() * WIDTH);
            String line = String.format(Locale.ROOT, "\r[%s%s] %3d%%  %d calls  %d gaps  %s", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), percent, progress.apiCalls(), progress.gaps(), busiest);
            err.print(line.length() > 120 ? line.substring(0, 120) : line + "\033[K");
            err.flush();
            drawn = true;
            return;
        }
        int tenth = percent / 10;
        long now = System.nanoTime();
        if (tenth > lastTenth || now - lastLineNanos > 30_000_000_000L || progress.finished()) {
            lastTenth = tenth;
            lastLineNanos = now;
            err.printf(Locale.ROOT, "iam-atlas: scan %d%% (%d calls, %d gaps, %.0f s) %s%n", percent,
                    progress.apiCalls(), progress.gaps(), progress.elapsed().toMillis() / 1000.0, busiest);
            err.flush();
        }
    }

    /** Ends the redrawn line, so that what follows starts on a fresh one. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
