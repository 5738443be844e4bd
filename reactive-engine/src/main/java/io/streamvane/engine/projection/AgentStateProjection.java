package io.streamvane.engine.projection;

import io.streamvane.model.event.GenesysEnums;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.PresenceChange;
import io.streamvane.model.event.PresenceState;
import io.streamvane.model.event.RoutingState;
import io.streamvane.model.event.RoutingStatusChange;
import io.streamvane.model.event.SystemPresence;
import io.streamvane.model.event.UserActivity;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.RoutingStatus;
import io.streamvane.model.kpi.StatusPeriod;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Agent state (presence, routing status, active queues), each field last-writer-wins on its own event time (ties
 * broken by the larger value, so the winner never depends on arrival order), and the routing-status history that
 * time in status is computed from.
 *
 * <p>Time-in-status rule, order-insensitive: each status lasts from its start to the next known start of the same
 * agent; a period counts once it is closed by a later start, and the open last period counts nothing yet. Inserting
 * a start t with status s between its predecessor P and successor N therefore moves {@code [t, N)} from P's status
 * to s (or adds it, without P); without N it closes P's open period, adding {@code [P, t)} to P's status. Two changes
 * with the same start keep the lexically least status. Time before an agent's first known start counts nothing.
 * The per-user agent_state row lock, taken by the upserts in user order, serialises history writers of one agent.
 */
final class AgentStateProjection {

    private static final String ROUTING = "INSERT INTO agent_state AS a (user_id, routing_status, routing_status_time) "
            + "VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET routing_status = excluded.routing_status, "
            + "routing_status_time = excluded.routing_status_time, updated_at = now() "
            + "WHERE a.routing_status_time IS NULL OR excluded.routing_status_time > a.routing_status_time "
            + "OR (excluded.routing_status_time = a.routing_status_time AND excluded.routing_status > a.routing_status)";
    private static final String PRESENCE = "INSERT INTO agent_state AS a (user_id, presence, presence_time) "
            + "VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET presence = excluded.presence, "
            + "presence_time = excluded.presence_time, updated_at = now() "
            + "WHERE a.presence_time IS NULL OR excluded.presence_time > a.presence_time "
            + "OR (excluded.presence_time = a.presence_time AND excluded.presence > a.presence)";
    private static final String QUEUES = "INSERT INTO agent_state AS a (user_id, active_queue_ids, "
            + "active_queue_ids_time) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
            + "active_queue_ids = excluded.active_queue_ids, active_queue_ids_time = excluded.active_queue_ids_time, "
            + "updated_at = now() WHERE a.active_queue_ids_time IS NULL "
            + "OR excluded.active_queue_ids_time > a.active_queue_ids_time "
            + "OR (excluded.active_queue_ids_time = a.active_queue_ids_time "
            + "AND excluded.active_queue_ids::text > a.active_queue_ids::text)";

    private final Granularity base;

    AgentStateProjection(Granularity base) {
        this.base = base;
    }

    private record Field(String userId, int kind, String value, String[] queues, Instant time) {
    }

    private record StatusChange(String userId, Instant start, String status) {
    }

    void project(Connection c, List<GenesysEvent> events, IntervalDeltas deltas) throws SQLException {
        List<Field> fields = new ArrayList<>();
        List<StatusChange> changes = new ArrayList<>();
        for (GenesysEvent e : events) {
            if (e.body() instanceof RoutingStatusChange r) {
                routing(r.userId(), r.routingStatus(), fields, changes);
            } else if (e.body() instanceof PresenceChange p) {
                presence(p.userId(), p.presence(), fields);
            } else if (e.body() instanceof UserActivity a) {
                    routing(a.userId(), a.routingStatus(), fields, changes);
                    presence(a.userId(), a.presence(), fields);
                    // Without dateActiveQueuesChanged a non-empty queue list is as current as the activity itself;
                    // an empty one without a date may just be an absent field, so it changes nothing.
                    Instant queuesTime = a.dateActiveQueuesChanged() != null ? a.dateActiveQueuesChanged()
                            : a.activeQueueIds().isEmpty() ? null : e.eventTime();
                    if (queuesTime != null) {
                        fields.add(new Field(a.userId(), 2, null,
                                a.activeQueueIds().stream().sorted().toArray(String[]::new), queuesTime));
                    }
            }
        }
        if (fields.isEmpty()) {
            return;
        }
        fields.sort(Comparator.comparing(Field::userId).thenComparingInt(Field::kind).thenComparing(Field::time));
        try (PreparedStatement routing = c.prepareStatement(ROUTING);
                PreparedStatement presence = c.prepareStatement(PRESENCE);
                PreparedStatement queues = c.prepareStatement(QUEUES)) {
            // Executed one by one in user order: the row locks are the per-agent lock for the history below.
            for (Field f : fields) {
                PreparedStatement ps = f.kind() == 0 ? routing : f.kind() == 1 ? presence : queues;
                ps.setString(1, f.userId());
                if (f.kind() == 2) {
                    ps.setArray(2, c.createArrayOf("text", f.queues()));
                } else {
                    ps.setString(2, f.value());
                }
                ps.setTimestamp(3, Timestamp.from(f.time()));
                ps.executeUpdate();
            }
        }
        changes.sort(Comparator.comparing(StatusChange::userId).thenComparing(StatusChange::start));
        for (StatusChange change : changes) {
            insertHistory(c, change, deltas);
        }
    }

    private static void routing(String userId, RoutingState r, List<Field> fields, List<StatusChange> changes) {
        if (userId == null || r == null || r.status() == null || r.startTime() == null) {
            return;
        }
        fields.add(new Field(userId, 0, r.status(), null, r.startTime()));
        changes.add(new StatusChange(userId, r.startTime(), r.status()));
    }

    private static void presence(String userId, PresenceState p, List<Field> fields) {
        if (userId == null || p == null || p.modifiedDate() == null) {
            return;
        }
        // One spelling per presence: definitions say "OnQueue", analytics "ON_QUEUE"; reporting.queue_realtime and
        // the last-writer-wins tie-break compare the stored text, so store the canonical name when it is known.
        SystemPresence known = p.asSystemPresence();
        String value = known != SystemPresence.UNKNOWN ? known.name()
                : p.systemPresence() != null ? p.systemPresence() : p.presenceDefinitionId();
        if (value != null) {
            fields.add(new Field(userId, 1, value, null, p.modifiedDate()));
        }
    }

    private record Entry(Instant start, String status) {
    }

    private void insertHistory(Connection c, StatusChange ch, IntervalDeltas deltas) throws SQLException {
        Entry existing = one(c, "SELECT started_at, status FROM routing_status_history WHERE user_id = ? "
                + "AND started_at = ?", ch);
        Entry next = one(c, "SELECT started_at, status FROM routing_status_history WHERE user_id = ? "
                + "AND started_at > ? ORDER BY started_at LIMIT 1", ch);
        if (existing != null) {
            if (ch.status().compareTo(existing.status()) >= 0) {
                return;
            }
            exec(c, "UPDATE routing_status_history SET status = ?, recorded_at = now() WHERE user_id = ? "
                    + "AND started_at = ?", ch.status(), ch.userId(), ch.start());
            if (next != null) {
                move(deltas, ch.userId(), existing.status(), ch.status(), ch.start(), next.start());
            }
            return;
        }
        Entry previous = one(c, "SELECT started_at, status FROM routing_status_history WHERE user_id = ? "
                + "AND started_at < ? ORDER BY started_at DESC LIMIT 1", ch);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO routing_status_history "
                + "(user_id, started_at, status, ended_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, ch.userId());
            ps.setTimestamp(2, Timestamp.from(ch.start()));
            ps.setString(3, ch.status());
            if (next == null) {
                ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setTimestamp(4, Timestamp.from(next.start()));
            }
            ps.executeUpdate();
        }
        if (previous != null) {
            exec(c, "UPDATE routing_status_history SET ended_at = ? WHERE user_id = ? AND started_at = ?",
                    ch.start(), ch.userId(), previous.start());
        }
        if (next != null) {
            move(deltas, ch.userId(), previous == null ? null : previous.status(), ch.status(), ch.start(),
                    next.start());
        } else if (previous != null) {
            add(deltas, ch.userId(), previous.status(), previous.start(), ch.start(), 1);
        }
    }

    private void move(IntervalDeltas deltas, String userId, String from, String to, Instant start, Instant end) {
        if (from != null) {
            add(deltas, userId, from, start, end, -1);
        }
        add(deltas, userId, to, start, end, 1);
    }

    private void add(IntervalDeltas deltas, String userId, String status, Instant start, Instant end, int sign) {
        RoutingStatus s = GenesysEnums.routingStatus(status);
        for (Map.Entry<Instant, Duration> part : new StatusPeriod(s, start, end).splitBy(base).entrySet()) {
            deltas.addAgent(new AgentKey(userId, part.getKey()),
                    AgentDelta.ofStatus(s, sign * part.getValue().toMillis()));
        }
    }

    private static Entry one(Connection c, String sql, StatusChange ch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ch.userId());
            ps.setTimestamp(2, Timestamp.from(ch.start()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2)) : null;
            }
        }
    }

    private static void exec(Connection c, String sql, Object a, Object b, Object d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Object[] args = {a, b, d};
            for (int i = 0; i < 3; i++) {
                if (args[i] instanceof Instant t) {
                    ps.setTimestamp(i + 1, Timestamp.from(t));
                } else {
                    ps.setString(i + 1, (String) args[i]);
                }
            }
            ps.executeUpdate();
        }
    }

}
