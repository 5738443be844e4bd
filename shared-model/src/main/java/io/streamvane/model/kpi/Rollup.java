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

    /**
     * Sums each base bucket into the target bucket holding it, keyed by target bucket start.
     *
     * @throws IllegalArgumentException when the target is not a whole multiple of the base (a base bucket would
     *                                  straddle two targets) or a key is not a base bucket start
     */
    public static NavigableMap<Instant, IntervalComponents> rollUp(Map<Instant, IntervalComponents> base,
            Granularity baseGranularity, Granularity target) {
        if (!target.isMultipleOf(baseGranularity)) {
            throw new IllegalArgumentException(
                    "cannot roll up " + baseGranularity + " buckets into " + target + ": not a multiple");
        }
        NavigableMap<Instant, IntervalComponents> rolled = new TreeMap<>();
        base.forEach((start, components) -> {
            if (!baseGranularity.bucketStart(start).equals(start)) {
                throw new IllegalArgumentException(start + " is not the start of a " + baseGranularity + " bucket");
            }
            rolled.merge(target.bucketStart(start), components, IntervalComponents::plus);
        });
        return rolled;
    }
}
