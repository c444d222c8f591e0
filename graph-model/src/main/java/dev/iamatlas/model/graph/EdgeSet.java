package dev.iamatlas.model.graph;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;

/**
 * The edges entering or leaving one node, in the order they were added. Most nodes have a handful: those are kept in
 * an array, as JGraphT's own edge sets are (compact; removing is linear in the degree). A hub — a capability many
 * roles have, the Internet, an account — can have thousands, and an edit that changes a popular managed policy
 * removes thousands of them one by one, which an array makes quadratic: above {@value #ARRAY_LIMIT} edges the set
 * becomes a linked hash set (constant-time removal, same iteration order).
 *
 * <p>Like JGraphT's array sets, {@link #add} does not look for the element: the graph adds each edge object once.
 * Edges are compared by identity, which is {@link AccessEdge}'s equality (and spares reading each edge while
 * looking for one). Not thread-safe.
 *
 * @param <E> the edge type
 */
final class EdgeSet<E> extends AbstractSet<E> {
    /** Above this many edges, the set is hashed. */
    static final int ARRAY_LIMIT = 32;

    private Object[] array = new Object[2];
    private int size;
    private LinkedHashSet<E> hashed;
    private int modifications;

    @Override
    public int size() {
        return hashed != null ? hashed.size() : size;
    }

    @Override
    public boolean add(E e) {
        if (hashed != null) {
            return hashed.add(e);
        }
        if (size == ARRAY_LIMIT) {
            hashed = new LinkedHashSet<>(ARRAY_LIMIT * 4);
            for (int i = 0; i < size; i++) {
                hashed.add(element(i));
            }
            array = null;
            size = 0;
            modifications++;
            return hashed.add(e);
        }
        if (size == array.length) {
            array = Arrays.copyOf(array, size * 2);
        }
        array[size++] = e;
        modifications++;
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (hashed != null) {
            return hashed.remove(o);
        }
        for (int i = 0; i < size; i++) {
            if (array[i] == o) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean contains(Object o) {
        if (hashed != null) {
            return hashed.contains(o);
        }
        for (int i = 0; i < size; i++) {
            if (array[i] == o) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Iterator<E> iterator() {
        if (hashed != null) {
            return hashed.iterator();
        }
        return new Iterator<>() {
            private int next;
            private int last = -1;
            private int expected = modifications;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public E next() {
                if (expected != modifications) {
                    throw new ConcurrentModificationException();
                }
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                last = next++;
                return element(last);
            }

            @Override
            public void remove() {
                if (last < 0) {
                    throw new IllegalStateException();
                }
                if (expected != modifications) {
                    throw new ConcurrentModificationException();
                }
                removeAt(last);
                next = last;
                last = -1;
                expected = modifications;
            }
        };
    }

    private void removeAt(int i) {
        System.arraycopy(array, i + 1, array, i, size - i - 1);
        array[--size] = null;
        modifications++;
    }

    @SuppressWarnings("unchecked")
    private E element(int i) {
        return (E) array[i];
    }
}
