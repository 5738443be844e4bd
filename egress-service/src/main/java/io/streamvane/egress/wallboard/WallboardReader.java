package io.streamvane.egress.wallboard;

import io.streamvane.egress.api.QueueIntervalReader;
import io.streamvane.egress.api.QueueIntervalRow;
import io.streamvane.egress.api.QueueReader;
import io.streamvane.egress.api.QueueRealtime;
import io.streamvane.egress.api.QueueSummary;
import io.streamvane.egress.kpi.ServiceLevelPolicySource;
import io.streamvane.egress.wallboard.WallboardSnapshot.Period;
import io.streamvane.egress.wallboard.WallboardSnapshot.Point;
import io.streamvane.egress.wallboard.WallboardSnapshot.Tile;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a {@link WallboardSnapshot} from the API's own readers, so a tile shows exactly what
 * {@code /api/v1/queues/{id}/realtime} and {@code /intervals} answer: no KPI is computed here.
 */
class WallboardReader {

    private final QueueReader queues;
    private final QueueIntervalReader intervals;
    private final ServiceLevelPolicySource policies;
    private final JdbcClient jdbc;
    private final double defaultSlTarget;
    private final Clock clock;

    WallboardReader(QueueReader queues, QueueIntervalReader intervals, ServiceLevelPolicySource policies,
            JdbcClient jdbc, double defaultSlTarget, Clock clock) {
        this.queues = queues;
        this.intervals = intervals;
        this.policies = policies;
        this.jdbc = jdbc;
        this.defaultSlTarget = defaultSlTarget;
        this.clock = clock;
    }

    WallboardSnapshot read(long id) {
        Instant now = clock.instant();
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Instant currentStart = Interval.of(now, Granularity.DEFAULT_BASE).start();
        ServiceLevelPolicy policy = policies.current();
        Map<String, Double> targets = slTargets();
        List<Tile> tiles = new ArrayList<>();
        for (QueueSummary queue : queues.queues()) {
            Map<String, QueueRealtime> realtime = new HashMap<>();
            queues.realtime(queue.id()).forEach(r -> realtime.put(r.mediaType(), r));
            Map<String, List<QueueIntervalRow>> base = byMedia(
                    intervals.rows(queue.id(), day, day.plus(Duration.ofDays(1)), "PT15M"));
            Map<String, List<QueueIntervalRow>> daily = byMedia(
                    intervals.rows(queue.id(), day, day.plus(Duration.ofDays(1)), "P1D"));
            TreeSet<String> media = new TreeSet<>(queue.mediaTypes());
            media.addAll(realtime.keySet());
            for (String m : media) {
                QueueRealtime rt = realtime.get(m);
                List<QueueIntervalRow> rows = base.getOrDefault(m, List.of());
                List<Point> points = rows.stream()
                        .filter(r -> !r.intervalStart().isAfter(currentStart))
                        .map(r -> new Point(r.intervalStart(), r.offered(), r.answered(), r.serviceLevel(),
                                r.isFinal()))
                        .toList();
                Period current = rows.stream().filter(r -> r.intervalStart().equals(currentStart))
                        .findFirst().map(WallboardReader::period).orElse(null);
                Period today = daily.getOrDefault(m, List.of()).stream().findFirst()
                        .map(WallboardReader::period).orElse(null);
                tiles.add(new Tile(queue.id(), queue.name(), m,
                        rt == null ? 0 : rt.waiting(), rt == null ? 0 : rt.longestWaitSeconds(),
                        rt == null ? 0 : rt.interacting(), rt == null ? 0 : rt.agentsOnQueue(),
                        rt == null ? 0 : rt.agentsAvailable(), rt == null ? now : rt.asOf(),
                        targets.getOrDefault(queue.id() + "|" + m, defaultSlTarget),
                        policy.resolve(queue.id(), m).slThreshold().toMillis() / 1000.0,
                        current, today, points));
            }
        }
        return new WallboardSnapshot(id, now, day, newestEventTime(), List.copyOf(tiles));
    }

    private static Map<String, List<QueueIntervalRow>> byMedia(List<QueueIntervalRow> rows) {
        Map<String, List<QueueIntervalRow>> result = new HashMap<>();
        rows.forEach(r -> result.computeIfAbsent(r.mediaType(), k -> new ArrayList<>()).add(r));
        return result;
    }

    private static Period period(QueueIntervalRow r) {
        return new Period(r.intervalStart(), r.intervalEnd(), r.offered(), r.answered(), r.abandoned(),
                r.serviceLevel(), r.asaSeconds(), r.ahtSeconds(), r.abandonRate(), r.isFinal(), r.revision());
    }

    /** Genesys' SL target per queue × media ({@code mediaSettings.<media>.serviceLevel.percentage}). */
    private Map<String, Double> slTargets() {
        Map<String, Double> result = new HashMap<>();
        jdbc.sql("SELECT queue_id, media_type, sl_target_percent FROM queue_media_sl WHERE sl_target_percent IS NOT NULL")
                .query(rs -> {
                    result.put(rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3).doubleValue() / 100.0);
                });
        return result;
    }

    /** The newest event time behind the numbers: the engine's watermark table, over all sources. */
    private Instant newestEventTime() {
        return jdbc.sql("SELECT max(max_event_time) FROM watermark HAVING max(max_event_time) IS NOT NULL")
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }
}
