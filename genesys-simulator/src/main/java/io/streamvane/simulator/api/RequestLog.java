package io.streamvane.simulator.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every request the fake API received, counted per endpoint ({@code "POST /api/v2/analytics/conversations/aggregates/query"})
 * and per answer status, so tests and benchmarks can say how many Genesys calls a feature took. Rejected requests
 * (401, 429, 503) count too: Genesys counts them against the caller as well.
 */
public final class RequestLog {

    private final Map<String, LongAdder> perEndpoint = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> perStatus = new ConcurrentHashMap<>();

    void record(String endpoint, int status) {
        perEndpoint.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
        perStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    public long count(String endpoint) {
        LongAdder adder = perEndpoint.get(endpoint);
        return adder == null ? 0 : adder.sum();
    }

    public long countWithStatus(int status) {
        LongAdder adder = perStatus.get(status);
        return adder == null ? 0 : adder.sum();
    }

    public long total() {
        return perEndpoint.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> perEndpoint() {
        Map<String, Long> copy = new TreeMap<>();
        perEndpoint.forEach((endpoint, adder) -> copy.put(endpoint, adder.sum()));
        return copy;
    }

    public Map<Integer, Long> perStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        perStatus.forEach((status, adder) -> copy.put(status, adder.sum()));
        return copy;
    }

    public void reset() {
        perEndpoint.clear();
        perStatus.clear();
    }
}
