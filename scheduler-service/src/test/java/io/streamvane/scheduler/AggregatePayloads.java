package io.streamvane.scheduler;

import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.scheduler.genesys.Analytics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Conversation-aggregate responses in the documented shape, built from components (the inverse of the mapping). */
public final class AggregatePayloads {

    private AggregatePayloads() {
    }

    public record Bucket(String queueId, String mediaType, Interval interval, IntervalComponents c) {
    }

    public static String response(List<Bucket> buckets) {
        String results = buckets.stream().map(b -> """
                { "group": { "queueId": "%s", "mediaType": "%s" },
                  "data": [ { "interval": "%s", "metrics": [ %s ] } ] }""".formatted(
                b.queueId(), b.mediaType(), Analytics.isoInterval(b.interval()), metrics(b.c())))
                .collect(Collectors.joining(","));
        return "{ \"results\": [" + results + "] }";
    }

    /** Each Genesys metric of the catalogue with the count and sum its components hold, and nOverSla. */
    private static String metrics(IntervalComponents c) {
        Map<String, long[]> byMetric = new LinkedHashMap<>();
        Map<String, Boolean> hasSum = new LinkedHashMap<>();
        for (QueueMetric m : QueueMetric.components()) {
            m.genesysStat().ifPresent(g -> {
                long[] countAndSum = byMetric.computeIfAbsent(g.metric(), k -> new long[2]);
                countAndSum[g.sum() ? 1 : 0] = c.get(m);
                hasSum.merge(g.metric(), g.sum(), Boolean::logicalOr);
            });
        }
        StringBuilder out = new StringBuilder();
        byMetric.forEach((metric, v) -> add(out, metric, v[0], hasSum.get(metric) ? v[1] : null));
        add(out, Analytics.OVER_SLA, c.answered() - c.answeredWithinSl(), null);
        return out.toString();
    }

    private static void add(StringBuilder m, String metric, long count, Long sum) {
        if (count == 0 && (sum == null || sum == 0)) {
            return; // Genesys omits what did not happen
        }
        if (!m.isEmpty()) {
            m.append(',');
        }
        m.append("{ \"metric\": \"").append(metric).append("\", \"stats\": { \"count\": ").append(count);
        if (sum != null) {
            m.append(", \"sum\": ").append(sum).append(", \"max\": ").append(sum).append(", \"min\": 0");
        }
        m.append(" } }");
    }
}
