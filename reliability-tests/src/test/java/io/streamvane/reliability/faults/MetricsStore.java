package io.streamvane.reliability.faults;

import io.streamvane.simulator.truth.QueueComponents;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** What the test reads back from the metrics store, over plain JDBC (the services are separate processes). */
final class MetricsStore {

    private final DataSource dataSource;

    MetricsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Every non-zero PT15M queue interval as the sinks and the API see it (queue_interval_effective). */
    Map<String, IntervalRow> queueIntervals() throws SQLException {
        Map<String, IntervalRow> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT queue_id, media_type, interval_start, offered, answered, "
                        + "answered_within_sl, abandoned, short_abandoned, flow_outs, answer_wait_ms, abandon_wait_ms, "
                        + "handled, handle_ms, talk_ms, hold_ms, acw_ms, revision, is_final "
                        + "FROM queue_interval_effective")) {
            while (rs.next()) {
                QueueComponents q = new QueueComponents(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                        rs.getLong(14), rs.getLong(15), rs.getLong(16));
                String key = IntervalRow.key(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant());
                out.put(key, new IntervalRow(key, rs.getInt(17), rs.getBoolean(18), q));
            }
        }
        return out;
    }

    /** True when no sink has work left: cursors at the end of the change log, nothing pending or in flight. */
    boolean sinksSettled() throws SQLException {
        return count("SELECT count(*) FROM sink_delivery WHERE status IN ('pending', 'in_flight')") == 0
                && count("SELECT count(*) FROM sink_cursor WHERE last_change_id < "
                        + "(SELECT coalesce(max(id), 0) FROM kpi_change_log)") == 0;
    }
}
