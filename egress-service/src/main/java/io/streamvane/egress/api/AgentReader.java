package io.streamvane.egress.api;

import io.streamvane.egress.intervals.AgentInterval;
import io.streamvane.egress.intervals.AgentIntervals;
import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Watermark;
import io.streamvane.model.kpi.ZonedBuckets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Agent interval rows (rolled up, zero-filled, AHT and occupancy from the shared definitions) and agent state. */
@Component
class AgentReader {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final QueueIntervals intervals;
    private final Granularity base;

    /**
     * Agent rows are stored at the same base granularity as queue rows and judged final by the same rule under the
     * same watermark; {@code intervals} is where egress has both.
     */
    AgentReader(JdbcClient jdbc, JdbcTemplate jdbcTemplate, QueueIntervals intervals) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.intervals = intervals;
        this.base = intervals.base();
    }

    Granularity base() {
        return base;
    }

    boolean exists(String userId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM app_user WHERE user_id = :u)
                            OR EXISTS (SELECT 1 FROM agent_interval WHERE user_id = :u)
                            OR EXISTS (SELECT 1 FROM agent_state WHERE user_id = :u)""")
                .param("u", userId).query(Boolean.class).single();
    }

    record Result(List<AgentIntervalRow> rows, Instant nextFrom) {
    }

    Result intervals(String userId, IntervalQuery query) {
        boolean any = jdbc.sql("SELECT EXISTS (SELECT 1 FROM agent_interval WHERE user_id = :u)")
                .param("u", userId).query(Boolean.class).single();
        // An agent works for queues of many sites: agent rows are in the deployment's default zone.
        ZonedBuckets target = query.calendar(intervals.zones(jdbcTemplate).defaultZone());
        IntervalQuery.Page page = query.page(1, target);
        if (!any || page.buckets().isEmpty()) {
            return new Result(List.of(), null);
        }
        Watermark watermark = intervals.watermark(jdbcTemplate);
        List<AgentInterval> read = jdbcTemplate.execute((ConnectionCallback<List<AgentInterval>>) c ->
                AgentIntervals.rows(c, userId, page.buckets(), target, base, watermark));
        List<AgentIntervalRow> rows = read.stream().map(r -> AgentIntervalRow.of(userId, local(r.start(), target),
                local(r.end(), target), r.components(), r.isFinal(), r.revision(), target.zone().getId())).toList();
        return new Result(rows, page.nextFrom());
    }

    private static OffsetDateTime local(Instant t, ZonedBuckets calendar) {
        return t.atZone(calendar.zone()).toOffsetDateTime();
    }

    Optional<AgentState> state(String userId) {
        return jdbc.sql("""
                        SELECT coalesce(s.user_id, u.user_id), u.name, s.presence, s.presence_time, s.routing_status,
                               s.routing_status_time, coalesce(s.active_queue_ids, '{}'), now()
                        FROM (SELECT CAST(:u AS text) AS user_id) k
                        LEFT JOIN agent_state s ON s.user_id = k.user_id
                        LEFT JOIN app_user u ON u.user_id = k.user_id
                        WHERE s.user_id IS NOT NULL OR u.user_id IS NOT NULL""")
                .param("u", userId)
                .query((rs, i) -> new AgentState(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getString(5), instant(rs.getTimestamp(6)),
                        QueueReader.strings(rs.getArray(7)), rs.getTimestamp(8).toInstant()))
                .optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
