package org.rootposture.lab.service;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

public final class CallCounter {

    private final Map<String, Map<String, AtomicInteger>> counts = new ConcurrentHashMap<>();

    public void count(String accountId, String operation) {
        counts.computeIfAbsent(accountId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation, op -> new AtomicInteger())
                .incrementAndGet();
    }

    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> snapshot = new TreeMap<>();
        counts.forEach((account, operations) -> {
            Map<String, Integer> copy = new TreeMap<>();
            operations.forEach((operation, count) -> copy.put(operation, count.get()));
            snapshot.put(account, Collections.unmodifiableMap(copy));
        });
        return Collections.unmodifiableMap(snapshot);
    }

    public int total() {
        return counts.values().stream().flatMap(operations -> operations.values().stream()).mapToInt(AtomicInteger::get).sum();
    }

    public void reset() {
        counts.clear();
    }
}
