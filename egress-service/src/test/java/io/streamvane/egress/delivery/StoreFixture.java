package io.streamvane.egress.delivery;

import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.KpiSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Writes interval rows and change-log rows the way the engine does (revision bumped per change, log row last). */
public final class StoreFixture {

    /** The base granularity the rows here are written at. */
    public static final Granularity BASE = Granularity.PT15M;

    /** The reader of the rows a fixture writes, with the default {@code streamvane.kpi} settings. */
    public static QueueIntervals intervals() {
        return new QueueIntervals(BASE, KpiSettings.DEFAULTS.sourceIdleTimeout());
    }

    private final DataSource ds;

    public StoreFixture(DataSource ds) {
        this.ds = ds;
    }

    public DataSource dataSource() {
        return ds;
    }

    public void queue(String queueId, String name) throws Exception {
        exec("INSERT INTO queue (queue_id, name) VALUES (?, ?) ON CONFLICT (queue_id) DO UPDATE SET name = excluded.name",
                queueId, name);
    }

    public void slThreshold(String queueId, String media, long ms) throws Exception {
        exec("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms) VALUES (?, ?, ?)", queueId, media, ms);
    }

    /** Adds offered/answered/answeredWithinSl/handled/handleMs to the bucket, bumps revision, logs the change. */
    public int add(String queueId, String media, Instant start, long offered, long answered, long withinSl,
            long handleMs, boolean makeFinal) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            int revision;
            boolean fin;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_interval AS t (queue_id, media_type, "
                    + "interval_start, interval_end, offered, answered, answered_within_sl, answer_wait_ms, handled, "
                    + "handle_ms, revision, is_final) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) "
                    + "ON CONFLICT (queue_id, media_type, interval_start) DO UPDATE SET offered = t.offered + excluded.offered, "
                    + "answered = t.answered + excluded.answered, answered_within_sl = t.answered_within_sl + "
                    + "excluded.answered_within_sl, answer_wait_ms = t.answer_wait_ms + excluded.answer_wait_ms, "
                    + "handled = t.handled + excluded.handled, handle_ms = t.handle_ms + excluded.handle_ms, "
                    + "revision = t.revision + 1, is_final = t.is_final OR excluded.is_final "
                    + "RETURNING revision, is_final")) {
                ps.setString(1, queueId);
                ps.setString(2, media);
                ps.setTimestamp(3, Timestamp.from(start));
                ps.setTimestamp(4, Timestamp.from(start.plus(BASE.duration())));
                ps.setLong(5, offered);
                ps.setLong(6, answered);
                ps.setLong(7, withinSl);
                ps.setLong(8, answered * 5000);
                ps.setLong(9, answered);
                ps.setLong(10, handleMs);
                ps.setBoolean(11, makeFinal);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    revision = rs.getInt(1);
                    fin = rs.getBoolean(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kpi_change_log (row_kind, queue_id, media_type, "
                    + "interval_start, revision, is_final) VALUES ('queue', ?, ?, ?, ?, ?)")) {
                ps.setString(1, queueId);
                ps.setString(2, media);
                ps.setTimestamp(3, Timestamp.from(start));
                ps.setInt(4, revision);
                ps.setBoolean(5, fin);
                ps.executeUpdate();
            }
            c.commit();
            return revision;
        }
    }

    /** An agent change, which queue sinks must step over. */
    public void agentChange(String userId, Instant start) throws Exception {
        exec("INSERT INTO kpi_change_log (row_kind, user_id, interval_start, revision, is_final) VALUES ('agent', ?, ?, 1, false)",
                userId, Timestamp.from(start));
    }

    public long count(String sql, Object... args) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void exec(String sql, Object... args) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
