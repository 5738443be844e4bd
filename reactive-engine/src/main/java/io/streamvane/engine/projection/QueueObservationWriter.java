package io.streamvane.engine.projection;

import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.QueueObservations;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queue observations: a message is the latest value, never a delta, so each (queue, media, metric, qualifier) keeps
 * the value of the newest message (ties: the later observation interval text). A group without a media type is
 * stored with media type '' (all media).
 */
final class QueueObservationWriter {

    private static final String UPSERT = "INSERT INTO queue_observation AS o (queue_id, media_type, metric, qualifier, "
            + "observation_interval, stats, observed_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) "
            + "ON CONFLICT (queue_id, media_type, metric, qualifier) DO UPDATE SET "
            + "observation_interval = excluded.observation_interval, stats = excluded.stats, "
            + "observed_at = excluded.observed_at, updated_at = now() "
            + "WHERE excluded.observed_at > o.observed_at OR (excluded.observed_at = o.observed_at "
            + "AND excluded.observation_interval >= o.observation_interval)";

    private QueueObservationWriter() {
    }

    private record Row(String queueId, String media, String metric, String qualifier, String interval, String stats,
            Instant at) {
    }

    static void upsert(Connection c, java.util.List<GenesysEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        // Sorted by key so replicas lock rows in one order; within a key, the newest is written last.
        TreeMap<String, Row> rows = new TreeMap<>();
        int seq = 0;
        for (GenesysEvent e : events) {
            QueueObservations o = (QueueObservations) e.body();
            for (QueueObservations.IntervalMetrics d : o.data()) {
                Instant at = e.eventTime() != null ? e.eventTime() : d.end() != null ? d.end() : Instant.EPOCH;
                for (QueueObservations.Metric m : d.metrics()) {
                    Row r = new Row(o.queueId(), o.mediaType() == null ? "" : o.mediaType(), m.metric(),
                            m.qualifier() == null ? "" : m.qualifier(), d.interval(), json(m.stats()), at);
                    rows.put(r.queueId() + '\u0000' + r.media() + '\u0000' + r.metric() + '\u0000' + r.qualifier()
                            + '\u0000' + at + '\u0000' + (seq++), r);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Row r : rows.values()) {
                ps.setString(1, r.queueId());
                ps.setString(2, r.media());
                ps.setString(3, r.metric());
                ps.setString(4, r.qualifier());
                ps.setString(5, r.interval());
                ps.setString(6, r.stats());
                ps.setTimestamp(7, Timestamp.from(r.at()));
                ps.executeUpdate();
            }
        }
    }

    private static String json(Map<String, BigDecimal> stats) {
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(stats).forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":").append(v.toPlainString());
        });
        return b.append('}').toString();
    }
}
