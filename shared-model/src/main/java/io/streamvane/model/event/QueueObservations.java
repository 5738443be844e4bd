package io.streamvane.model.event;

import io.streamvane.model.kpi.MediaTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code v2.analytics.queues.{id}.observations}: the latest values for a queue, never a delta. A zero-width
 * interval ({@code T/T}) carries instant observations ({@code oWaiting}); a 30-minute interval carries the running
 * totals of that bucket so far.
 *
 * @param group the whole {@code group} object; {@code queueId} and {@code mediaType} are lifted out of it
 */
public record QueueObservations(
        String queueId,
        String mediaType,
        Map<String, String> group,
        List<IntervalMetrics> data) implements EventBody {

    public QueueObservations {
        mediaType = MediaTypes.normalise(mediaType);
        group = Map.copyOf(group);
        data = List.copyOf(data);
    }

    /**
     * The metrics of one interval.
     *
     * @param interval the ISO-8601 interval as sent ({@code start/end})
     */
    public record IntervalMetrics(String interval, Instant start, Instant end, List<Metric> metrics) {

        public IntervalMetrics {
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * One metric value.
     *
     * @param qualifier nullable (e.g. the routing status of {@code oUserRoutingStatuses})
     * @param stats     {@code count}, {@code sum}, {@code ratio}, …; exact decimals without trailing zeros
     */
    public record Metric(String metric, String qualifier, Map<String, BigDecimal> stats) {

        public Metric {
            stats = Map.copyOf(stats);
        }
    }
}
