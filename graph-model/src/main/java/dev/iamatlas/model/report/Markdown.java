package dev.iamatlas.model.report;

/**
 * Escaping for GitHub-flavoured Markdown: account text may hold any character, and must render as the text it is
 * (no emphasis, links, HTML or broken tables).
 */
final class Markdown {
    private static final String SPECIAL = "\\`*_{}[]()<>#+!|&~";

    private Markdown() {
    }

    /** Inline text: Markdown punctuation backslash-escaped, line breaks as spaces. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                b.append(' ');
            } else if (SPECIAL.indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A code span holding {@code s} literally: fenced with more backticks than any run inside it, and with
     * {@code |} escaped (GitHub table cells split on it even inside code spans).
     */
    static String code(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String flat = s.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
        String fence = "`".repeat(longestRun(flat, '`') + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }

    /** A fenced code block with an info string, fenced with more backticks than any run inside it. */
    static String block(String info, String content) {
        String fence = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
        return fence + info + "\n" + content + (content.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
