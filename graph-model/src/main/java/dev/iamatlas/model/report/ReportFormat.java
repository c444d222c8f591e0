package dev.iamatlas.model.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** The formats an {@link AnalysisReport} is written in without a UI toolkit. */
public enum ReportFormat {
    /** Readable terminal output. */
    TEXT("text", "txt"),
    /** Machine-readable JSON, keys sorted; schema in {@code docs/reports.md}. */
    JSON("json", "json"),
    /** Markdown (GitHub flavoured), for pull requests and wikis. */
    MD("md", "md"),
    /** One self-contained HTML file: inline CSS, no scripts, no external fetches. */
    HTML("html", "html"),
    /** SARIF 2.1.0, for code-scanning tools. */
    SARIF("sarif", "sarif"),
    /** RFC 4180 CSV, one row per finding. */
    CSV("csv", "csv");

    private final String id;
    private final String extension;

    ReportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The name used on the command line ({@code text}, {@code json}, ...). */
    public String id() {
        return id;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format with this command-line name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static ReportFormat parse(String name) {
        Objects.requireNonNull(name, "name");
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "' (use "
                + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", ")) + ")");
    }

    /** The format a file name's extension names ({@code report.html} gives HTML), or null. */
    public static ReportFormat forFileName(String fileName) {
        String lower = Objects.requireNonNull(fileName, "fileName").toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (lower.endsWith("." + f.extension) || (f == MD && lower.endsWith(".markdown"))
                    || (f == SARIF && lower.endsWith(".sarif.json"))) {
                return f;
            }
        }
        return null;
    }
}
