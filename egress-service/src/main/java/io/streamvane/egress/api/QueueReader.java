package io.streamvane.egress.api;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Queue dimension and real-time state; real-time is the {@code reporting.queue_realtime} view, one definition. */
@Component
public class QueueReader {

    private final JdbcClient jdbc;

    QueueReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the queue is known: in the queue dimension or in any interval row. */
    public boolean exists(String queueId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM queue WHERE queue_id = :q)
                            OR EXISTS (SELECT 1 FROM queue_interval_effective WHERE queue_id = :q)""")
                .param("q", queueId).query(Boolean.class).single();
    }

    public List<QueueSummary> queues() {
        return jdbc.sql("""
                        WITH ids AS (
                            SELECT queue_id FROM queue
                            UNION SELECT DISTINCT queue_id FROM queue_interval_effective),
                        media AS (
                            SELECT queue_id, media_type FROM queue_media_sl
                            UNION SELECT DISTINCT queue_id, media_type FROM queue_interval_effective)
                        SELECT ids.queue_id, coalesce(q.name, ids.queue_id) AS name,
                               coalesce(array_agg(m.media_type ORDER BY m.media_type)
                                        FILTER (WHERE m.media_type IS NOT NULL), '{}') AS media_types
                        FROM ids
                        LEFT JOIN queue q ON q.queue_id = ids.queue_id
                        LEFT JOIN media m ON m.queue_id = ids.queue_id
                        GROUP BY ids.queue_id, q.name
                        ORDER BY name, ids.queue_id""")
                .query((rs, i) -> new QueueSummary(rs.getString(1), rs.getString(2), strings(rs.getArray(3))))
                .list();
    }

    public List<QueueRealtime> realtime(String queueId) {
        return jdbc.sql("""
                        SELECT queue_id, media_type, waiting, longest_wait_seconds, interacting, agents_on_queue,
                               agents_available, as_of
                        FROM reporting.queue_realtime WHERE queue_id = :q ORDER BY media_type""")
                .param("q", queueId)
                .query((rs, i) -> new QueueRealtime(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
