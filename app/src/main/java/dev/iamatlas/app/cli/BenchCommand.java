package dev.iamatlas.app.cli;

import picocli.CommandLine.Command;

/**
 * {@code iam-atlas bench ...}: developer benchmarks whose figures go into docs/performance.md. Hidden from the
 * help: a tool for developers, not part of the stable interface.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true, description = "Developer benchmarks.",
        subcommands = {BenchEvaluatorCommand.class, BenchLayoutCommand.class, BenchGraphCommand.class})
final class BenchCommand {
}
