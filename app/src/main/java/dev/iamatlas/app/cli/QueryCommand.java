package dev.iamatlas.app.cli;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.query.CanReach;
import dev.iamatlas.model.query.Paths;
import dev.iamatlas.model.query.WhoCanInvoke;
import dev.iamatlas.model.report.ClosestNodes;
import dev.iamatlas.model.report.QueryFormat;
import dev.iamatlas.model.report.QueryOutput;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iam-atlas query SNAPSHOT who-can-invoke FUNCTION_ARN | can-reach PRINCIPAL_ARN | paths FROM TO}: the graph
 * queries of graph-model ({@link WhoCanInvoke}, {@link CanReach}, {@link Paths}) rendered by {@link QueryOutput}. An
 * id that is not in the graph is a one-line error that names it and suggests the closest ids.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        customSynopsis = {
            "iam-atlas query SNAPSHOT who-can-invoke FUNCTION_ARN [OPTIONS]",
            "       iam-atlas query SNAPSHOT can-reach PRINCIPAL_ARN [OPTIONS]",
            "       iam-atlas query SNAPSHOT paths FROM TO [OPTIONS]"},
        description = {
            "Queries the access graph: who-can-invoke, can-reach and paths.",
            "  who-can-invoke  every caller of a function (and of its aliases, versions",
            "                  and URLs), each with its best path; every edge with its",
            "                  status (ALLOWED, CONDITIONAL, DENIED) and the reason",
            "  can-reach       the blast radius of a principal: the roles, functions,",
            "                  routes and capabilities it reaches, transitively",
            "  paths           every path between two nodes (bounded)",
            "Nodes are named by their ids: ARNs, or 'internet', 'aws:any-principal', a service principal such as "
                    + "apigateway.amazonaws.com."},
        footer = {"", "Examples:",
            "  iam-atlas query demo who-can-invoke \\",
            "      arn:aws:lambda:us-east-1:111122223333:function:legacy-reports",
            "  iam-atlas query demo can-reach internet --format json",
            "  iam-atlas query demo paths internet \\",
            "      arn:aws:iam::111122223333:role/legacy-reports-role"})
public final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "A snapshot file, or 'demo'.")
    String snapshot;

    @Parameters(index = "1", paramLabel = "QUESTION", description = "who-can-invoke, can-reach or paths.")
    String question;

    @Parameters(index = "2..*", paramLabel = "ARN", arity = "1..2",
            description = "FUNCTION_ARN, PRINCIPAL_ARN, or FROM TO.")
    List<String> arguments;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    @Option(names = "--include-denied",
            description = "Follow DENIED edges too, to see broken paths (who-can-invoke, paths).")
    boolean includeDenied;

    @Option(names = "--max-edges", paramLabel = "N", description = "paths: the longest path, in edges (default: ${DEFAULT-VALUE}).")
    int maxEdges = Paths.DEFAULT_MAX_EDGES;

    @Option(names = "--max-paths", paramLabel = "N", description = "paths: the most paths (default: ${DEFAULT-VALUE}).")
    int maxPaths = Paths.DEFAULT_MAX_PATHS;

    @Override
    public Integer call() throws IOException {
        QueryFormat f = format();
        String q = question.toLowerCase(Locale.ROOT);
        int wanted = switch (q) {
            case "who-can-invoke", "can-reach" -> 1;
            case "paths" -> 2;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown question '" + question
                    + "' (use who-can-invoke FUNCTION_ARN, can-reach PRINCIPAL_ARN or paths FROM TO)");
        };
        if (arguments.size() != wanted) {
            throw new CommandLine.ParameterException(spec.commandLine(), q + " takes " + (wanted == 1
                    ? (q.equals("who-can-invoke") ? "one FUNCTION_ARN" : "one PRINCIPAL_ARN") : "FROM and TO")
                    + ", got " + arguments.size() + " argument" + (arguments.size() == 1 ? "" : "s"));
        }
        if (maxEdges < 1 || maxPaths < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-edges and --max-paths must be positive");
        }
        String answer;
        try (AnalysisSession session = AnalysisSession.open(SnapshotSource.load(snapshot))) {
            AccessGraph graph = session.graph();
            answer = switch (q) {
                case "who-can-invoke" -> {
                    String arn = require(graph, arguments.get(0), "function", QueryCommand::isFunction);
                    yield QueryOutput.whoCanInvoke(WhoCanInvoke.of(graph, session.run(), arn, includeDenied), graph, f);
                }
                case "can-reach" -> {
                    String arn = require(graph, arguments.get(0), "principal", n -> true);
                    yield QueryOutput.canReach(CanReach.of(graph, session.run(), arn), graph, f);
                }
                default -> {
                    String from = require(graph, arguments.get(0), "node", n -> true);
                    String to = require(graph, arguments.get(1), "node", n -> true);
                    yield QueryOutput.paths(Paths.between(graph, from, to, maxEdges, maxPaths, includeDenied), graph,
                            maxEdges, maxPaths, includeDenied, f);
                }
            };
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(answer);
        stdout.flush();
        return IamAtlasCommand.EXIT_OK;
    }

    private QueryFormat format() {
        QueryFormat f;
        try {
            f = QueryFormat.parse(format);
        } catch (IllegalArgumentException e) {
            f = null;
        }
        if (f == null || f == QueryFormat.MD) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format: unknown query format '" + format + "' (use text or json)");
        }
        return f;
    }

    /**
     * {@code id} when the graph has such a node of the wanted kind.
     *
     * @throws IllegalArgumentException one line naming the id, the snapshot and the closest ids
     */
    private String require(AccessGraph graph, String id, String what, Predicate<Node> kind) {
        Node node = graph.node(id).orElse(null);
        if (node != null && kind.test(node)) {
            return id;
        }
        String problem = node == null ? "no " + what + " " + id + " in the access graph of account " + graph.accountId()
                : id + " is not a " + what + " (kind: " + node.kind().displayName() + ")";
        List<String> close = ClosestNodes.suggest(graph, id, kind, 3);
        throw new IllegalArgumentException(snapshot + ": " + problem
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?"));
    }

    private static boolean isFunction(Node n) {
        return n.kind() == NodeKind.LAMBDA_FUNCTION || n.kind() == NodeKind.LAMBDA_ALIAS || n.kind() == NodeKind.LAMBDA_VERSION;
    }
}
