package io.streamvane.engine.projection;

import io.streamvane.model.event.GenesysEnums;
import io.streamvane.model.event.SystemPresence;
import io.streamvane.model.kpi.AgentMetric;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.StatusPeriod;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One agent's history of one state (routing status or presence) and the time in each value it adds to the agent's
 * interval rows. The rule, order-insensitive: a state lasts from its start to the next known start of the same agent;
 * the last one lasts up to its {@code counted_until}, which the {@linkplain #advance clock} moves to the watermark, so
 * an agent who changes nothing for hours still has every interval counted. Time before an agent's first known start
 * counts nothing. Two changes with the same start keep the lexically least value.
 *
 * <p>What is counted is always the history intersected with {@code [first start, max(last start, clock))}, whatever
 * the order of the inserts and clock moves: a start after the counted end extends the last state to it; a start
 * before it moves {@code [start, next start or counted end)} from the state it interrupts to the new one. Callers
 * hold the agent's agent_state row lock, which serialises the writers of one agent.
 */
final class StatusTimeline {

    static final StatusTimeline ROUTING = new StatusTimeline("routing_status_history",
            status -> AgentMetric.of(GenesysEnums.routingStatus(status)));
    static final StatusTimeline PRESENCE = new StatusTimeline("presence_history",
            presence -> AgentMetric.ofSystemPresence(SystemPresence.of(presence).name()));

    static final List<StatusTimeline> ALL = List.of(ROUTING, PRESENCE);

    private record Entry(Instant start, String value, Instant end, Instant countedUntil) {
        boolean open() {
            return end == null;
        }
    }

    private final String table;
    private final Function<String, AgentMetric> metricOf;

    private StatusTimeline(String table, Function<String, AgentMetric> metricOf) {
        this.table = table;
        this.metricOf = metricOf;
    }

    String table() {
        return table;
    }

    AgentMetric metricOf(String value) {
        return metricOf.apply(value);
    }

    /** Adds a known start of {@code value} to the agent's history and the time it moves to {@code deltas}. */
    void insert(Connection c, String userId, Instant start, String value, Granularity base, IntervalDeltas deltas)
            throws SQLException {
        Entry existing = one(c, "started_at = ?", "", userId, start);
        if (existing != null) {
            if (value.compareTo(existing.value()) >= 0) {
                return;
            }
            update(c, "UPDATE " + table + " SET status = ?, recorded_at = now() WHERE user_id = ? AND started_at = ?",
                    value, userId, start);
            move(deltas, userId, existing.value(), value, start, endOf(existing), base);
            return;
        }
        Entry previous = one(c, "started_at < ?", " ORDER BY started_at DESC LIMIT 1", userId, start);
        Entry next = one(c, "started_at > ?", " ORDER BY started_at LIMIT 1", userId, start);
        Instant countedUntil = null;
        if (next == null) {
            countedUntil = previous != null && previous.countedUntil().isAfter(start) ? previous.countedUntil() : start;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (user_id, started_at, status, ended_at, counted_until) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, userId);
            ps.setTimestamp(2, Timestamp.from(start));
            ps.setString(3, value);
            ps.setTimestamp(4, next == null ? null : Timestamp.from(next.start()));
            ps.setTimestamp(5, countedUntil == null ? null : Timestamp.from(countedUntil));
            ps.executeUpdate();
        }
        if (previous == null) {
            if (next != null) {
                add(deltas, userId, value, start, next.start(), base, 1);
            }
            return;
        }
        update(c, "UPDATE " + table + " SET ended_at = ?, counted_until = NULL WHERE user_id = ? AND started_at = ?",
                start, userId, previous.start());
        Instant previousEnd = endOf(previous);
        if (start.isBefore(previousEnd)) {
            move(deltas, userId, previous.value(), value, start, previousEnd, base);
        } else {
            // The open last state was counted to its counted_until; it lasted until this start.
            add(deltas, userId, previous.value(), previousEnd, start, base, 1);
        }
    }

    /**
     * Counts the open last state of each of these agents up to {@code horizon}, where it is counted less far; returns
     * the agents whose rows it changed.
     */
    int advance(Connection c, List<String> userIds, Instant horizon, Granularity base, IntervalDeltas deltas)
            throws SQLException {
        List<Entry> moved = new ArrayList<>();
        List<String> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " h SET counted_until = ? "
                + "FROM (SELECT user_id, started_at, counted_until FROM " + table + " WHERE user_id = ANY (?) "
                + "AND ended_at IS NULL AND counted_until < ?) old "
                + "WHERE h.user_id = old.user_id AND h.started_at = old.started_at "
                + "RETURNING h.user_id, h.started_at, h.status, old.counted_until")) {
            ps.setTimestamp(1, Timestamp.from(horizon));
            ps.setArray(2, c.createArrayOf("text", userIds.toArray()));
            ps.setTimestamp(3, Timestamp.from(horizon));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                    moved.add(new Entry(rs.getTimestamp(2).toInstant(), rs.getString(3), null,
                            rs.getTimestamp(4).toInstant()));
                }
            }
        }
        for (int i = 0; i < moved.size(); i++) {
            add(deltas, users.get(i), moved.get(i).value(), moved.get(i).countedUntil(), horizon, base, 1);
        }
        return moved.size();
    }

    /** The agents whose open last state is counted less far than {@code horizon}, in user order. */
    List<String> behind(Connection c, Instant horizon, int limit) throws SQLException {
        List<String> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM " + table
                + " WHERE ended_at IS NULL AND counted_until < ? ORDER BY user_id COLLATE \"C\" LIMIT ?")) {
            ps.setTimestamp(1, Timestamp.from(horizon));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
        }
        return users;
    }

    /** The periods of the history that overlap {@code [from, to)}: closed ones and the open one as far as counted. */
    List<StatusPeriodOf> periods(Connection c, Instant from, Instant to) throws SQLException {
        List<StatusPeriodOf> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, status, started_at, "
                + "coalesce(ended_at, counted_until) FROM " + table
                + " WHERE started_at < ? AND coalesce(ended_at, counted_until) > ?")) {
            ps.setTimestamp(1, Timestamp.from(to));
            ps.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StatusPeriodOf(rs.getString(1), new StatusPeriod(metricOf(rs.getString(2)),
                            rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant())));
                }
            }
        }
        return out;
    }

    /** One agent's period. */
    record StatusPeriodOf(String userId, StatusPeriod period) {
    }

    private static Instant endOf(Entry e) {
        return e.open() ? e.countedUntil() : e.end();
    }

    private void move(IntervalDeltas deltas, String userId, String from, String to, Instant start, Instant end,
            Granularity base) {
        add(deltas, userId, from, start, end, base, -1);
        add(deltas, userId, to, start, end, base, 1);
    }

    private void add(IntervalDeltas deltas, String userId, String value, Instant start, Instant end, Granularity base,
            int sign) {
        if (!end.isAfter(start)) {
            return;
        }
        new StatusPeriod(metricOf(value), start, end).componentsBy(base, sign)
                .forEach((bucket, delta) -> deltas.addAgent(new AgentKey(userId, bucket), delta));
    }

    private Entry one(Connection c, String where, String order, String userId, Instant start) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT started_at, status, ended_at, counted_until FROM "
                + table + " WHERE user_id = ? AND " + where + order)) {
            ps.setString(1, userId);
            ps.setTimestamp(2, Timestamp.from(start));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp end = rs.getTimestamp(3);
                Timestamp counted = rs.getTimestamp(4);
                return new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        end == null ? null : end.toInstant(), counted == null ? null : counted.toInstant());
            }
        }
    }

    private static void update(Connection c, String sql, Object a, String userId, Instant start) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (a instanceof Instant t) {
                ps.setTimestamp(1, Timestamp.from(t));
            } else {
                ps.setString(1, (String) a);
            }
            ps.setString(2, userId);
            ps.setTimestamp(3, Timestamp.from(start));
            ps.executeUpdate();
        }
    }
}
