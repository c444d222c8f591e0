package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.snapshot.SnapshotJson;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a user reads in {@code --help}: one complete line per command, and examples that work as printed. */
class CliHelpTest {

    /** The commands a user sees in the root help (picocli's own {@code help} and hidden ones aside). */
    private static Map<String, CommandLine> visibleCommands() {
        Map<String, CommandLine> out = new java.util.LinkedHashMap<>();
        IamAtlasCommand.newCommandLine().getSubcommands().forEach((name, cl) -> {
            if (!cl.getCommandSpec().usageMessage().hidden() && !name.equals("help")) {
                out.put(name, cl);
            }
        });
        return out;
    }

    @Test
    void theRootHelpListsEveryCommandWithACompleteOneLineSummary() {
        CliRun cli = new CliRun();
        assertThat(cli.run("--help")).isZero();
        List<String> lines = cli.out.toString().lines().toList();
        int start = lines.indexOf("Commands:");
        assertThat(start).isNotNegative();

        for (String name : visibleCommands().keySet()) {
            int at = -1;
            for (int i = start + 1; i < lines.size(); i++) {
                if (lines.get(i).matches("  " + Pattern.quote(name) + "\\s.*")) {
                    at = i;
                }
            }
            assertThat(at).as("'%s' in the root help", name).isPositive();
            String summary = lines.get(at).substring(2 + name.length()).strip();
            assertThat(summary).as("summary of %s", name).endsWith(".").hasSizeLessThanOrEqualTo(70);
            String next = at + 1 < lines.size() ? lines.get(at + 1) : "";
            assertThat(next).as("the line after %s's summary (no wrapped continuation)", name)
                    .doesNotStartWith("   ");
        }
    }

    @Test
    void everyCommandsHelpStartsWithItsSummaryAndFitsATerminal() {
        for (Map.Entry<String, CommandLine> c : visibleCommands().entrySet()) {
            CliRun cli = new CliRun();
            assertThat(cli.run(c.getKey(), "--help")).as("%s --help", c.getKey()).isZero();
            String summary = c.getValue().getCommandSpec().usageMessage().description()[0];
            assertThat(cli.out.toString()).as("%s --help", c.getKey()).contains("\n" + summary + "\n");
            assertThat(cli.out.toString().lines()).as("%s --help", c.getKey())
                    .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        }
    }

    /** Examples that need an AWS account, or minutes of work, are only parsed. */
    private static boolean onlyParsed(List<String> args) {
        return args.get(0).equals("scan") || (args.get(0).equals("synth") && !args.contains("--functions"));
    }

    @Test
    void everyExampleInTheHelpRunsAsPrinted(@TempDir Path dir) throws IOException {
        prepareInputs(dir);
        List<List<String>> examples = new ArrayList<>();
        for (String name : visibleCommands().keySet()) {
            CliRun help = new CliRun();
            help.run(name, "--help");
            examples.addAll(examples(help.out.toString()));
        }
        assertThat(examples).extracting(e -> e.get(0)).contains("scan", "import", "analyze", "query", "simulate",
                "export", "diff", "synth");

        for (List<String> example : examples) {
            String[] args = example.stream().map(a -> inDir(dir, a)).toArray(String[]::new);
            if (onlyParsed(example)) {
                IamAtlasCommand.newCommandLine().parseArgs(args); // throws on an unknown option or a bad value
                continue;
            }
            CliRun cli = new CliRun();
            int code = cli.run(args);
            assertThat(code).as("iam-atlas %s\n%s", String.join(" ", example), cli.err)
                    .isIn(IamAtlasCommand.EXIT_OK, IamAtlasCommand.EXIT_FINDINGS);
        }
    }

    /** The {@code iam-atlas} command lines of a help text's examples: continuations joined, comments dropped. */
    private static List<List<String>> examples(String help) {
        List<List<String>> out = new ArrayList<>();
        int at = help.indexOf("\nExample");
        if (at < 0) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        for (String line : help.substring(at).lines().skip(1).toList()) {
            String text = line.strip();
            boolean continues = text.endsWith("\\");
            current.append(continues ? text.substring(0, text.length() - 1) : text).append(' ');
            if (continues) {
                continue;
            }
            String command = current.toString();
            current.setLength(0);
            int comment = command.indexOf(" #");
            command = (comment < 0 ? command : command.substring(0, comment)).strip();
            if (command.startsWith("iam-atlas ")) {
                out.add(List.of(command.substring("iam-atlas ".length()).split("\\s+")));
            }
        }
        return out;
    }

    private static final Pattern FILE = Pattern.compile("[\\w.-]+\\.(json|jsonl|sarif|html|md|graphml|dot|svg|png|pdf|csv)");
    private static final Set<String> NOT_FILES = Set.of("demo");

    /** A file name of an example, placed in {@code dir}; anything else as it is. */
    private static String inDir(Path dir, String arg) {
        Matcher m = FILE.matcher(arg);
        return m.matches() && !NOT_FILES.contains(arg) ? dir.resolve(arg).toString() : arg;
    }

    /** The input files the examples name: snapshots (the demo account), a GAAD dump, a policy, a batch. */
    private static void prepareInputs(Path dir) throws IOException {
        for (String snapshot : List.of("prod.json", "last-week.json", "today.json", "main.json", "pr.json")) {
            SnapshotJson.write(SnapshotSource.demo(), dir.resolve(snapshot));
        }
        Files.writeString(dir.resolve("gaad.json"), """
                {"UserDetailList": [], "GroupDetailList": [], "Policies": [], "RoleDetailList": [{"Path": "/",
                  "RoleName": "app", "RoleId": "AROA4EXAMPLEAPPROLE01", "Arn": "arn:aws:iam::123456789012:role/app",
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                  "RolePolicyList": [], "AttachedManagedPolicies": []}]}
                """);
        Files.writeString(dir.resolve("policy.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::orders/*\"}]}");
        Files.writeString(dir.resolve("requests.jsonl"), "{\"id\":\"1\",\"principal\":\"arn:aws:iam::111122223333:role/"
                + "app\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::orders/x\"}\n");
    }
}
