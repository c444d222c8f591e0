package dev.iamatlas.model.report;

import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Suggestions for a node id that is not in the graph: the ids closest to what was typed, so that an error can say
 * "did you mean ...?". Closeness is the edit distance between the last parts (function name, role path, route),
 * or between the whole ids when they are of similar length, and a match of the typed text inside an id or label.
 *
 * <p>Running time: linear in the nodes that pass the filter, times the length of the ids compared.
 */
public final class ClosestNodes {
    private ClosestNodes() {
    }

    /**
     * Up to {@code max} node ids close to {@code wanted}, closest first.
     *
     * @param filter which nodes may be suggested (for example only functions)
     * @return the suggestions; empty when nothing is close
     */
    public static List<String> suggest(AccessGraph graph, String wanted, Predicate<Node> filter, int max) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(wanted, "wanted");
        String w = wanted.trim().toLowerCase(Locale.ROOT);
        String wTail = tail(w);
        int limit = Math.max(2, wTail.length() / 3);
        record Candidate(String id, int score) {
        }
        List<Candidate> found = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (!filter.test(n)) {
                continue;
            }
            String id = n.id().toLowerCase(Locale.ROOT);
            int score;
            if (id.equals(w)) {
                score = 0;
            } else if (tail(id).equals(wTail) || n.label().toLowerCase(Locale.ROOT).equals(w)) {
                score = 1;
            } else {
                score = distance(wTail, tail(id), limit + 1) + 1;
                if (Math.abs(id.length() - w.length()) <= limit) {
                    score = Math.min(score, distance(w, id, limit + 1) + 1);
                }
                if (score > limit + 1 && wTail.length() >= 4 && id.contains(wTail)) {
                    score = limit + 1;
                }
            }
            if (score <= limit + 1) {
                found.add(new Candidate(n.id(), score));
            }
        }
        found.sort(Comparator.comparingInt(Candidate::score).thenComparing(Candidate::id));
        return found.stream().limit(max).map(Candidate::id).toList();
    }

    /** The last part of an id: after the last {@code /}, or after {@code :function:}, or after the last {@code :}. */
    static String tail(String id) {
        int function = id.indexOf(":function:");
        if (function >= 0) {
            return id.substring(function + ":function:".length());
        }
        int cut = Math.max(id.lastIndexOf('/'), id.lastIndexOf(':'));
        return cut >= 0 && cut < id.length() - 1 ? id.substring(cut + 1) : id;
    }

    /** Levenshtein distance, or {@code cap} as soon as it is known to be at least that. */
    static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= cap) {
                return cap;
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[b.length()], cap);
    }
}
