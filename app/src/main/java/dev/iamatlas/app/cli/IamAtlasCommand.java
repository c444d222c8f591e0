package dev.iamatlas.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The root command, {@code iam-atlas}. Subcommands are registered here, in one place.
 *
 * <p>Exit codes follow DESIGN.md: 0 success, 1 findings at or above {@code --fail-on}, 2 usage or input error.
 */
@Command(
        name = "iam-atlas",
        mixinStandardHelpOptions = true,
        versionProvider = IamAtlasCommand.VersionProvider.class,
        description = "Shows who can reach what in an AWS serverless account: API Gateway, Lambda and IAM.",
        footer = {"", "With no command, opens the desktop app on the bundled demo account.",
            "'iam-atlas COMMAND --help' shows a command's options and examples;",
            "a SNAPSHOT argument may be a file or the word 'demo'."},
        subcommands = {CommandLine.HelpCommand.class, OpenCommand.class, ScanCommand.class, ImportCommand.class,
                AnalyzeCommand.class, QueryCommand.class, SimulateCommand.class, ExportCommand.class, DiffCommand.class,
                SynthCommand.class, BenchCommand.class})
public final class IamAtlasCommand implements Callable<Integer> {

    /** Exit code for success. */
    public static final int EXIT_OK = 0;
    /** Exit code when findings at or above the {@code --fail-on} threshold were found. */
    public static final int EXIT_FINDINGS = 1;
    /** Exit code for a usage or input error. */
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", description = "Show stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    /** With no subcommand: the desktop app on the bundled demo account (or an empty window without one). */
    @Override
    public Integer call() {
        return GuiLauncher.launch(null, true, spec.commandLine().getErr());
    }

    /** Parses {@code args}, runs the chosen command and returns its exit code. Never throws. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, writing to the given streams (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = newCommandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    static CommandLine newCommandLine() {
        IamAtlasCommand root = new IamAtlasCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setExecutionExceptionHandler(new UserErrorHandler(root));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }

    /** Turns an exception into one line on standard error, with the stack trace only under --debug. */
    private static final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
        private final IamAtlasCommand root;

        UserErrorHandler(IamAtlasCommand root) {
            this.root = root;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println("iam-atlas: " + message.lines().findFirst().orElse(message));
            if (root.debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_USAGE;
        }
    }

    /** One line naming the problem, and where to look for help; no usage dump. */
    private static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine commandLine = ex.getCommandLine();
            PrintWriter err = commandLine.getErr();
            err.println("iam-atlas: " + ex.getMessage());
            err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return EXIT_USAGE;
        }
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"iam-atlas " + version()};
        }
    }

    /** The program's version, as built. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = IamAtlasCommand.class.getResourceAsStream("/dev/iamatlas/app/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
