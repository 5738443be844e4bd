package io.streamvane.model.event;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code v2.analytics.queues.{id}.observations}.
 *
 * <p>Required: the queue id ({@code group.queueId}, else the topic's id) and a non-empty {@code data} whose entries
 * each have an ISO-8601 {@code interval} ({@code start/end}); every metric needs its {@code metric} name and numeric
 * stats. The event time is the latest interval start (an instant observation's {@code T/T} is its own moment).
 * Identity: (queueId, mediaType, intervals, hash of the canonical message), since a message is the latest value
 * and two different values for one interval are two events.
 */
final class QueueObservationsReader {

    ReadBody read(String topicName, JsonNode eventBody) {
        TopicKind kind = TopicKind.QUEUE_OBSERVATIONS;
        JsonFields fields = JsonFields.of(eventBody, kind.eventLabel());
        JsonFields groupFields = fields.object("group");
        Map<String, String> group = groupFields == null ? Map.of() : texts(groupFields);
        String queueId = group.get("queueId");
        if (queueId == null) {
            queueId = kind.idIn(topicName).orElseThrow(() -> fields.missing("group.queueId"));
        }
        String mediaType = group.get("mediaType");
        JsonNode data = fields.array("data");
        if (data == null || data.isEmpty()) {
            throw fields.missing("data");
        }
        List<QueueObservations.IntervalMetrics> intervals = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            intervals.add(intervalMetrics(fields.element("data", i, data.get(i))));
        }
        Instant eventTime = intervals.stream()
                .map(QueueObservations.IntervalMetrics::start)
                .max(Instant::compareTo)
                .orElseThrow();
        QueueObservations body = new QueueObservations(queueId, mediaType, group, intervals);
        EventIdentity identity = EventIdentity.of(kind, queueId, body.mediaType(),
                String.join(",", intervals.stream().map(QueueObservations.IntervalMetrics::interval).toList()),
                CanonicalJson.hashOf(eventBody));
        return new ReadBody(body, EntityIds.ofQueue(queueId, mediaType), eventTime, identity);
    }

    private static QueueObservations.IntervalMetrics intervalMetrics(JsonFields entry) {
        String interval = entry.requiredText("interval");
        String[] bounds = interval.split("/", -1);
        Instant start = bounds.length == 2 ? JsonFields.parseInstant(bounds[0]) : null;
        Instant end = bounds.length == 2 ? JsonFields.parseInstant(bounds[1]) : null;
        if (start == null || end == null) {
            throw entry.invalid("interval", "must be an ISO-8601 interval start/end");
        }
        JsonNode metricNodes = entry.array("metrics");
        List<QueueObservations.Metric> metrics = new ArrayList<>();
        if (metricNodes != null) {
            for (int i = 0; i < metricNodes.size(); i++) {
                metrics.add(metric(entry.element("metrics", i, metricNodes.get(i))));
            }
        }
        return new QueueObservations.IntervalMetrics(interval, start, end, metrics);
    }

    private static QueueObservations.Metric metric(JsonFields metric) {
        JsonFields statsFields = metric.object("stats");
        Map<String, BigDecimal> stats = new LinkedHashMap<>();
        if (statsFields != null) {
            for (Map.Entry<String, JsonNode> stat : statsFields.properties()) {
                if (!stat.getValue().isNull()) {
                    stats.put(stat.getKey(), statsFields.decimal(stat.getKey(), stat.getValue()));
                }
            }
        }
        return new QueueObservations.Metric(metric.requiredText("metric"), metric.text("qualifier"), stats);
    }

    /** The string-valued properties of {@code group} ({@code {string: string}} in the Genesys model). */
    private static Map<String, String> texts(JsonFields group) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : group.properties()) {
            String value = group.text(property.getKey());
            if (value != null) {
                texts.put(property.getKey(), value);
            }
        }
        return texts;
    }
}
