package dev.iamatlas.model.report;

import dev.iamatlas.model.graph.EdgeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small helpers for the plain-text renderings: wrapping, padding, chains of path steps. */
final class Texts {
    /** The width text output wraps prose at. */
    static final int WIDTH = 100;

    private Texts() {
    }

    /** Splits prose into lines of at most {@code width} characters, at spaces; words longer than a line stay whole. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** {@code text} padded with spaces to {@code width}. */
    static String pad(String text, int width) {
        StringBuilder b = new StringBuilder(text);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }

    /** The status as a fixed-width column. */
    static String status(EdgeStatus status) {
        return pad(status.name(), 12);
    }

    /** "1 finding", "2 findings". */
    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /**
     * A path as one line of labels joined by the edges' verbs, marking edges that are not ALLOWED:
     * {@code Internet --calls--> GET /orders [prod] --invokes [DENIED]--> orders:live}. Steps that do not continue
     * from the previous one (two links out of the same route) start a new segment after "; ".
     */
    static String chain(List<PathStep> steps) {
        StringBuilder b = new StringBuilder();
        String at = null;
        for (PathStep s : steps) {
            if (at == null || !at.equals(s.from())) {
                if (at != null) {
                    b.append("; ");
                }
                b.append(s.fromLabel());
            }
            b.append(" --").append(s.label());
            if (s.status() != EdgeStatus.ALLOWED) {
                b.append(" [").append(s.status()).append(']');
            }
            b.append("--> ").append(s.toLabel());
            at = s.to();
        }
        return b.toString();
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
