package io.streamvane.model.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An agent's time in one routing status, {@code [start, end)}. Unlike conversation metrics, status time is spread
 * over the buckets it spans: an agent idle from 09:50 to 10:20 was idle 10 minutes in the 09:45 bucket.
 */
public record StatusPeriod(RoutingStatus status, Instant start, Instant end) {

    public StatusPeriod {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("status period ends " + end + " before it starts " + start);
        }
    }

    /** Time in this status per bucket start, in time order; buckets it does not touch are absent. */
    public NavigableMap<Instant, Duration> splitBy(Granularity granularity) {
        NavigableMap<Instant, Duration> perBucket = new TreeMap<>();
        Instant from = start;
        while (from.isBefore(end)) {
            Interval bucket = Interval.of(from, granularity);
            Instant to = bucket.end().isBefore(end) ? bucket.end() : end;
            perBucket.put(bucket.start(), Duration.between(from, to));
            from = to;
        }
        return perBucket;
    }
}
