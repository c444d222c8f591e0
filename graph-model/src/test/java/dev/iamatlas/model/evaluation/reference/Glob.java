package dev.iamatlas.model.evaluation.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Naive recursive wildcard matching for the reference evaluator: {@code *} matches any run of
 * characters (also none), {@code ?} matches one character. Patterns are lists of tokens so that
 * text inserted by a policy variable (and {@code ${*}}) stays literal.
 */
final class Glob {

    private Glob() {
    }

    /** One pattern character; {@code wildcard} is true for a * or ? that acts as a wildcard. */
    record Token(char ch, boolean wildcard) {
        boolean isStar() {
            return wildcard && ch == '*';
        }

        boolean isQuestionMark() {
            return wildcard && ch == '?';
        }
    }

    static Token token(char ch) {
        return new Token(ch, ch == '*' || ch == '?');
    }

    /** A pattern in which * and ? are wildcards. */
    static List<Token> pattern(String pattern) {
        List<Token> tokens = new ArrayList<>();
        for (char ch : pattern.toCharArray()) {
            tokens.add(token(ch));
        }
        return tokens;
    }

    /** Text that matches only itself (* and ? included). */
    static List<Token> literalText(String text) {
        List<Token> tokens = new ArrayList<>();
        for (char ch : text.toCharArray()) {
            tokens.add(new Token(ch, false));
        }
        return tokens;
    }

    /** The characters of a pattern, wildcards written as themselves. */
    static String text(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        tokens.forEach(t -> sb.append(t.ch()));
        return sb.toString();
    }

    /**
     * Whether {@code s} matches the whole pattern.
     *
     * @param wildcardsCrossColons true for plain string matching (StringLike, actions); false for
     *     ARN matching in the Resource element, where a wildcard stays inside its colon-separated
     *     segment unless the * is the last character of its segment ("If the * wildcard is the last
     *     character of a resource ARN segment, it can expand to match beyond the colon
     *     boundaries", reference_policies_elements_resource.html)
     */
    static boolean matches(List<Token> pattern, String s, boolean wildcardsCrossColons) {
        return matchFrom(pattern, 0, s, 0, wildcardsCrossColons);
    }

    private static boolean matchFrom(List<Token> p, int i, String s, int j, boolean cross) {
        if (i == p.size()) {
            return j == s.length();
        }
        Token t = p.get(i);
        if (t.isStar()) {
            boolean thisStarCrosses = cross || endsSegment(p, i);
            // Try every length for the run this * consumes, shortest first.
            for (int k = j; k <= s.length(); k++) {
                if (k > j && s.charAt(k - 1) == ':' && !thisStarCrosses) {
                    return false;
                }
                if (matchFrom(p, i + 1, s, k, cross)) {
                    return true;
                }
            }
            return false;
        }
        if (j == s.length()) {
            return false;
        }
        if (t.isQuestionMark()) {
            return (cross || s.charAt(j) != ':') && matchFrom(p, i + 1, s, j + 1, cross);
        }
        return s.charAt(j) == t.ch() && matchFrom(p, i + 1, s, j + 1, cross);
    }

    /** A * is the last character of its segment when only *s stand between it and a ':' or the end. */
    private static boolean endsSegment(List<Token> p, int i) {
        int k = i + 1;
        while (k < p.size() && p.get(k).isStar()) {
            k++;
        }
        return k == p.size() || (!p.get(k).wildcard() && p.get(k).ch() == ':');
    }
}
