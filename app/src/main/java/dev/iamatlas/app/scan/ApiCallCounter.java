package dev.iamatlas.app.scan;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts every HTTP request sent to AWS (retries included), per service and per operation. Thread-safe. */
final class ApiCallCounter {
    private final ConcurrentMap<String, LongAdder> perService = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> perOperation = new ConcurrentHashMap<>();

    void count(String service, String operation) {
        perService.computeIfAbsent(service, k -> new LongAdder()).increment();
        perOperation.computeIfAbsent(service + ":" + operation, k -> new LongAdder()).increment();
    }

    /** Calls per service, such as {@code lambda → 120}, sorted by service. */
    Map<String, Long> byService() {
        Map<String, Long> result = new TreeMap<>();
        perService.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }

    /** Calls per {@code service:Operation}, sorted. */
    Map<String, Long> byOperation() {
        Map<String, Long> result = new TreeMap<>();
        perOperation.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }

    long total() {
        return perService.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
