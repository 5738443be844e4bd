package io.streamvane.simulator.model;

import java.util.Comparator;
import java.util.PriorityQueue;

/** The discrete-event clock: actions run in time order, ties in scheduling order, so runs are reproducible. */
final class EventQueue {

    private record Entry(long atMs, long sequence, Runnable action) {
    }

    private final PriorityQueue<Entry> queue =
            new PriorityQueue<>(Comparator.comparingLong(Entry::atMs).thenComparingLong(Entry::sequence));
    private long sequence;
    private long now;

    EventQueue(long startMs) {
        this.now = startMs;
    }

    long now() {
        return now;
    }

    void at(long atMs, Runnable action) {
        queue.add(new Entry(Math.max(atMs, now), sequence++, action));
    }

    void runAll() {
        while (!queue.isEmpty()) {
            Entry next = queue.poll();
            now = next.atMs();
            next.action().run();
        }
    }
}
