package io.streamvane.reliability.faults;

import io.streamvane.model.kpi.QueueMetric;
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
                ResultSet rs = s.executeQuery("SELECT * FROM queue_interval_effective")) {
            while (rs.next()) {
                QueueComponents q = QueueComponents.byName(field -> column(rs, field));
                String key = IntervalRow.key(rs.getString("queue_id"), rs.getString("media_type"),
                        rs.getTimestamp("interval_start").toInstant());
                out.put(key, new IntervalRow(key, rs.getInt("revision"), rs.getBoolean("is_final"), q));
            }
        }
        return out;
    }

    private static long column(ResultSet rs, String field) {
        try {
            return rs.getLong(QueueMetric.ofField(field).column());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when no sink has work left: cursors at the end of the change log, nothing pending or in flight. */
    boolean sinksSettled() throws SQLException {
        return count("SELECT count(*) FROM sink_delivery WHERE status IN ('pending', 'in_flight')") == 0
                && count("SELECT count(*) FROM sink_cursor WHERE last_change_id < "
                        + "(SELECT coalesce(max(id), 0) FROM kpi_change_log)") == 0;
    }
}
