package io.streamvane.scheduler.store;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.scheduler.genesys.AggregateComponents;
import io.streamvane.scheduler.genesys.Analytics;
import io.streamvane.scheduler.genesys.GenesysClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One conversation-aggregates query per range, all queues, grouped by queue and media, at the base granularity. */
public final class QueueAggregates {

    private final GenesysClient client;
    private final Granularity base;

    public QueueAggregates(GenesysClient client, Granularity base) {
        this.client = client;
        this.base = base;
    }

    public List<IntervalRow> fetch(Interval range) {
        Analytics.AggregationQuery q = new Analytics.AggregationQuery(Analytics.isoInterval(range), base.name(), null,
                List.of("queueId", "mediaType"), null, Analytics.QUEUE_METRICS);
        Analytics.AggregateResponse response = client.post(Analytics.CONVERSATION_AGGREGATES, q, Analytics.AggregateResponse.class);
        List<IntervalRow> rows = new ArrayList<>();
        for (Analytics.AggregateResult result : response == null ? List.<Analytics.AggregateResult>of() : response.resultsOrEmpty()) {
            Map<String, String> g = result.group();
            if (g == null || g.get("queueId") == null || g.get("mediaType") == null || result.data() == null) {
                continue; // conversations outside a queue carry no queue KPI
            }
            QueueMedia key = new QueueMedia(g.get("queueId"), g.get("mediaType"));
            for (Analytics.DataPoint point : result.data()) {
                rows.add(new IntervalRow(key, Analytics.parseInterval(point.interval()), AggregateComponents.of(point.metrics())));
            }
        }
        return rows;
    }

    public Granularity base() {
        return base;
    }
}
