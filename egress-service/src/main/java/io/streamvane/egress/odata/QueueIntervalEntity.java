package io.streamvane.egress.odata;

import io.streamvane.egress.intervals.QueueInterval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The QueueInterval entity of a row as read: every property of {@link StreamvaneEdm}'s QueueIntervals by name, the
 * metrics straight from the {@link QueueMetric} catalogue.
 */
final class QueueIntervalEntity {

    private QueueIntervalEntity() {
    }

    static Map<String, Object> properties(QueueInterval row) {
        IntervalComponents c = row.components();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("queueId", row.queueId());
        p.put("mediaType", row.mediaType());
        p.put("intervalStart", Timestamp.from(row.start()));
        p.put("intervalEnd", Timestamp.from(row.end()));
        for (QueueMetric metric : QueueMetric.values()) {
            p.put(metric.field(), metric.valueOf(c, row.settings()));
        }
        p.put("final", row.isFinal());
        p.put("revision", row.revision());
        p.put("timeZone", row.zone().getId());
        p.put("intervalDate", row.start().atZone(row.zone()).toLocalDate());
        p.put("slThresholdSeconds", row.settings().slThreshold().toMillis() / 1000.0);
        p.put("slTarget", row.slTarget());
        return p;
    }
}
