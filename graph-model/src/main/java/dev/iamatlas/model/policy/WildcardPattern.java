package dev.iamatlas.model.policy;

import java.util.Arrays;
import java.util.Objects;

/**
 * A compiled glob: {@code *} matches any run of characters (including none), {@code ?} exactly one.
 * Compiled once, matched without allocation or regular expressions.
 *
 * <p>Internally a pattern is an array of codes: a character, or {@link #STAR} / {@link #QMARK}. A
 * literal {@code *} or {@code ?} (from the policy variables {@code ${*}} and {@code ${?}}, or in
 * operators without wildcards such as {@code StringEquals}) is kept as the character itself.
 *
 * <p>Matching runs in O(pattern × text) in the worst case and O(text) for the usual patterns
 * (exact text, a prefix followed by {@code *}, {@code *} alone), which have fast paths.
 */
public final class WildcardPattern {
    /** Code for a wildcard {@code *}. */
    public static final int STAR = -1;
    /** Code for a wildcard {@code ?}. */
    public static final int QMARK = -2;

    private static final int KIND_ANY = 0;
    private static final int KIND_EXACT = 1;
    private static final int KIND_PREFIX = 2;
    private static final int KIND_GENERAL = 3;

    private final int[] codes;
    private final int kind;
    private final String literal; // exact text, or the prefix for KIND_PREFIX

    private WildcardPattern(int[] codes) {
        this.codes = codes;
        int stars = 0;
        int qmarks = 0;
        for (int c : codes) {
            if (c == STAR) {
                stars++;
            } else if (c == QMARK) {
                qmarks++;
            }
        }
        if (codes.length > 0 && stars == codes.length) {
            kind = KIND_ANY;
            literal = null;
        } else if (stars == 0 && qmarks == 0) {
            kind = KIND_EXACT;
            literal = text(codes, 0, codes.length);
        } else if (stars == 1 && qmarks == 0 && codes[codes.length - 1] == STAR) {
            kind = KIND_PREFIX;
            literal = text(codes, 0, codes.length - 1);
        } else {
            kind = KIND_GENERAL;
            literal = null;
        }
    }

    /**
     * Compiles {@code pattern}.
     *
     * @param wildcards whether {@code *} and {@code ?} are wildcards; when false the pattern matches only itself
     */
    public static WildcardPattern compile(String pattern, boolean wildcards) {
        Objects.requireNonNull(pattern, "pattern");
        int[] codes = new int[pattern.length()];
        for (int i = 0; i < codes.length; i++) {
            char c = pattern.charAt(i);
            codes[i] = wildcards && c == '*' ? STAR : wildcards && c == '?' ? QMARK : c;
        }
        return new WildcardPattern(codes);
    }

    /** A pattern from codes as described in the class comment; the array is copied. */
    public static WildcardPattern ofCodes(int[] codes) {
        return new WildcardPattern(codes.clone());
    }

    static WildcardPattern ofCodesShared(int[] codes) {
        return new WildcardPattern(codes);
    }

    private static String text(int[] codes, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            sb.append((char) codes[i]);
        }
        return sb.toString();
    }

    /** Whether the whole of {@code text} matches. */
    public boolean matches(String text) {
        return matches(text, 0, text.length());
    }

    /** Whether {@code text[from, to)} matches as a whole. */
    public boolean matches(String text, int from, int to) {
        switch (kind) {
            case KIND_ANY:
                return true;
            case KIND_EXACT:
                return to - from == literal.length() && text.startsWith(literal, from);
            case KIND_PREFIX:
                return to - from >= literal.length() && text.startsWith(literal, from);
            default:
                return general(codes, 0, codes.length, text, from, to);
        }
    }

    /** Whether {@code text} equals this pattern read literally, ignoring case (for {@code StringEqualsIgnoreCase}). */
    public boolean equalsIgnoreCase(String text) {
        if (text.length() != codes.length) {
            return false;
        }
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            char p = c == STAR ? '*' : c == QMARK ? '?' : (char) c;
            char t = text.charAt(i);
            if (p != t && Character.toLowerCase(p) != Character.toLowerCase(t)
                    && Character.toUpperCase(p) != Character.toUpperCase(t)) {
                return false;
            }
        }
        return true;
    }

    /** The codes (a copy). */
    public int[] codes() {
        return codes.clone();
    }

    int[] codesShared() {
        return codes;
    }

    /** Whether this pattern is {@code *} alone (matches everything). */
    public boolean matchesEverything() {
        return kind == KIND_ANY;
    }

    /**
     * Glob match of {@code codes[pFrom, pTo)} against {@code text[from, to)}: greedy with backtracking
     * to the last star, which is linear for one star and never exponential.
     */
    static boolean general(int[] codes, int pFrom, int pTo, String text, int from, int to) {
        int p = pFrom;
        int t = from;
        int starP = -1;
        int starT = -1;
        while (t < to) {
            if (p < pTo) {
                int c = codes[p];
                if (c == STAR) {
                    starP = p++;
                    starT = t;
                    continue;
                }
                if (c == QMARK || c == text.charAt(t)) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            t = ++starT;
        }
        while (p < pTo && codes[p] == STAR) {
            p++;
        }
        return p == pTo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WildcardPattern && Arrays.equals(codes, ((WildcardPattern) o).codes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(codes.length);
        for (int c : codes) {
            sb.append(c == STAR ? '*' : c == QMARK ? '?' : (char) c);
        }
        return sb.toString();
    }
}
