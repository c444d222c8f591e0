package dev.iamatlas.app.explore;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A policy document pretty-printed (two-space indent, keys in the snapshot's sorted order, statement order kept),
 * with the line range of each statement, so that a view can mark the deciding ones.
 *
 * @param text the printed document; the verbatim text when it is not JSON
 * @param statementLines for each statement of the {@code Statement} array, its first and last line (0-based,
 *     inclusive); empty when the document has no statement array
 */
public record PrettyPolicy(String text, List<int[]> statementLines) {

    public static PrettyPolicy of(PolicyText policy) {
        JsonNode tree = policy.tree();
        if (tree == null) {
            return new PrettyPolicy(policy.json(), List.of());
        }
        Printer printer = new Printer();
        printer.value(tree, 0, true);
        return new PrettyPolicy(printer.out.toString(), List.copyOf(printer.statements));
    }

    /** The printed lines of the statement with this index, or null when there is none. */
    public int[] linesOf(int statementIndex) {
        return statementIndex >= 0 && statementIndex < statementLines.size() ? statementLines.get(statementIndex)
                : null;
    }

    private static final class Printer {
        private final StringBuilder out = new StringBuilder();
        private final List<int[]> statements = new ArrayList<>();
        private int line;

        void value(JsonNode node, int indent, boolean topLevel) {
            if (node.isObject()) {
                if (node.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append('{');
                newline();
                Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    pad(indent + 1);
                    string(field.getKey());
                    out.append(": ");
                    boolean statementArray = topLevel && field.getKey().equals("Statement");
                    if (statementArray && field.getValue().isArray()) {
                        statementArray(field.getValue(), indent + 1);
                    } else if (statementArray && field.getValue().isObject()) {
                        int first = line;
                        value(field.getValue(), indent + 1, false);
                        statements.add(new int[] {first, line});
                    } else {
                        value(field.getValue(), indent + 1, false);
                    }
                    if (fields.hasNext()) {
                        out.append(',');
                    }
                    newline();
                }
                pad(indent);
                out.append('}');
            } else if (node.isArray()) {
                if (node.isEmpty()) {
                    out.append("[]");
                    return;
                }
                boolean simple = true;
                for (JsonNode element : node) {
                    simple &= element.isValueNode();
                }
                if (simple && node.size() <= 1) {
                    out.append('[');
                    value(node.get(0), indent, false);
                    out.append(']');
                    return;
                }
                out.append('[');
                newline();
                for (int i = 0; i < node.size(); i++) {
                    pad(indent + 1);
                    value(node.get(i), indent + 1, false);
                    if (i + 1 < node.size()) {
                        out.append(',');
                    }
                    newline();
                }
                pad(indent);
                out.append(']');
            } else if (node.isTextual()) {
                string(node.textValue());
            } else {
                out.append(node.toString());
            }
        }

        void statementArray(JsonNode array, int indent) {
            out.append('[');
            newline();
            for (int i = 0; i < array.size(); i++) {
                int first = line;
                pad(indent + 1);
                value(array.get(i), indent + 1, false);
                statements.add(new int[] {first, line});
                if (i + 1 < array.size()) {
                    out.append(',');
                }
                newline();
            }
            pad(indent);
            out.append(']');
        }

        void string(String s) {
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
        }

        void pad(int indent) {
            out.append("  ".repeat(indent));
        }

        void newline() {
            out.append('\n');
            line++;
        }
    }
}
