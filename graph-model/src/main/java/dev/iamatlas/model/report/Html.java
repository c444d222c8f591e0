package dev.iamatlas.model.report;

import java.util.Locale;
import java.util.regex.Pattern;

/** Escaping for HTML text and attribute values, and the checks an embedded SVG must pass. */
final class Html {
    /** What an embedded diagram must not contain: scripts, event handlers, foreign HTML, external references. */
    private static final Pattern UNSAFE_SVG = Pattern.compile(
            "<\\s*script|<\\s*foreignObject|<\\s*iframe|<\\s*object|<\\s*embed|\\son[a-z]+\\s*="
                    + "|javascript:|(?:href|src)\\s*=\\s*[\"']?\\s*(?:https?:|//|file:)|@import"
                    + "|url\\(\\s*[\"']?\\s*(?:https?:|//|file:)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROLOG = Pattern.compile(
            "\\A\\s*(?:<\\?xml[^>]*\\?>\\s*)?(?:<!--.*?-->\\s*)*(?:<!DOCTYPE[^>\\[]*(?:\\[[^\\]]*\\])?\\s*>\\s*)?",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private Html() {
    }

    /** Escapes text for element content and for quoted attribute values: {@code & < > " '}. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append("&#xFFFD;"); // control characters are not allowed in HTML text
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A link to an https page, or the escaped text when the address is not https (nothing else is linked). */
    static String link(String url, String text) {
        if (url == null) {
            return esc(text);
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("https://")) {
            return esc(text == null ? url : text);
        }
        return "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + esc(text == null ? url : text) + "</a>";
    }

    /**
     * An SVG document ready to be placed inline in HTML: its XML declaration, comments before the root and DOCTYPE
     * removed.
     *
     * @throws IllegalArgumentException when it is not an SVG document, or holds scripts, event handlers, foreign
     *     content or references to anything outside the file
     */
    static String inlineSvg(String svg) {
        String body = PROLOG.matcher(svg).replaceFirst("");
        if (!body.regionMatches(true, 0, "<svg", 0, 4)) {
            throw new IllegalArgumentException("the diagram is not an SVG document (it does not start with <svg)");
        }
        if (UNSAFE_SVG.matcher(body).find()) {
            throw new IllegalArgumentException("the diagram SVG holds a script, an event handler, foreign content or an "
                    + "external reference; it cannot be embedded in a self-contained report");
        }
        return body.strip();
    }
}
