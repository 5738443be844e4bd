package io.streamvane.scheduler;

import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.scheduler.genesys.Analytics;
import java.util.List;
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

    private static String metrics(IntervalComponents c) {
        StringBuilder m = new StringBuilder();
        add(m, "nOffered", c.offered(), null);
        add(m, "tAnswered", c.answered(), c.answerWaitMs());
        add(m, "nOverSla", c.answered() - c.answeredWithinSl(), null);
        add(m, "tAbandon", c.abandoned(), c.abandonWaitMs());
        add(m, "tShortAbandon", c.shortAbandoned(), c.shortAbandoned() * 1000);
        add(m, "tFlowOut", c.flowOuts(), c.flowOuts() * 30000);
        add(m, "tHandle", c.handled(), c.handleMs());
        add(m, "tTalk", c.handled(), c.talkMs());
        add(m, "tHeld", c.holdMs() > 0 ? 1 : 0, c.holdMs());
        add(m, "tAcw", c.handled(), c.acwMs());
        return m.toString();
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
