package dev.iamatlas.model.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.query.CanReach;
import dev.iamatlas.model.query.Paths;
import dev.iamatlas.model.query.WhoCanInvoke;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The answers of the graph queries ({@link WhoCanInvoke}, {@link CanReach}, {@link Paths}) as readable text and as
 * JSON (shapes in {@code docs/reports.md}). Text shows every caller or reached node with its status and path; the
 * paths of {@code who-can-invoke} and {@code paths} show each edge's status and short reason, those of
 * {@code can-reach} a one-line chain. JSON carries each edge with its reason and full explanation.
 */
public final class QueryOutput {
    /** The version of the JSON shapes. */
    public static final int FORMAT_VERSION = 1;

    private QueryOutput() {
    }

    /** Who can invoke a function. */
    public static String whoCanInvoke(WhoCanInvoke.Result r, AccessGraph graph, QueryFormat format) {
        Objects.requireNonNull(r, "r");
        Function<String, String> labelOf = labels(graph);
        if (format == QueryFormat.JSON) {
            ObjectNode root = root("who-can-invoke", graph);
            root.put("function", r.function());
            root.set("targets", JsonTrees.strings(r.targets()));
            root.put("truncated", r.truncated());
            ArrayNode callers = root.putArray("callers");
            for (WhoCanInvoke.CallerPath c : r.callers()) {
                ObjectNode o = callers.addObject();
                o.put("caller", c.callerId());
                o.put("label", c.label());
                o.put("kind", c.kind().name());
                o.put("status", c.status().name());
                o.set("path", JsonTrees.steps(PathStep.of(c.path(), labelOf, false)));
            }
            return json(root);
        }
        StringBuilder b = new StringBuilder();
        b.append("Who can invoke ").append(r.function()).append('\n');
        b.append("Account ").append(graph.accountId()).append("; searched from ")
                .append(Texts.count(r.targets().size(), "node", "nodes"))
                .append(" (the function and its aliases, versions and URLs)\n\n");
        b.append(Texts.count(r.callers().size(), "caller", "callers")).append(", best path each, working paths first")
                .append(r.truncated() ? " (search cut short at " + WhoCanInvoke.MAX_PATHS + " paths)" : "").append(":\n");
        for (WhoCanInvoke.CallerPath c : r.callers()) {
            b.append('\n').append(Texts.status(c.status())).append(c.kind().displayName()).append(": ").append(c.label());
            if (!c.label().equals(c.callerId())) {
                b.append("  (").append(c.callerId()).append(')');
            }
            b.append('\n');
            steps(b, PathStep.of(c.path(), labelOf, false));
        }
        return b.toString();
    }

    /** A principal's blast radius. */
    public static String canReach(CanReach.Result r, AccessGraph graph, QueryFormat format) {
        Objects.requireNonNull(r, "r");
        Function<String, String> labelOf = labels(graph);
        if (format == QueryFormat.JSON) {
            ObjectNode root = root("can-reach", graph);
            root.put("principal", r.principal());
            root.put("adminReachable", r.adminReachable());
            root.set("roles", reached(r.roles(), labelOf));
            root.set("functions", reached(r.functions(), labelOf));
            root.set("routes", reached(r.routes(), labelOf));
            root.set("capabilities", reached(r.capabilities(), labelOf));
            return json(root);
        }
        StringBuilder b = new StringBuilder();
        b.append("What ").append(r.principal()).append(" can reach (its blast radius)\n");
        b.append("Account ").append(graph.accountId()).append("; admin-equivalent access reachable: ")
                .append(r.adminReachable() ? "YES" : "no").append('\n');
        section(b, "Roles and users", r.roles(), labelOf);
        section(b, "Functions", r.functions(), labelOf);
        section(b, "Routes", r.routes(), labelOf);
        section(b, "Capabilities", r.capabilities(), labelOf);
        return b.toString();
    }

    /**
     * The paths between two nodes.
     *
     * @param maxEdges the bound the search used, for the header
     * @param maxPaths the bound the search used, for the header
     * @param includeDenied whether DENIED edges were followed, for the header
     */
    public static String paths(Paths.Result r, AccessGraph graph, int maxEdges, int maxPaths, boolean includeDenied,
            QueryFormat format) {
        Objects.requireNonNull(r, "r");
        Function<String, String> labelOf = labels(graph);
        if (format == QueryFormat.JSON) {
            ObjectNode root = root("paths", graph);
            root.put("from", r.from());
            root.put("to", r.to());
            root.put("maxEdges", maxEdges);
            root.put("maxPaths", maxPaths);
            root.put("includeDenied", includeDenied);
            root.put("truncated", r.truncated());
            ArrayNode paths = root.putArray("paths");
            for (Paths.Path p : r.paths()) {
                ObjectNode o = paths.addObject();
                o.put("status", p.status().name());
                o.set("nodes", JsonTrees.strings(p.nodeIds()));
                o.set("edges", JsonTrees.steps(PathStep.of(p.edges(), labelOf, false)));
            }
            return json(root);
        }
        StringBuilder b = new StringBuilder();
        b.append("Paths from ").append(r.from()).append('\n').append("        to ").append(r.to()).append('\n');
        b.append("Account ").append(graph.accountId()).append("; at most ").append(maxEdges).append(" edges and ")
                .append(maxPaths).append(" paths; ")
                .append(includeDenied ? "DENIED edges included" : "DENIED edges not followed (--include-denied shows them)")
                .append("\n\n");
        if (r.paths().isEmpty()) {
            b.append("No path.\n");
            return b.toString();
        }
        b.append(Texts.count(r.paths().size(), "path", "paths")).append(", working paths first, then shortest")
                .append(r.truncated() ? " (search cut short)" : "").append(":\n");
        int i = 1;
        for (Paths.Path p : r.paths()) {
            b.append("\n[").append(i++).append("] ").append(p.status()).append(", ")
                    .append(Texts.count(p.edges().size(), "edge", "edges")).append('\n');
            steps(b, PathStep.of(p.edges(), labelOf, false));
        }
        return b.toString();
    }

    private static void steps(StringBuilder b, List<PathStep> steps) {
        for (PathStep s : steps) {
            b.append("    ").append(Texts.status(s.status())).append(s.fromLabel()).append(" --").append(s.label())
                    .append("--> ").append(s.toLabel()).append(s.derived() ? "  (from identity policies)" : "").append('\n');
            for (String line : Texts.wrap(s.reason(), Texts.WIDTH - 20)) {
                b.append("                ").append(line).append('\n');
            }
        }
    }

    private static void section(StringBuilder b, String title, List<CanReach.Reached> items,
            Function<String, String> labelOf) {
        b.append('\n').append(title).append(" (").append(items.size()).append("):\n");
        for (CanReach.Reached r : items) {
            b.append("  ").append(Texts.status(r.status())).append(r.label());
            if (r.adminEquivalent()) {
                b.append("  ADMIN-EQUIVALENT");
            }
            if (!r.label().equals(r.id())) {
                b.append("  (").append(r.id()).append(')');
            }
            b.append('\n');
            for (String line : Texts.wrap("via " + Texts.chain(PathStep.of(r.path(), labelOf, false)), Texts.WIDTH - 16)) {
                b.append("                ").append(line).append('\n');
            }
        }
    }

    private static ArrayNode reached(List<CanReach.Reached> items, Function<String, String> labelOf) {
        ArrayNode a = JsonTrees.MAPPER.createArrayNode();
        for (CanReach.Reached r : items) {
            ObjectNode o = a.addObject();
            o.put("id", r.id());
            o.put("label", r.label());
            o.put("kind", r.kind().name());
            o.put("status", r.status().name());
            o.put("adminEquivalent", r.adminEquivalent());
            o.set("path", JsonTrees.steps(PathStep.of(r.path(), labelOf, false)));
        }
        return a;
    }

    private static ObjectNode root(String kind, AccessGraph graph) {
        ObjectNode root = JsonTrees.object();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("kind", kind);
        ObjectNode account = root.putObject("account");
        account.put("id", graph.accountId());
        account.put("partition", graph.partition());
        return root;
    }

    static Function<String, String> labels(AccessGraph graph) {
        Objects.requireNonNull(graph, "graph");
        return id -> graph.node(id).map(Node::label).orElse(id);
    }

    private static String json(ObjectNode root) {
        StringWriter out = new StringWriter();
        try {
            JsonTrees.write(root, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
