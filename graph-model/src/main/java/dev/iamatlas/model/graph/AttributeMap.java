package dev.iamatlas.model.graph;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A small immutable sorted map of attributes, stored as two arrays: a graph holds hundreds of thousands of nodes
 * and edges, each with a handful of attributes, and a {@link TreeMap} per element would cost several times more.
 * Lookups are binary searches; views ({@link #subMap} and friends) are copies.
 */
final class AttributeMap extends AbstractMap<String, String> implements SortedMap<String, String> {
    static final AttributeMap EMPTY = new AttributeMap(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;

    private AttributeMap(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A copy of {@code map} (whose keys must not be null). */
    static AttributeMap of(Map<String, String> map) {
        if (map.isEmpty()) {
            return EMPTY;
        }
        SortedMap<String, String> sorted = map instanceof TreeMap<String, String> t && t.comparator() == null ? t
                : new TreeMap<>(map);
        String[] k = new String[sorted.size()];
        String[] v = new String[sorted.size()];
        int i = 0;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            k[i] = e.getKey();
            v[i] = e.getValue();
            i++;
        }
        return new AttributeMap(k, v);
    }

    /** Whether the two maps hold the same entries (cheaper than {@link #equals} between two attribute maps). */
    boolean sameAs(AttributeMap other) {
        return this == other || Arrays.equals(keys, other.keys) && Arrays.equals(values, other.values);
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        int i = Arrays.binarySearch(keys, (String) key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && Arrays.binarySearch(keys, (String) key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    private TreeMap<String, String> copy() {
        return new TreeMap<>(this);
    }

    @Override
    public SortedMap<String, String> subMap(String fromKey, String toKey) {
        return java.util.Collections.unmodifiableSortedMap(copy().subMap(fromKey, toKey));
    }

    @Override
    public SortedMap<String, String> headMap(String toKey) {
        return java.util.Collections.unmodifiableSortedMap(copy().headMap(toKey));
    }

    @Override
    public SortedMap<String, String> tailMap(String fromKey) {
        return java.util.Collections.unmodifiableSortedMap(copy().tailMap(fromKey));
    }

    @Override
    public String firstKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[0];
    }

    @Override
    public String lastKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[keys.length - 1];
    }
}
