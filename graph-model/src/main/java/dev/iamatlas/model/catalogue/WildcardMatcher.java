package dev.iamatlas.model.catalogue;

/**
 * IAM's action wildcards: {@code *} matches any run of characters (also none), {@code ?} exactly
 * one character; every other character matches itself. Callers pass both strings already in the
 * same case.
 */
final class WildcardMatcher {

    private WildcardMatcher() {
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** Whether {@code s} is one or more {@code *} and nothing else. */
    static boolean isAllStars(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code pattern} matches the whole of {@code text}. Greedy with backtracking to the
     * last {@code *} only, so it runs in O(pattern length × text length) at worst and in linear
     * time for the usual one- or two-star patterns.
     */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
