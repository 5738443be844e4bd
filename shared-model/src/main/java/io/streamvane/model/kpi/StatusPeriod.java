package io.streamvane.model.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An agent's time in one routing status or presence, {@code [start, end)}, named by the metric its time goes to.
 * Unlike conversation metrics, status time is spread over the buckets it spans: an agent idle from 09:50 to 10:20
 * was idle 10 minutes in the 09:45 bucket.
 */
public record StatusPeriod(AgentMetric metric, Instant start, Instant end) {

    public StatusPeriod {
        Objects.requireNonNull(metric, "metric");
        if (metric.family() == AgentMetric.Family.HANDLE) {
            throw new IllegalArgumentException(metric + " is not a time in status");
        }
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

    /** The same as components per bucket start, {@code sign} +1 to add the period, -1 to retract it. */
    public NavigableMap<Instant, AgentComponents> componentsBy(Granularity granularity, int sign) {
        NavigableMap<Instant, AgentComponents> perBucket = new TreeMap<>();
        splitBy(granularity).forEach((bucket, d) -> perBucket.put(bucket, AgentComponents.of(metric, sign * d.toMillis())));
        return perBucket;
    }
}
