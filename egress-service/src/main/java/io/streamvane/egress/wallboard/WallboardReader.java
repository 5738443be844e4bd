package io.streamvane.egress.wallboard;

import io.streamvane.egress.api.QueueReader;
import io.streamvane.egress.api.QueueRealtime;
import io.streamvane.egress.api.QueueSummary;
import io.streamvane.egress.intervals.QueueInterval;
import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.egress.intervals.QueueIntervals.Series;
import io.streamvane.egress.wallboard.WallboardSnapshot.Period;
import io.streamvane.egress.wallboard.WallboardSnapshot.Point;
import io.streamvane.egress.wallboard.WallboardSnapshot.Tile;
import io.streamvane.egress.wallboard.WallboardSnapshot.Alerts;
import io.streamvane.model.kpi.AlertLevel;
import io.streamvane.model.kpi.AlertPolicy;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.kpi.ZonedBuckets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a {@link WallboardSnapshot} from the readers behind the API, so a tile shows exactly what
 * {@code /api/v1/queues/{id}/realtime} and {@code /intervals} answer: no KPI is computed here. One snapshot is one
 * read of the interval rows, under one watermark and one service-level policy. Each tile's alert levels come from
 * the one rule, {@link AlertPolicy}, so the page only shows them.
 */
class WallboardReader {

    private final QueueReader queues;
    private final QueueIntervals intervals;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final AlertPolicy alerts;
    private final List<WallboardProperties.Group> groups;
    private final Clock clock;

    WallboardReader(QueueReader queues, QueueIntervals intervals, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
            AlertPolicy alerts, List<WallboardProperties.Group> groups, Clock clock) {
        this.queues = queues;
        this.intervals = intervals;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.alerts = alerts;
        this.groups = List.copyOf(groups);
        this.clock = clock;
    }

    WallboardSnapshot read(long id) {
        return intervals.query(jdbcTemplate, rows -> read(id, rows.policy(), rows));
    }

    private WallboardSnapshot read(long id, ServiceLevelPolicy policy, QueueIntervals.Read rows)
            throws SQLException {
        Instant now = clock.instant();
        Granularity base = intervals.base();
        Instant currentStart = Interval.of(now, base).start();
        Instant day = ZonedBuckets.of(Granularity.P1D, rows.zones().defaultZone()).start(now);
        List<Tile> tiles = new ArrayList<>();
        Map<String, String> queueNames = new java.util.TreeMap<>();
        Map<String, String> divisions = groups.isEmpty() ? Map.of() : divisions();
        for (QueueSummary queue : queues.queues()) {
            queueNames.put(queue.id(), queue.name());
            List<String> in = groups.stream().filter(g -> g.contains(queue.id(), divisions.get(queue.id())))
                    .map(WallboardProperties.Group::name).toList();
            Map<String, QueueRealtime> realtime = new HashMap<>();
            queues.realtime(queue.id()).forEach(r -> realtime.put(r.mediaType(), r));
            List<Series> series = rows.mediaTypes(queue.id(), null).stream().map(m -> new Series(queue.id(), m))
                    .toList();
            // "Today" is the local day of the queue's site, 23 to 25 hours long.
            ZonedBuckets days = rows.buckets(queue.id(), Granularity.P1D);
            ZonedBuckets quarters = rows.buckets(queue.id(), base);
            Interval today = days.bucket(now);
            Map<String, List<QueueInterval>> intraday = byMedia(rows.grid(series,
                    quarters.startingIn(today.start(), today.end(), Integer.MAX_VALUE), quarters));
            Map<String, List<QueueInterval>> daily = byMedia(rows.grid(series, List.of(today), days));
            TreeSet<String> media = new TreeSet<>(queue.mediaTypes());
            media.addAll(realtime.keySet());
            for (String m : media) {
                QueueRealtime rt = realtime.get(m);
                List<QueueInterval> bars = intraday.getOrDefault(m, List.of());
                List<Point> points = bars.stream()
                        .filter(r -> !r.start().isAfter(currentStart))
                        .map(r -> new Point(r.start(), r.components().offered(), r.components().answered(),
                                r.derived().serviceLevel(), r.isFinal()))
                        .toList();
                Period current = bars.stream().filter(r -> r.start().equals(currentStart))
                        .findFirst().map(WallboardReader::period).orElse(null);
                Period sinceMidnight = daily.getOrDefault(m, List.of()).stream().findFirst()
                        .map(WallboardReader::period).orElse(null);
                long waiting = rt == null ? 0 : rt.waiting();
                long longestWait = rt == null ? 0 : rt.longestWaitSeconds();
                tiles.add(new Tile(queue.id(), queue.name(), m, waiting, longestWait,
                        rt == null ? 0 : rt.interacting(), rt == null ? 0 : rt.agentsOnQueue(),
                        rt == null ? 0 : rt.agentsAvailable(), rt == null ? now : rt.asOf(),
                        rows.target(queue.id(), m),
                        policy.resolve(queue.id(), m).slThreshold().toMillis() / 1000.0,
                        current, sinceMidnight, points,
                        Alerts.of(alerts.resolve(queue.id(), m), current, sinceMidnight, waiting, longestWait),
                        days.zone().getId(), in));
            }
        }
        return new WallboardSnapshot(id, now, day, newestEventTime(), List.copyOf(tiles),
                groups.stream().map(WallboardProperties.Group::name).toList(), agents(), storeTime(), queueNames);
    }

    private static Map<String, List<QueueInterval>> byMedia(List<QueueInterval> rows) {
        Map<String, List<QueueInterval>> result = new HashMap<>();
        rows.forEach(r -> result.computeIfAbsent(r.mediaType(), k -> new ArrayList<>()).add(r));
        return result;
    }

    private static Period period(QueueInterval r) {
        DerivedKpis d = r.derived();
        return new Period(r.start(), r.end(), r.components().offered(), r.components().answered(),
                r.components().abandoned(), d.serviceLevel(), d.asaSeconds(), d.ahtSeconds(), d.abandonRate(),
                r.isFinal(), r.revision());
    }

    /**
     * The board: every agent not Offline, in user order, with the queue and media type of the interaction it is on
     * (an agent segment with interacting time and no completion yet). NOT_RESPONDING is critical.
     */
    private List<WallboardSnapshot.Agent> agents() {
        return jdbc.sql("""
                        SELECT s.user_id, coalesce(u.name, s.user_id), s.routing_status, s.routing_status_time,
                               s.presence, s.presence_time, coalesce(s.active_queue_ids, '{}'), g.queue_id, g.media_type
                        FROM agent_state s
                        LEFT JOIN app_user u ON u.user_id = s.user_id
                        LEFT JOIN LATERAL (SELECT queue_id, media_type FROM agent_segment
                                           WHERE user_id = s.user_id AND interacting AND completion_time IS NULL
                                           ORDER BY updated_at DESC LIMIT 1) g ON true
                        WHERE s.presence IS DISTINCT FROM 'OFFLINE'
                        ORDER BY s.user_id""")
                .query((rs, i) -> new WallboardSnapshot.Agent(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getString(5), instant(rs.getTimestamp(6)),
                        List.of((String[]) rs.getArray(7).getArray()), rs.getString(8), rs.getString(9),
                        "NOT_RESPONDING".equals(rs.getString(3)) ? AlertLevel.CRITICAL : AlertLevel.NORMAL))
                .list();
    }

    private Instant storeTime() {
        return jdbc.sql("SELECT now()").query(java.sql.Timestamp.class).single().toInstant();
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Each queue's Genesys division, for groups that name divisions. */
    private Map<String, String> divisions() {
        Map<String, String> result = new HashMap<>();
        jdbc.sql("SELECT queue_id, division_id FROM queue WHERE division_id IS NOT NULL")
                .query(rs -> {
                    result.put(rs.getString(1), rs.getString(2));
                });
        return result;
    }

    /** The newest event time behind the numbers: the engine's watermark table, over all sources. */
    private Instant newestEventTime() {
        return jdbc.sql("SELECT max(max_event_time) FROM watermark HAVING max(max_event_time) IS NOT NULL")
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }
}
