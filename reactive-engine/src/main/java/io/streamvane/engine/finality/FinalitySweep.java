package io.streamvane.engine.finality;

import io.streamvane.engine.projection.IntervalWriter;
import io.streamvane.engine.projection.StatusClock;
import io.streamvane.model.kpi.Finality;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.Watermark;
import io.streamvane.model.store.EffectiveWatermark;
import io.streamvane.model.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks intervals final once the watermark has passed their end ({@link Finality#isFinal}), bumping the revision and
 * writing a change-log row per row, in one transaction.
 *
 * <p>Watermark policy: the store's {@code watermark} table holds one row per source, lateness already subtracted.
 * The effective watermark is the minimum over the <em>active</em> sources, those updated within
 * {@code sourceIdleTimeout}, so a slow source holds finality back but a source that went silent (transport turned
 * off) does not hold it back forever; with every source silent the furthest watermark stands (one rule for every
 * reader: {@link io.streamvane.model.store.EffectiveWatermark}).
 */
public final class FinalitySweep {

    private static final String CANDIDATES_QUEUE = "SELECT queue_id, media_type, interval_start, interval_end "
            + "FROM queue_interval WHERE NOT is_final AND interval_end <= ? "
            + "ORDER BY queue_id COLLATE \"C\", media_type COLLATE \"C\", interval_start LIMIT ? FOR UPDATE";
    private static final String CANDIDATES_AGENT = "SELECT user_id, interval_start, interval_end FROM agent_interval "
            + "WHERE NOT is_final AND interval_end <= ? ORDER BY user_id COLLATE \"C\", interval_start LIMIT ? FOR UPDATE";
    private static final String CANDIDATES_AGENT_QUEUE = "SELECT user_id, queue_id, media_type, interval_start, "
            + "interval_end FROM agent_queue_interval WHERE NOT is_final AND interval_end <= ? ORDER BY "
            + "user_id COLLATE \"C\", queue_id COLLATE \"C\", media_type COLLATE \"C\", interval_start LIMIT ? FOR UPDATE";

    private final Transactions tx;
    private final StatusClock statusClock;
    private final Duration sourceIdleTimeout;
    private final int maxRowsPerTransaction;

    public FinalitySweep(Transactions tx, Granularity base, Duration sourceIdleTimeout, int maxRowsPerTransaction) {
        this.tx = tx;
        this.statusClock = new StatusClock(base);
        this.sourceIdleTimeout = sourceIdleTimeout;
        this.maxRowsPerTransaction = maxRowsPerTransaction;
    }

    /** The effective watermark per the policy above; {@link Watermark#NONE} when no source is active. */
    public Watermark currentWatermark() throws SQLException {
        return tx.inTransaction(this::watermark);
    }

    /**
     * Counts every agent's current status and presence up to the watermark's bucket, then finalises every interval
     * the watermark has passed; returns how many rows became final.
     */
    public int sweep() throws SQLException {
        Watermark wm = currentWatermark();
        if (!wm.equals(Watermark.NONE)) {
            Instant horizon = statusClock.horizonFor(wm.value());
            while (tx.inTransaction(c -> statusClock.advance(c, horizon, maxRowsPerTransaction))
                    >= maxRowsPerTransaction) {
                // another batch of agents
            }
        }
        int total = 0;
        for (int n; (n = tx.inTransaction(this::sweepOnce)) > 0; ) {
            total += n;
            if (n < maxRowsPerTransaction) {
                break;
            }
        }
        return total;
    }

    private int sweepOnce(Connection c) throws SQLException {
        Watermark wm = watermark(c);
        if (wm.equals(Watermark.NONE)) {
            return 0;
        }
        List<IntervalWriter.ChangedRow> changed = new ArrayList<>();
        List<String[]> queueKeys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES_QUEUE)) {
            ps.setTimestamp(1, Timestamp.from(wm.value()));
            ps.setInt(2, maxRowsPerTransaction);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Interval interval = new Interval(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
                    if (Finality.isFinal(interval, wm)) {
                        queueKeys.add(new String[] {rs.getString(1), rs.getString(2)});
                        changed.add(new IntervalWriter.ChangedRow("queue", rs.getString(1), rs.getString(2), null,
                                interval.start(), 0, true));
                    }
                }
            }
        }
        int queueCount = changed.size();
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES_AGENT)) {
            ps.setTimestamp(1, Timestamp.from(wm.value()));
            ps.setInt(2, maxRowsPerTransaction);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Interval interval = new Interval(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant());
                    if (Finality.isFinal(interval, wm)) {
                        changed.add(new IntervalWriter.ChangedRow("agent", null, null, rs.getString(1),
                                interval.start(), 0, true));
                    }
                }
            }
        }
        int agentCount = changed.size() - queueCount;
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES_AGENT_QUEUE)) {
            ps.setTimestamp(1, Timestamp.from(wm.value()));
            ps.setInt(2, maxRowsPerTransaction);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Interval interval = new Interval(rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
                    if (Finality.isFinal(interval, wm)) {
                        changed.add(new IntervalWriter.ChangedRow("agent_queue", rs.getString(2), rs.getString(3),
                                rs.getString(1), interval.start(), 0, true));
                    }
                }
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        List<IntervalWriter.ChangedRow> logged = new ArrayList<>(changed.size());
        logged.addAll(finalise(c, "UPDATE queue_interval t SET is_final = true, finalised_at = now(), "
                + "revision = t.revision + 1, updated_at = now() FROM unnest(?::text[], ?::text[], ?::timestamptz[]) "
                + "AS k(q, m, s) WHERE t.queue_id = k.q AND t.media_type = k.m AND t.interval_start = k.s "
                + "RETURNING t.queue_id, t.media_type, t.interval_start, t.revision", changed.subList(0, queueCount)));
        logged.addAll(finalise(c, "UPDATE agent_interval t SET is_final = true, finalised_at = now(), "
                + "revision = t.revision + 1, updated_at = now() FROM unnest(?::text[], ?::timestamptz[]) AS k(u, s) "
                + "WHERE t.user_id = k.u AND t.interval_start = k.s RETURNING t.user_id, t.interval_start, t.revision",
                changed.subList(queueCount, queueCount + agentCount)));
        logged.addAll(finalise(c, "UPDATE agent_queue_interval t SET is_final = true, finalised_at = now(), "
                + "revision = t.revision + 1, updated_at = now() FROM unnest(?::text[], ?::text[], ?::text[], "
                + "?::timestamptz[]) AS k(u, q, m, s) WHERE t.user_id = k.u AND t.queue_id = k.q AND t.media_type = k.m "
                + "AND t.interval_start = k.s RETURNING t.user_id, t.queue_id, t.media_type, t.interval_start, t.revision",
                changed.subList(queueCount + agentCount, changed.size())));
        IntervalWriter.logChanges(c, logged);
        return logged.size();
    }

    /** Runs one kind's finalising update, its keys bound as arrays in the order its {@code unnest} names them. */
    private static List<IntervalWriter.ChangedRow> finalise(Connection c, String sql,
            List<IntervalWriter.ChangedRow> rows) throws SQLException {
        List<IntervalWriter.ChangedRow> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        String kind = rows.get(0).kind();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<Object[]> keys = switch (kind) {
                case "queue" -> List.of(texts(rows, IntervalWriter.ChangedRow::queueId),
                        texts(rows, IntervalWriter.ChangedRow::mediaType));
                case "agent" -> List.<Object[]>of(texts(rows, IntervalWriter.ChangedRow::userId));
                default -> List.of(texts(rows, IntervalWriter.ChangedRow::userId),
                        texts(rows, IntervalWriter.ChangedRow::queueId), texts(rows, IntervalWriter.ChangedRow::mediaType));
            };
            int p = 1;
            for (Object[] key : keys) {
                ps.setArray(p++, c.createArrayOf("text", key));
            }
            ps.setArray(p, c.createArrayOf("timestamptz",
                    rows.stream().map(r -> Timestamp.from(r.intervalStart())).toArray(Timestamp[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(switch (kind) {
                        case "queue" -> new IntervalWriter.ChangedRow("queue", rs.getString(1), rs.getString(2), null,
                                rs.getTimestamp(3).toInstant(), rs.getInt(4), true);
                        case "agent" -> new IntervalWriter.ChangedRow("agent", null, null, rs.getString(1),
                                rs.getTimestamp(2).toInstant(), rs.getInt(3), true);
                        default -> new IntervalWriter.ChangedRow(kind, rs.getString(2), rs.getString(3),
                                rs.getString(1), rs.getTimestamp(4).toInstant(), rs.getInt(5), true);
                    });
                }
            }
        }
        return out;
    }

    private static Object[] texts(List<IntervalWriter.ChangedRow> rows,
            java.util.function.Function<IntervalWriter.ChangedRow, String> key) {
        return rows.stream().map(key).toArray();
    }

    private Watermark watermark(Connection c) throws SQLException {
        return EffectiveWatermark.read(c, sourceIdleTimeout);
    }
}
