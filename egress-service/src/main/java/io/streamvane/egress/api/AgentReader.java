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

    /**
     * Interval rows of many agents: {@code userIds}, or every agent with a stored row in the range when empty. Paged
     * by time like the queue rows of many media: each page holds whole buckets of every agent.
     */
    Result intervals(List<String> userIds, IntervalQuery query) {
        ZonedBuckets target = query.calendar(intervals.zones(jdbcTemplate).defaultZone());
        Watermark watermark = intervals.watermark(jdbcTemplate);
        return jdbcTemplate.execute((ConnectionCallback<Result>) c -> {
            List<String> users = !userIds.isEmpty() ? userIds.stream().distinct().sorted().toList()
                    : AgentIntervals.agentsWithRows(c, target.start(query.from()),
                            target.bucket(query.to().minusNanos(1)).end());
            IntervalQuery.Page page = query.page(users.size(), target);
            if (users.isEmpty() || page.buckets().isEmpty()) {
                return new Result(List.of(), null);
            }
            List<AgentIntervalRow> rows = AgentIntervals.rows(c, users, page.buckets(), target, base, watermark)
                    .stream().map(r -> AgentIntervalRow.of(r.userId(), local(r.start(), target),
                            local(r.end(), target), r.components(), r.isFinal(), r.revision(),
                            target.zone().getId())).toList();
            return new Result(rows, page.nextFrom());
        });
    }

    record QueueResult(List<AgentQueueIntervalRow> rows, Instant nextFrom) {
    }

    /** One agent's rows per queue and media type (optionally one queue's), paged by time like queue media. */
    QueueResult queueIntervals(String userId, String queueId, IntervalQuery query) {
        ZonedBuckets target = query.calendar(intervals.zones(jdbcTemplate).defaultZone());
        Watermark watermark = intervals.watermark(jdbcTemplate);
        return jdbcTemplate.execute((ConnectionCallback<QueueResult>) c -> {
            int series = AgentIntervals.queueSeries(c, userId, queueId, target.start(query.from()),
                    target.bucket(query.to().minusNanos(1)).end());
            IntervalQuery.Page page = query.page(series, target);
            if (series == 0 || page.buckets().isEmpty()) {
                return new QueueResult(List.of(), null);
            }
            List<AgentQueueIntervalRow> rows = AgentIntervals.queueRows(c, userId, queueId, page.buckets(), target,
                    base, watermark).stream().map(AgentQueueIntervalRow::of).toList();
            return new QueueResult(rows, page.nextFrom());
        });
    }

    /** A page of agents' current state, in user order after {@code after}: every known agent, or one queue's. */
    List<AgentState> states(String queueId, String after, int limit) {
        return jdbc.sql("""
                        SELECT k.user_id, u.name, s.presence, s.presence_time, s.routing_status,
                               s.routing_status_time, coalesce(s.active_queue_ids, '{}'), now()
                        FROM (SELECT user_id FROM app_user UNION SELECT user_id FROM agent_state) k
                        LEFT JOIN agent_state s ON s.user_id = k.user_id
                        LEFT JOIN app_user u ON u.user_id = k.user_id
                        WHERE (CAST(:after AS text) IS NULL OR k.user_id > :after)
                          AND (CAST(:queue AS text) IS NULL OR :queue = ANY (s.active_queue_ids))
                        ORDER BY k.user_id LIMIT :limit""")
                .param("after", after).param("queue", queueId).param("limit", limit)
                .query((rs, i) -> new AgentState(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getString(5), instant(rs.getTimestamp(6)),
                        QueueReader.strings(rs.getArray(7)), rs.getTimestamp(8).toInstant()))
                .list();
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
