package io.streamvane.egress.intervals;

import io.streamvane.egress.intervals.QueueIntervals.Series;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One stored base row of {@code queue_interval_effective}, as the reader selects it. */
record BaseRow(Series series, Interval interval, IntervalComponents components, int revision, boolean isFinal) {

    /** The columns {@link #of} reads, for a {@code SELECT} list. */
    static final String COLUMNS = """
            queue_id, media_type, interval_start, interval_end, offered, answered, answered_within_sl, abandoned, \
            short_abandoned, flow_outs, answer_wait_ms, abandon_wait_ms, handled, handle_ms, talk_ms, hold_ms, \
            acw_ms, revision, is_final""";

    static BaseRow of(ResultSet rs) throws SQLException {
        return new BaseRow(new Series(rs.getString("queue_id"), rs.getString("media_type")),
                new Interval(rs.getTimestamp("interval_start").toInstant(), rs.getTimestamp("interval_end").toInstant()),
                new IntervalComponents(rs.getLong("offered"), rs.getLong("answered"), rs.getLong("answered_within_sl"),
                        rs.getLong("abandoned"), rs.getLong("short_abandoned"), rs.getLong("flow_outs"),
                        rs.getLong("answer_wait_ms"), rs.getLong("abandon_wait_ms"), rs.getLong("handled"),
                        rs.getLong("handle_ms"), rs.getLong("talk_ms"), rs.getLong("hold_ms"), rs.getLong("acw_ms")),
                rs.getInt("revision"), rs.getBoolean("is_final"));
    }
}
