package io.streamvane.egress.intervals;

import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.ServiceLevelSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One queue × media type × bucket as every surface reports it: the additive components summed over the stored base
 * rows inside the bucket, the service-level settings its KPIs derive from, finality and revision. Each surface maps it
 * to its own shape (the REST row, the OData entity, the push payload, the wallboard tile) and derives KPIs only
 * through {@link #derived()}.
 *
 * @param queueName       from the queue dimension; null when the queue is not in it
 * @param end             where the bucket ends: a local day lasts 23 to 25 hours around a DST change
 * @param zone            the time zone whose local period the bucket is (the queue's site zone, or the one asked)
 * @param slTarget        the service-level target (fraction) of the queue and media type: {@link
 *                        io.streamvane.model.kpi.ServiceLevelTargets}
 * @param revision        the sum of the stored base rows' revisions: each only grows, so the sum grows whenever any
 *                        part of the bucket is restated; 0 for a bucket without stored rows
 * @param storedBaseRows  how many base rows are stored inside the bucket (0 for a zero-filled bucket)
 * @param baseBuckets     how many base buckets the bucket spans
 */
public record QueueInterval(String queueId, String queueName, String mediaType, Instant start, Instant end,
        Granularity granularity, ZoneId zone, IntervalComponents components, ServiceLevelSettings settings,
        double slTarget, boolean isFinal, long revision, int storedBaseRows, int baseBuckets) {

    public QueueInterval {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(settings, "settings");
    }

    public Interval interval() {
        return new Interval(start, end());
    }

    public DerivedKpis derived() {
        return DerivedKpis.of(components, settings);
    }

    /** Whether any base row is stored inside the bucket; a bucket without one is a zero-filled row. */
    public boolean hasStoredRows() {
        return storedBaseRows > 0;
    }

    /** Whether every base bucket inside has a stored row. */
    public boolean isComplete() {
        return storedBaseRows >= baseBuckets;
    }
}
