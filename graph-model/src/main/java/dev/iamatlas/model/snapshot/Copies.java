package dev.iamatlas.model.snapshot;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Defensive copies for record components: {@code null} becomes empty, and the copy is unmodifiable. */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A sorted, unmodifiable copy, so that maps print and compare in a stable order. */
    static <V> SortedMap<String, V> map(Map<String, V> map) {
        return map == null || map.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
