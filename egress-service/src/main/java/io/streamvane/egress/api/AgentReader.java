package io.streamvane.egress.api;

import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.Finality;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.Occupancy;
import io.streamvane.model.kpi.Rollup;
import io.streamvane.model.kpi.ServiceLevelSettings;
import io.streamvane.model.kpi.Watermark;
import io.streamvane.model.kpi.ZonedBuckets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
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

    /** Time in each routing status: additive, summed like the handle components. */
    private record StatusTimes(long idle, long interacting, long communicating, long notResponding, long offQueue,
            long other) {
        static final StatusTimes ZERO = new StatusTimes(0, 0, 0, 0, 0, 0);

        StatusTimes plus(StatusTimes o) {
            return new StatusTimes(Math.addExact(idle, o.idle), Math.addExact(interacting, o.interacting),
                    Math.addExact(communicating, o.communicating), Math.addExact(notResponding, o.notResponding),
                    Math.addExact(offQueue, o.offQueue), Math.addExact(other, o.other));
        }
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
        Instant first = page.buckets().get(0).start();
        Instant last = page.buckets().get(page.buckets().size() - 1).end();
        Map<Instant, IntervalComponents> handle = new HashMap<>();
        Map<Instant, StatusTimes> status = new HashMap<>();
        Map<Instant, List<Finality.StoredRow>> stored = new HashMap<>();
        Map<Instant, Long> revisions = new HashMap<>();
        jdbc.sql("""
                        SELECT interval_start, handled, handle_ms, talk_ms, hold_ms, acw_ms, idle_ms, interacting_ms,
                               communicating_ms, not_responding_ms, off_queue_ms, other_ms, revision, is_final
                        FROM agent_interval
                        WHERE user_id = :u AND interval_start >= :first AND interval_start < :last""")
                .param("u", userId).param("first", Timestamp.from(first)).param("last", Timestamp.from(last))
                .query(rs -> {
                    Instant start = rs.getTimestamp("interval_start").toInstant();
                    handle.put(start, IntervalComponents.builder().handled(rs.getLong("handled"))
                            .handleMs(rs.getLong("handle_ms")).talkMs(rs.getLong("talk_ms"))
                            .holdMs(rs.getLong("hold_ms")).acwMs(rs.getLong("acw_ms")).build());
                    status.merge(target.start(start), new StatusTimes(rs.getLong("idle_ms"),
                            rs.getLong("interacting_ms"), rs.getLong("communicating_ms"),
                            rs.getLong("not_responding_ms"), rs.getLong("off_queue_ms"), rs.getLong("other_ms")),
                            StatusTimes::plus);
                    stored.computeIfAbsent(target.start(start), k -> new ArrayList<>())
                            .add(new Finality.StoredRow(Interval.of(start, base), rs.getBoolean("is_final")));
                    revisions.merge(target.start(start), (long) rs.getInt("revision"), Long::sum);
                });
        Watermark watermark = intervals.watermark(jdbcTemplate);
        NavigableMap<Instant, IntervalComponents> rolled = Rollup.rollUp(handle, base, target);

        List<AgentIntervalRow> rows = new ArrayList<>();
        for (Interval bucket : page.buckets()) {
            IntervalComponents c = rolled.getOrDefault(bucket.start(), IntervalComponents.ZERO);
            StatusTimes s = status.getOrDefault(bucket.start(), StatusTimes.ZERO);
            // AHT needs no service-level settings; DerivedKpis is still the one place its formula lives.
            Double aht = DerivedKpis.of(c, ServiceLevelSettings.DEFAULTS).ahtSeconds();
            rows.add(new AgentIntervalRow(userId, local(bucket.start(), target), local(bucket.end(), target),
                    c.handled(), c.handleMs(),
                    c.talkMs(), c.holdMs(), c.acwMs(), s.idle, s.interacting, s.communicating, s.notResponding,
                    s.offQueue, s.other, aht, Occupancy.of(s.interacting, s.idle, s.communicating),
                    Finality.isFinal(bucket, watermark, stored.getOrDefault(bucket.start(), List.of())),
                    revisions.getOrDefault(bucket.start(), 0L), target.zone().getId()));
        }
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
