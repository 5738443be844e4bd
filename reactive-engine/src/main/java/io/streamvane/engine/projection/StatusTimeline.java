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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * hold the agent's agent_state row lock, which serialises the writers of one agent: what {@link #insertAll} reads
 * stays true until it writes.
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

    /** A known start of a value in one agent's history. */
    record Change(String userId, Instant start, String value) {
    }

    /**
     * Adds known starts to the agents' histories and the time they move to {@code deltas}, with two statements
     * whatever the number of changes: each agent's history from the entry before its earliest change onward is read,
     * the changes are applied to it in memory in the order given, and what they wrote is upserted.
     */
    void insertAll(Connection c, List<Change> changes, Granularity base, IntervalDeltas deltas) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        TreeMap<String, Instant> earliest = new TreeMap<>();
        for (Change ch : changes) {
            earliest.merge(ch.userId(), ch.start(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, History> histories = load(c, earliest);
        for (Change ch : changes) {
            histories.computeIfAbsent(ch.userId(), u -> new History()).insert(ch, base, deltas);
        }
        write(c, histories);
    }

    /** The loaded part of one agent's history, and which entries this batch wrote. */
    private final class History {
        final TreeMap<Instant, Entry> entries = new TreeMap<>();
        final Set<Instant> written = new HashSet<>();

        void insert(Change ch, Granularity base, IntervalDeltas deltas) {
            String userId = ch.userId();
            Instant start = ch.start();
            String value = ch.value();
            Entry existing = entries.get(start);
            if (existing != null) {
                if (value.compareTo(existing.value()) >= 0) {
                    return;
                }
                put(new Entry(start, value, existing.end(), existing.countedUntil()));
                move(deltas, userId, existing.value(), value, start, endOf(existing), base);
                return;
            }
            Map.Entry<Instant, Entry> before = entries.lowerEntry(start);
            Map.Entry<Instant, Entry> after = entries.higherEntry(start);
            Entry previous = before == null ? null : before.getValue();
            Entry next = after == null ? null : after.getValue();
            Instant countedUntil = null;
            if (next == null) {
                countedUntil = previous != null && previous.countedUntil().isAfter(start) ? previous.countedUntil() : start;
            }
            put(new Entry(start, value, next == null ? null : next.start(), countedUntil));
            if (previous == null) {
                if (next != null) {
                    add(deltas, userId, value, start, next.start(), base, 1);
                }
                return;
            }
            put(new Entry(previous.start(), previous.value(), start, null));
            Instant previousEnd = endOf(previous);
            if (start.isBefore(previousEnd)) {
                move(deltas, userId, previous.value(), value, start, previousEnd, base);
            } else {
                // The open last state was counted to its counted_until; it lasted until this start.
                add(deltas, userId, previous.value(), previousEnd, start, base, 1);
            }
        }

        private void put(Entry e) {
            entries.put(e.start(), e);
            written.add(e.start());
        }
    }

    /**
     * For each agent, the entry before its earliest change (if any) and every entry from there on; OFFSET 0 keeps
     * the LATERAL a per-agent primary-key range scan (flattened, it may become a join over the whole table).
     */
    private Map<String, History> load(Connection c, TreeMap<String, Instant> earliest) throws SQLException {
        Map<String, History> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT h.user_id, h.started_at, h.status, h.ended_at, "
                + "h.counted_until FROM unnest(?::text[], ?::timestamptz[]) AS k(user_id, first_start) "
                + "CROSS JOIN LATERAL (SELECT * FROM " + table + " h WHERE h.user_id = k.user_id "
                + "AND h.started_at >= coalesce((SELECT p.started_at FROM " + table + " p WHERE p.user_id = k.user_id "
                + "AND p.started_at < k.first_start ORDER BY p.started_at DESC LIMIT 1), k.first_start) OFFSET 0) h")) {
            new ArrayParameters(c, ps).text(earliest.keySet().toArray(String[]::new))
                    .timestamps(earliest.values().stream().map(Timestamp::from).toArray(Timestamp[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp end = rs.getTimestamp(4);
                    Timestamp counted = rs.getTimestamp(5);
                    Entry e = new Entry(rs.getTimestamp(2).toInstant(), rs.getString(3),
                            end == null ? null : end.toInstant(), counted == null ? null : counted.toInstant());
                    out.computeIfAbsent(rs.getString(1), u -> new History()).entries.put(e.start(), e);
                }
            }
        }
        return out;
    }

    /**
     * New and changed entries in one upsert, each in its final state. The upsert finds existing rows by the primary
     * key whatever the statistics say (a join would be planned as a sequential scan of a young table).
     */
    private void write(Connection c, Map<String, History> histories) throws SQLException {
        List<String> users = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, History> h : histories.entrySet()) {
            for (Instant start : h.getValue().written) {
                users.add(h.getKey());
                entries.add(h.getValue().entries.get(start));
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " AS h (user_id, started_at, status, "
                + "ended_at, counted_until) SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], "
                + "?::timestamptz[], ?::timestamptz[]) ON CONFLICT (user_id, started_at) DO UPDATE SET "
                + "status = excluded.status, ended_at = excluded.ended_at, counted_until = excluded.counted_until, "
                + "recorded_at = CASE WHEN excluded.status <> h.status THEN now() ELSE h.recorded_at END")) {
            bind(c, ps, users, entries);
            ps.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, List<String> users, List<Entry> entries)
            throws SQLException {
        new ArrayParameters(c, ps).text(users.toArray(String[]::new)).timestamps(entries, Entry::start)
                .text(entries, Entry::value).timestamps(entries, Entry::end).timestamps(entries, Entry::countedUntil);
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
}
