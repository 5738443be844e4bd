package io.streamvane.egress.intervals;

import io.streamvane.egress.intervals.QueueIntervals.Series;
import io.streamvane.model.kpi.Finality;
import io.streamvane.model.kpi.Finality.StoredRow;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.Rollup;
import io.streamvane.model.kpi.ServiceLevelSettings;
import io.streamvane.model.kpi.Watermark;
import io.streamvane.model.kpi.ZonedBuckets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reported buckets of one series from its stored base rows: local periods of the target's zone, components summed by
 * {@link Rollup}, revisions summed, finality by {@link Finality#isFinal(Interval, Watermark, java.util.Collection)}.
 * Pure, so every read judges alike.
 */
final class Buckets {

    private final Granularity base;
    private final ZonedBuckets target;
    private final Watermark watermark;

    Buckets(Granularity base, ZonedBuckets target, Watermark watermark) {
        this.base = base;
        this.target = target;
        this.watermark = watermark;
    }

    /** The buckets holding at least one of {@code rows} (all of {@code series}), keyed by bucket start. */
    NavigableMap<Instant, QueueInterval> of(Series series, String queueName, ServiceLevelSettings settings,
            double slTarget, List<BaseRow> rows) {
        Map<Instant, IntervalComponents> components = new HashMap<>();
        Map<Instant, List<StoredRow>> stored = new HashMap<>();
        Map<Instant, Long> revisions = new HashMap<>();
        for (BaseRow r : rows) {
            Instant bucket = target.start(r.interval().start());
            components.put(r.interval().start(), r.components());
            stored.computeIfAbsent(bucket, k -> new ArrayList<>()).add(new StoredRow(r.interval(), r.isFinal()));
            revisions.merge(bucket, (long) r.revision(), Long::sum);
        }
        NavigableMap<Instant, QueueInterval> buckets = new TreeMap<>();
        Rollup.rollUp(components, base, target).forEach((start, sum) -> {
            List<StoredRow> inside = stored.get(start);
            Interval bucket = new Interval(start, target.end(start));
            buckets.put(start, new QueueInterval(series.queueId(), queueName, series.mediaType(), start, bucket.end(),
                    target.granularity(), target.zone(), sum, settings, slTarget,
                    Finality.isFinal(bucket, watermark, inside),
                    revisions.get(start), inside.size(), baseBuckets(bucket)));
        });
        return buckets;
    }

    /** The bucket at {@code start} without any stored row: zeros, revision 0, final once the watermark passed it. */
    QueueInterval zero(Series series, String queueName, ServiceLevelSettings settings, double slTarget,
            Interval bucket) {
        return new QueueInterval(series.queueId(), queueName, series.mediaType(), bucket.start(), bucket.end(),
                target.granularity(), target.zone(), IntervalComponents.ZERO, settings, slTarget,
                Finality.isFinal(bucket, watermark, List.of()), 0, 0, baseBuckets(bucket));
    }

    private int baseBuckets(Interval bucket) {
        return (int) bucket.duration().dividedBy(base.duration());
    }
}
