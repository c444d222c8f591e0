package dev.iamatlas.model.report;

import java.util.Locale;
import java.util.Objects;

/** The formats of query results and diffs: readable text, JSON, and (diffs only) Markdown. */
public enum QueryFormat {
    /** Readable text. */
    TEXT("text"),
    /** JSON, keys sorted; shapes in {@code docs/reports.md}. */
    JSON("json"),
    /** GitHub-flavoured Markdown (diffs). */
    MD("md");

    private final String id;

    QueryFormat(String id) {
        this.id = id;
    }

    /** The command-line name. */
    public String id() {
        return id;
    }

    /**
     * The format with this command-line name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value
     */
    public static QueryFormat parse(String name) {
        String wanted = Objects.requireNonNull(name, "name").trim().toLowerCase(Locale.ROOT);
        for (QueryFormat f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (use text, json or md)");
    }
}
