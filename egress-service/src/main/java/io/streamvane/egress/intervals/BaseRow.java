package io.streamvane.egress.intervals;

import io.streamvane.egress.intervals.QueueIntervals.Series;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Collectors;

/** One stored base row of {@code queue_interval_effective}, as the reader selects it. */
record BaseRow(Series series, Interval interval, IntervalComponents components, int revision, boolean isFinal) {

    /** The columns {@link #of} reads, for a {@code SELECT} list. */
    static final String COLUMNS = "queue_id, media_type, interval_start, interval_end, "
            + QueueMetric.components().stream().map(QueueMetric::column).collect(Collectors.joining(", "))
            + ", revision, is_final";

    static BaseRow of(ResultSet rs) throws SQLException {
        return new BaseRow(new Series(rs.getString("queue_id"), rs.getString("media_type")),
                new Interval(rs.getTimestamp("interval_start").toInstant(), rs.getTimestamp("interval_end").toInstant()),
                IntervalComponents.read(m -> rs.getLong(m.column())),
                rs.getInt("revision"), rs.getBoolean("is_final"));
    }
}
