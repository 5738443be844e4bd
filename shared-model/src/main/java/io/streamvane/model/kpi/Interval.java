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

    /** The UTC bucket of {@code granularity} that holds {@code t}. */
    public static Interval of(Instant t, Granularity granularity) {
        if (!granularity.canBeBase()) {
            return ZonedBuckets.utc(granularity).bucket(t);
        }
        Instant start = granularity.bucketStart(t);
        return new Interval(start, start.plus(granularity.duration()));
    }

    /**
     * The first at most {@code max} buckets of {@code granularity} whose start lies in {@code [from, to)}, in time
     * order: the rows a query over {@code [from, to)} selects by interval start, so these are the buckets to
     * zero-fill. For aligned bounds they are exactly the buckets inside the range. Only the buckets returned are
     * built, so the cost is bounded by {@code max} however long the range: a caller pages a long range by asking
     * again from the start of the bucket after the last one returned.
     */
    public static List<Interval> bucketsStartingIn(Instant from, Instant to, Granularity granularity, int max) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        if (!granularity.canBeBase()) {
            return ZonedBuckets.utc(granularity).startingIn(from, to, max);
        }
        int n = (int) Math.min(max, countStartingIn(from, to, granularity));
        List<Interval> buckets = new ArrayList<>(n);
        Instant start = firstStartAtOrAfter(from, granularity);
        for (int i = 0; i < n; i++, start = start.plus(granularity.duration())) {
            buckets.add(new Interval(start, start.plus(granularity.duration())));
        }
        return buckets;
    }

    /** How many buckets of {@code granularity} start in {@code [from, to)}; arithmetic, whatever the range's length. */
    public static long countStartingIn(Instant from, Instant to, Granularity granularity) {
        Objects.requireNonNull(to, "to");
        if (!granularity.canBeBase()) {
            return ZonedBuckets.utc(granularity).startingIn(from, to, Integer.MAX_VALUE).size();
        }
        Instant first = firstStartAtOrAfter(from, granularity);
        if (!first.isBefore(to)) {
            return 0;
        }
        Duration span = Duration.between(first, to);
        long whole = span.dividedBy(granularity.duration());
        return granularity.duration().multipliedBy(whole).equals(span) ? whole : whole + 1;
    }

    private static Instant firstStartAtOrAfter(Instant t, Granularity granularity) {
        Instant start = granularity.bucketStart(t);
        return start.isBefore(t) ? start.plus(granularity.duration()) : start;
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
