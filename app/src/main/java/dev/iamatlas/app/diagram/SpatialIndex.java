package dev.iamatlas.app.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A uniform grid over items identified by index: rectangles for nodes, segments for edges. Answers "which items
 * may touch this rectangle" in time proportional to the cells it covers plus the answer, which keeps painting and
 * hit testing of a 2,000-node diagram independent of its size when zoomed in.
 */
final class SpatialIndex {
    private static final double CELL = 256;

    private final Map<Long, int[]> cells = new HashMap<>();
    private final Map<Long, Integer> sizes = new HashMap<>();
    private final int itemCount;

    SpatialIndex(int itemCount) {
        this.itemCount = itemCount;
    }

    void addRect(int item, double x, double y, double w, double h) {
        int cx0 = cell(x);
        int cy0 = cell(y);
        int cx1 = cell(x + w);
        int cy1 = cell(y + h);
        for (int cx = cx0; cx <= cx1; cx++) {
            for (int cy = cy0; cy <= cy1; cy++) {
                add(key(cx, cy), item);
            }
        }
    }

    /** Adds an axis-aligned or diagonal segment by the cells of its bounding box (segments are short or straight). */
    void addSegment(int item, double ax, double ay, double bx, double by) {
        if (ax != bx && ay != by) {
            // A diagonal: walk it in steps of half a cell.
            double length = Math.hypot(bx - ax, by - ay);
            int steps = Math.max(1, (int) Math.ceil(length / (CELL / 2)));
            long last = Long.MIN_VALUE;
            for (int i = 0; i <= steps; i++) {
                double t = (double) i / steps;
                long k = key(cell(ax + t * (bx - ax)), cell(ay + t * (by - ay)));
                if (k != last) {
                    add(k, item);
                    last = k;
                }
            }
            return;
        }
        addRect(item, Math.min(ax, bx), Math.min(ay, by), Math.abs(bx - ax), Math.abs(by - ay));
    }

    /** The items in cells that the rectangle touches, each once, in ascending order (a superset of the exact hits). */
    int[] query(double x, double y, double w, double h) {
        BitSet found = new BitSet(itemCount);
        int cx0 = cell(x);
        int cy0 = cell(y);
        int cx1 = cell(x + w);
        int cy1 = cell(y + h);
        if ((long) (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > cells.size()) {
            for (Map.Entry<Long, int[]> e : cells.entrySet()) {
                int cx = (int) (e.getKey() >> 32);
                int cy = (int) (long) e.getKey();
                if (cx >= cx0 && cx <= cx1 && cy >= cy0 && cy <= cy1) {
                    mark(found, e.getValue(), sizes.get(e.getKey()));
                }
            }
        } else {
            for (int cx = cx0; cx <= cx1; cx++) {
                for (int cy = cy0; cy <= cy1; cy++) {
                    long k = key(cx, cy);
                    int[] items = cells.get(k);
                    if (items != null) {
                        mark(found, items, sizes.get(k));
                    }
                }
            }
        }
        return found.stream().toArray();
    }

    private static void mark(BitSet found, int[] items, int size) {
        for (int i = 0; i < size; i++) {
            found.set(items[i]);
        }
    }

    private void add(long key, int item) {
        int[] items = cells.get(key);
        int size = sizes.getOrDefault(key, 0);
        if (items == null) {
            items = new int[4];
        } else if (size > 0 && items[size - 1] == item) {
            return;
        } else if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size] = item;
        cells.put(key, items);
        sizes.put(key, size + 1);
    }

    private static int cell(double v) {
        return (int) Math.floor(v / CELL);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) | (cy & 0xffffffffL);
    }

    static List<Integer> toList(int[] items) {
        List<Integer> list = new ArrayList<>(items.length);
        for (int item : items) {
            list.add(item);
        }
        return list;
    }
}
