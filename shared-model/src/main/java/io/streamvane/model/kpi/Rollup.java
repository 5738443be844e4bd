package io.streamvane.model.kpi;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Coarser granularities as sums of base buckets (SPEC §2: only additive components are stored). */
public final class Rollup {

    private Rollup() {
    }

    /** Rolls up buckets stored at {@link Granularity#DEFAULT_BASE}. */
    public static NavigableMap<Instant, IntervalComponents> rollUp(Map<Instant, IntervalComponents> base,
            Granularity target) {
        return rollUp(base, Granularity.DEFAULT_BASE, target);
    }

    /** Sums each base bucket into the UTC target bucket holding it, keyed by target bucket start. */
    public static NavigableMap<Instant, IntervalComponents> rollUp(Map<Instant, IntervalComponents> base,
            Granularity baseGranularity, Granularity target) {
        return rollUp(base, baseGranularity, ZonedBuckets.utc(target));
    }

    /**
     * Sums each base bucket into the target bucket holding it, keyed by target bucket start: a local hour, day, week
     * or month in the target's zone.
     *
     * @throws IllegalArgumentException when a target bucket does not start on a base boundary (a base bucket would
     *                                  straddle two targets: a coarser base, or a zone not aligned to it) or a key
     *                                  is not a base bucket start
     */
    public static NavigableMap<Instant, IntervalComponents> rollUp(Map<Instant, IntervalComponents> base,
            Granularity baseGranularity, ZonedBuckets target) {
        if (!target.granularity().isMultipleOf(baseGranularity)) {
            throw new IllegalArgumentException(
                    "cannot roll up " + baseGranularity + " buckets into " + target.granularity() + ": not a multiple");
        }
        NavigableMap<Instant, IntervalComponents> rolled = new TreeMap<>();
        base.forEach((start, components) -> {
            if (!baseGranularity.bucketStart(start).equals(start)) {
                throw new IllegalArgumentException(start + " is not the start of a " + baseGranularity + " bucket");
            }
            Instant bucket = target.start(start);
            if (!baseGranularity.bucketStart(bucket).equals(bucket)) {
                throw new IllegalArgumentException("cannot roll up " + baseGranularity + " buckets into " + target
                        + ": its bucket at " + bucket + " starts inside a base bucket");
            }
            rolled.merge(bucket, components, IntervalComponents::plus);
        });
        return rolled;
    }
}
