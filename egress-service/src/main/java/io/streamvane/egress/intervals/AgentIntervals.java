package io.streamvane.egress.intervals;

import io.streamvane.model.kpi.AgentComponents;
import io.streamvane.model.kpi.AgentMetric;
import io.streamvane.model.kpi.Finality;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
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
    private static final String AGENT_QUEUE_COLUMNS = QueueMetric.agentComponents().stream().map(QueueMetric::column)
            .collect(Collectors.joining(", "));

    private AgentIntervals() {
    }

    /** The agent's row for each bucket (zeros where no base row is stored), in the order given. */
    public static List<AgentInterval> rows(Connection c, String userId, List<Interval> buckets,
            ZonedBuckets calendar, Granularity base, Watermark watermark) throws SQLException {
        return rows(c, List.of(userId), buckets, calendar, base, watermark);
    }

    /** Each agent's row for each bucket (zeros where no base row is stored): agent by agent, buckets in order. */
    public static List<AgentInterval> rows(Connection c, List<String> userIds, List<Interval> buckets,
            ZonedBuckets calendar, Granularity base, Watermark watermark) throws SQLException {
        if (buckets.isEmpty() || userIds.isEmpty()) {
            return List.of();
        }
        record Key(String userId, Instant bucket) {
        }
        Map<Key, AgentComponents> sums = new HashMap<>();
        Map<Key, List<Finality.StoredRow>> stored = new HashMap<>();
        Map<Key, Long> revisions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, interval_start, " + COLUMNS
                + ", revision, is_final FROM agent_interval WHERE user_id = ANY (?) AND interval_start >= ? "
                + "AND interval_start < ?")) {
            ps.setArray(1, c.createArrayOf("text", userIds.toArray()));
            ps.setTimestamp(2, Timestamp.from(buckets.get(0).start()));
            ps.setTimestamp(3, Timestamp.from(buckets.get(buckets.size() - 1).end()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant start = rs.getTimestamp("interval_start").toInstant();
                    Key key = new Key(rs.getString("user_id"), calendar.start(start));
                    sums.merge(key, AgentComponents.read(m -> rs.getLong(m.column())), AgentComponents::plus);
                    stored.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Finality.StoredRow(Interval.of(start, base), rs.getBoolean("is_final")));
                    revisions.merge(key, (long) rs.getInt("revision"), Long::sum);
                }
            }
        }
        List<AgentInterval> rows = new ArrayList<>(buckets.size() * userIds.size());
        for (String userId : userIds) {
            for (Interval bucket : buckets) {
                Key key = new Key(userId, bucket.start());
                List<Finality.StoredRow> inside = stored.getOrDefault(key, List.of());
                rows.add(new AgentInterval(userId, bucket.start(), bucket.end(), calendar.granularity(),
                        calendar.zone(), sums.getOrDefault(key, AgentComponents.ZERO), revisions.getOrDefault(key, 0L),
                        Finality.isFinal(bucket, watermark, inside), !inside.isEmpty()));
            }
        }
        return rows;
    }

    /** The agents with a stored row in {@code [from, to)}, in user order. */
    public static List<String> agentsWithRows(Connection c, Instant from, Instant to) throws SQLException {
        List<String> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT user_id FROM agent_interval "
                + "WHERE interval_start >= ? AND interval_start < ? ORDER BY user_id")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
        }
        return users;
    }

    /**
     * One agent's rows per queue and media type for each bucket: every (queue, media) the agent has a stored row for
     * in the buckets' span, optionally only {@code queueId}; series by series, buckets zero-filled.
     */
    public static List<AgentQueueInterval> queueRows(Connection c, String userId, String queueId,
            List<Interval> buckets, ZonedBuckets calendar, Granularity base, Watermark watermark) throws SQLException {
        if (buckets.isEmpty()) {
            return List.of();
        }
        record Series(String queueId, String mediaType) {
        }
        record Key(Series series, Instant bucket) {
        }
        java.util.TreeMap<String, Series> series = new java.util.TreeMap<>();
        Map<Key, IntervalComponents> sums = new HashMap<>();
        Map<Key, List<Finality.StoredRow>> stored = new HashMap<>();
        Map<Key, Long> revisions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT queue_id, media_type, interval_start, "
                + AGENT_QUEUE_COLUMNS + ", revision, is_final FROM agent_queue_interval WHERE user_id = ? "
                + "AND (CAST(? AS text) IS NULL OR queue_id = ?) AND interval_start >= ? AND interval_start < ?")) {
            ps.setString(1, userId);
            ps.setString(2, queueId);
            ps.setString(3, queueId);
            ps.setTimestamp(4, Timestamp.from(buckets.get(0).start()));
            ps.setTimestamp(5, Timestamp.from(buckets.get(buckets.size() - 1).end()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Series s = new Series(rs.getString(1), rs.getString(2));
                    series.putIfAbsent(s.queueId() + "|" + s.mediaType(), s);
                    Instant start = rs.getTimestamp(3).toInstant();
                    Key key = new Key(s, calendar.start(start));
                    sums.merge(key, IntervalComponents.read(m -> m.byAgent() ? rs.getLong(m.column()) : 0),
                            IntervalComponents::plus);
                    stored.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Finality.StoredRow(Interval.of(start, base), rs.getBoolean("is_final")));
                    revisions.merge(key, (long) rs.getInt("revision"), Long::sum);
                }
            }
        }
        List<AgentQueueInterval> rows = new ArrayList<>();
        for (Series s : series.values()) {
            for (Interval bucket : buckets) {
                Key key = new Key(s, bucket.start());
                rows.add(new AgentQueueInterval(userId, s.queueId(), s.mediaType(), bucket.start(), bucket.end(),
                        calendar.granularity(), calendar.zone(), sums.getOrDefault(key, IntervalComponents.ZERO),
                        revisions.getOrDefault(key, 0L),
                        Finality.isFinal(bucket, watermark, stored.getOrDefault(key, List.of()))));
            }
        }
        return rows;
    }

    /** The (queue, media) series the agent has a stored row for in {@code [from, to)}. */
    public static int queueSeries(Connection c, String userId, String queueId, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT (queue_id, media_type)) "
                + "FROM agent_queue_interval WHERE user_id = ? AND (CAST(? AS text) IS NULL OR queue_id = ?) "
                + "AND interval_start >= ? AND interval_start < ?")) {
            ps.setString(1, userId);
            ps.setString(2, queueId);
            ps.setString(3, queueId);
            ps.setTimestamp(4, Timestamp.from(from));
            ps.setTimestamp(5, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
