package dev.iamatlas.model.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a resource appears in a snapshot file, so that SARIF results can point at a line (code-scanning tools need
 * a physical location with a line to show a result). A snapshot file has sorted keys and one value per line, so the
 * first line that holds the resource's ARN (or, for an API route, its API id; for a qualified function, the
 * function) as a JSON string is where the resource is defined or first named.
 *
 * <p>Building is linear in the text; each lookup is linear in the number of lines.
 */
public final class SnapshotLines {

    /** No text: every lookup answers line 1. */
    public static final SnapshotLines NONE = new SnapshotLines(List.of());

    private final List<String> lines;

    private SnapshotLines(List<String> lines) {
        this.lines = lines;
    }

    /** The lines of a snapshot file's text. */
    public static SnapshotLines of(String snapshotText) {
        Objects.requireNonNull(snapshotText, "snapshotText");
        return new SnapshotLines(new ArrayList<>(snapshotText.lines().toList()));
    }

    /**
     * The 1-based line where {@code resource} first appears as a JSON string value; for an {@code execute-api}
     * ARN, where its API id does; for a qualified Lambda ARN, where the function does. Line 1 when it does not
     * appear at all.
     */
    public int lineOf(String resource) {
        if (resource == null || lines.isEmpty()) {
            return 1;
        }
        for (String candidate : candidates(resource)) {
            String quoted = "\"" + candidate + "\"";
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(quoted)) {
                    return i + 1;
                }
            }
        }
        return 1;
    }

    private static List<String> candidates(String resource) {
        List<String> out = new ArrayList<>();
        out.add(resource);
        String[] parts = resource.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn")) {
            if (parts[2].equals("execute-api")) {
                int slash = parts[5].indexOf('/');
                out.add(slash < 0 ? parts[5] : parts[5].substring(0, slash));
            } else if (parts[2].equals("lambda")) {
                String[] rest = parts[5].split(":");
                if (rest.length == 3) { // function:NAME:QUALIFIER
                    out.add(resource.substring(0, resource.lastIndexOf(':')));
                }
            }
        }
        return out;
    }
}
