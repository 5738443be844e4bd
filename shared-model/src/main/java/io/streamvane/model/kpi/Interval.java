package io.streamvane.model.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A half-open UTC time range {@code [start, end)}. */
public record Interval(Instant start, Instant end) {

    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("interval start " + start + " must be before end " + end);
        }
    }

    /** The bucket of {@code granularity} that holds {@code t}. */
    public static Interval of(Instant t, Granularity granularity) {
        Instant start = granularity.bucketStart(t);
        return new Interval(start, start.plus(granularity.duration()));
    }

    /**
     * Every bucket of {@code granularity} whose start lies in {@code [from, to)}, in time order; the rows a query
     * over {@code [from, to)} selects by interval start, so these are the buckets to zero-fill. For aligned bounds
     * they are exactly the buckets inside the range.
     */
    public static List<Interval> bucketsStartingIn(Instant from, Instant to, Granularity granularity) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<Interval> buckets = new ArrayList<>();
        Instant start = granularity.bucketStart(from);
        if (start.isBefore(from)) {
            start = start.plus(granularity.duration());
        }
        for (; start.isBefore(to); start = start.plus(granularity.duration())) {
            buckets.add(new Interval(start, start.plus(granularity.duration())));
        }
        return buckets;
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
