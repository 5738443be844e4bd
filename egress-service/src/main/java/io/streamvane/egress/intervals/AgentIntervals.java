package io.streamvane.egress.intervals;

import io.streamvane.model.kpi.AgentComponents;
import io.streamvane.model.kpi.AgentMetric;
import io.streamvane.model.kpi.Finality;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.Watermark;
import io.streamvane.model.kpi.ZonedBuckets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Agent interval rows of one agent, rolled up from agent_interval's base rows into buckets of any calendar: every
 * component is additive, so a coarser or local bucket is the sum of its base rows. The one reader of agent rows for
 * the REST API and the push sinks.
 */
public final class AgentIntervals {

    private static final String COLUMNS = Arrays.stream(AgentMetric.values()).map(AgentMetric::column)
            .collect(Collectors.joining(", "));

    private AgentIntervals() {
    }

    /** The agent's row for each bucket (zeros where no base row is stored), in the order given. */
    public static List<AgentInterval> rows(Connection c, String userId, List<Interval> buckets,
            ZonedBuckets calendar, Granularity base, Watermark watermark) throws SQLException {
        if (buckets.isEmpty()) {
            return List.of();
        }
        Map<Instant, AgentComponents> sums = new HashMap<>();
        Map<Instant, List<Finality.StoredRow>> stored = new HashMap<>();
        Map<Instant, Long> revisions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT interval_start, " + COLUMNS + ", revision, is_final "
                + "FROM agent_interval WHERE user_id = ? AND interval_start >= ? AND interval_start < ?")) {
            ps.setString(1, userId);
            ps.setTimestamp(2, Timestamp.from(buckets.get(0).start()));
            ps.setTimestamp(3, Timestamp.from(buckets.get(buckets.size() - 1).end()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant start = rs.getTimestamp("interval_start").toInstant();
                    Instant bucket = calendar.start(start);
                    sums.merge(bucket, AgentComponents.read(m -> rs.getLong(m.column())), AgentComponents::plus);
                    stored.computeIfAbsent(bucket, k -> new ArrayList<>())
                            .add(new Finality.StoredRow(Interval.of(start, base), rs.getBoolean("is_final")));
                    revisions.merge(bucket, (long) rs.getInt("revision"), Long::sum);
                }
            }
        }
        List<AgentInterval> rows = new ArrayList<>(buckets.size());
        for (Interval bucket : buckets) {
            List<Finality.StoredRow> inside = stored.getOrDefault(bucket.start(), List.of());
            rows.add(new AgentInterval(userId, bucket.start(), bucket.end(), calendar.granularity(), calendar.zone(),
                    sums.getOrDefault(bucket.start(), AgentComponents.ZERO), revisions.getOrDefault(bucket.start(), 0L),
                    Finality.isFinal(bucket, watermark, inside), !inside.isEmpty()));
        }
        return rows;
    }
}
