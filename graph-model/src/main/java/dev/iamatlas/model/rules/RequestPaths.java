package dev.iamatlas.model.rules;

import dev.iamatlas.model.policy.ResourcePattern;
import dev.iamatlas.model.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request paths of a templated REST route ({@code /{proxy+}}, {@code /items/{id}}) that a resource policy's own
 * {@code Resource} patterns name. API Gateway checks {@code execute-api:Invoke} against the ARN of the request's
 * actual path, not the resource's template, so a statement for {@code .../GET/public/*} decides the requests to
 * {@code GET /{proxy+}} under {@code /public/} and no others. For each pattern that some instance of the route's ARN
 * matches, one such instance is returned ({@code {id}} stands for one path segment, {@code {proxy+}} for one or more);
 * the evaluator then decides each as a request of its own.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html">API Gateway ARN reference: execute-api resource</a>
 * @see <a href="https://repost.aws/knowledge-center/api-gateway-lambda-authorization-errors">Knowledge Center: proxy resource paths and the policy's Resource element</a>
 */
final class RequestPaths {
    /** At most this many instances per route ARN: each is one more request to evaluate. */
    static final int LIMIT = 8;

    private static final char ANY = '\u0000';
    private static final char SEGMENT = '\u0001';

    private RequestPaths() {
    }

    /** Instances of {@code templatedArn} (other than itself) that the policy's Resource patterns match. */
    static List<String> instances(String templatedArn, PolicySource policy) {
        Set<String> out = new LinkedHashSet<>();
        if (policy == null || !policy.parsed().valid()) {
            return List.of();
        }
        List<Token> route = routeTokens(templatedArn);
        for (Statement s : policy.parsed().document().statements()) {
            if (s.resource() == null) {
                continue;
            }
            for (ResourcePattern r : s.resource()) {
                String text = r.text();
                if (text.contains("${") || out.size() >= LIMIT) {
                    continue;
                }
                String witness = new Meet(patternTokens(text), route).witness();
                if (witness != null && !witness.equals(templatedArn)) {
                    out.add(witness);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** One position of a pattern: a character class, once or any number of times. */
    private record Token(char cls, boolean star) {
    }

    private static List<Token> patternTokens(String pattern) {
        List<Token> out = new ArrayList<>();
        for (char c : pattern.toCharArray()) {
            out.add(c == '*' ? new Token(ANY, true) : c == '?' ? new Token(ANY, false) : new Token(c, false));
        }
        return out;
    }

    /** {@code {name}}: one segment (at least one character, no slash); {@code {name+}}: anything non-empty. */
    private static List<Token> routeTokens(String arn) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < arn.length()) {
            char c = arn.charAt(i);
            int close = c == '{' ? arn.indexOf('}', i) : -1;
            if (close > 0) {
                char cls = arn.charAt(close - 1) == '+' ? ANY : SEGMENT;
                out.add(new Token(cls, false));
                out.add(new Token(cls, true));
                i = close + 1;
            } else {
                out.add(new Token(c, false));
                i++;
            }
        }
        return out;
    }

    /** A string both token sequences match, built by a search over pairs of positions (memoised). */
    private static final class Meet {
        private final List<Token> p;
        private final List<Token> r;
        private final Map<Integer, String> memo = new HashMap<>();

        Meet(List<Token> p, List<Token> r) {
            this.p = p;
            this.r = r;
        }

        String witness() {
            return from(0, 0);
        }

        private String from(int i, int j) {
            if (i == p.size() && j == r.size()) {
                return "";
            }
            int key = i * (r.size() + 1) + j;
            if (memo.containsKey(key)) {
                return memo.get(key);
            }
            memo.put(key, null);
            String found = null;
            if (i < p.size() && p.get(i).star()) {
                found = from(i + 1, j);
            }
            if (found == null && j < r.size() && r.get(j).star()) {
                found = from(i, j + 1);
            }
            if (found == null && i < p.size() && j < r.size() && !(p.get(i).star() && r.get(j).star())) {
                char c = meet(p.get(i).cls(), r.get(j).cls());
                if (c != 0) {
                    String rest = from(p.get(i).star() ? i : i + 1, r.get(j).star() ? j : j + 1);
                    found = rest == null ? null : c + rest;
                }
            }
            memo.put(key, found);
            return found;
        }

        /** A character in both classes, or 0 when there is none. */
        private static char meet(char a, char b) {
            if (a == ANY || a == SEGMENT) {
                char t = a;
                a = b;
                b = t;
            }
            // now b is a class whenever either is
            if (b == ANY) {
                return a == ANY || a == SEGMENT ? 'x' : a;
            }
            if (b == SEGMENT) {
                return a == ANY || a == SEGMENT ? 'x' : a == '/' ? 0 : a;
            }
            return a == b ? a : 0;
        }
    }
}
