package dev.iamatlas.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, capturing standard output and standard error. */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return IamAtlasCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Standard error's lines. */
    java.util.List<String> errLines() {
        return err.toString().lines().toList();
    }
}
