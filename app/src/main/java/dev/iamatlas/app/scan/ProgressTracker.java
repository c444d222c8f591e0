package dev.iamatlas.app.scan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts work per (service, region): steps known, steps done, resources found. A (service, region) is finished
 * when it was started and none of its steps is pending. Thread-safe.
 */
final class ProgressTracker {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private double lastFraction;

    private static final class Entry {
        final String service;
        final String region;
        final AtomicLong found = new AtomicLong();
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong();

        Entry(String service, String region) {
            this.service = service;
            this.region = region;
        }

        boolean finished() {
            long t = total.get();
            return t > 0 && done.get() >= t;
        }
    }

    /** Announces a (service, region) so that it counts in the fraction before its first step starts. */
    void register(String service, String region) {
        entry(service, region);
    }

    void stepAdded(String service, String region) {
        entry(service, region).total.incrementAndGet();
    }

    void stepDone(String service, String region) {
        entry(service, region).done.incrementAndGet();
    }

    void found(String service, String region, long count) {
        entry(service, region).found.addAndGet(count);
    }

    /** The (service, region) pairs not finished, for "cancelled before this finished" gaps. */
    List<ScanProgress.ServiceProgress> unfinished() {
        return snapshotEntries().stream().filter(p -> !p.finished()).toList();
    }

    /**
     * @param scanFinished whether this is the last report
     * @param complete whether the scan finished everything (a cancelled scan's last report keeps its fraction)
     */
    ScanProgress report(long apiCalls, int gaps, Duration elapsed, boolean scanFinished, boolean complete) {
        List<ScanProgress.ServiceProgress> services = snapshotEntries();
        double sum = 0;
        for (ScanProgress.ServiceProgress p : services) {
            sum += p.finished() ? 1.0 : (double) p.done() / (p.total() + 1);
        }
        double fraction = services.isEmpty() ? 0 : sum / services.size();
        synchronized (this) {
            fraction = scanFinished && complete ? 1.0 : Math.min(0.99, Math.max(lastFraction, fraction));
            lastFraction = fraction;
        }
        return new ScanProgress(services, fraction, apiCalls, gaps, elapsed, scanFinished);
    }

    private List<ScanProgress.ServiceProgress> snapshotEntries() {
        List<String> keys;
        synchronized (order) {
            keys = new ArrayList<>(order);
        }
        List<ScanProgress.ServiceProgress> result = new ArrayList<>(keys.size());
        for (String key : keys) {
            Entry e = entries.get(key);
            result.add(new ScanProgress.ServiceProgress(e.service, e.region, e.found.get(), e.done.get(),
                    e.total.get(), e.finished()));
        }
        return result;
    }

    private Entry entry(String service, String region) {
        String key = service + " " + region;
        Entry e = entries.get(key);
        if (e != null) {
            return e;
        }
        synchronized (order) {
            return entries.computeIfAbsent(key, k -> {
                order.add(k);
                return new Entry(service, region);
            });
        }
    }
}
