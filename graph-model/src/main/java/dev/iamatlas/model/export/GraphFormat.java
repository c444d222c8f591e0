package dev.iamatlas.model.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** The graph interchange formats graph-model writes. */
public enum GraphFormat {
    /** Graphviz DOT: {@code dot -Tsvg graph.dot > graph.svg}. */
    DOT("dot", "dot"),
    /** GraphML with data keys for every attribute and yEd graphics (labels, colours, a layered first layout). */
    GRAPHML("graphml", "graphml"),
    /** JSON in jgrapht-io's shape: {@code nodes} and {@code edges} arrays with attributes. */
    JSON("json", "json");

    private final String id;
    private final String extension;

    GraphFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The command-line name. */
    public String id() {
        return id;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format with this command-line name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static GraphFormat parse(String name) {
        String wanted = Objects.requireNonNull(name, "name").trim().toLowerCase(Locale.ROOT);
        for (GraphFormat f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown graph format '" + name + "' (use "
                + Arrays.stream(values()).map(GraphFormat::id).collect(Collectors.joining(", ")) + ")");
    }
}
