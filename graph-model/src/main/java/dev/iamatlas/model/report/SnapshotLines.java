package dev.iamatlas.model.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a resource appears in a snapshot file, so that SARIF results can point at a line (code-scanning tools need
 * a physical location with a line to show a result). A snapshot file has sorted keys and one value per line, so the
 * first line that holds the resource's ARN (or, for an API route, its API id; for a qualified function, the
 * function) as a JSON string is where the resource is defined or first named.
 *
 * <p>Building indexes every JSON string of the text by its first line, linear in the text; a lookup is then
 * constant time.
 */
public final class SnapshotLines {

    /** No text: every lookup answers line 1. */
    public static final SnapshotLines NONE = new SnapshotLines(Map.of());

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, Integer> firstLine;

    private SnapshotLines(Map<String, Integer> firstLine) {
        this.firstLine = firstLine;
    }

    /** The lines of a snapshot file's text. */
    public static SnapshotLines of(String snapshotText) {
        Objects.requireNonNull(snapshotText, "snapshotText");
        Map<String, Integer> index = new HashMap<>();
        int number = 0;
        for (String line : (Iterable<String>) snapshotText.lines()::iterator) {
            number++;
            Matcher m = STRING.matcher(line);
            while (m.find()) {
                index.putIfAbsent(m.group(1), number);
            }
        }
        return new SnapshotLines(index);
    }

    /**
     * The 1-based line where {@code resource} first appears as a JSON string value; for an {@code execute-api}
     * ARN, where its API id does; for a qualified Lambda ARN, where the function does. Line 1 when it does not
     * appear at all.
     */
    public int lineOf(String resource) {
        if (resource == null || firstLine.isEmpty()) {
            return 1;
        }
        for (String candidate : candidates(resource)) {
            Integer line = firstLine.get(candidate);
            if (line != null) {
                return line;
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
