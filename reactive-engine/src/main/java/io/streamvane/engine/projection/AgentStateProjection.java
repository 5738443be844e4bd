package io.streamvane.engine.projection;

import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.PresenceChange;
import io.streamvane.model.event.PresenceState;
import io.streamvane.model.event.RoutingState;
import io.streamvane.model.event.RoutingStatusChange;
import io.streamvane.model.event.SystemPresence;
import io.streamvane.model.event.UserActivity;
import io.streamvane.model.kpi.Granularity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Agent state (presence, routing status, active queues), each field last-writer-wins on its own event time (ties
 * broken by the larger value, so the winner never depends on arrival order), and the routing-status and presence
 * histories that time in status is computed from ({@link StatusTimeline}). The per-user agent_state row lock, taken
 * by the upserts in user order, serialises the history writers of one agent.
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

    /** A known start of a routing status or presence, for the agent's {@link StatusTimeline}. */
    private record StatusChange(StatusTimeline timeline, String userId, Instant start, String value) {
    }

    void project(Connection c, List<GenesysEvent> events, IntervalDeltas deltas) throws SQLException {
        List<Field> fields = new ArrayList<>();
        List<StatusChange> changes = new ArrayList<>();
        for (GenesysEvent e : events) {
            if (e.body() instanceof RoutingStatusChange r) {
                routing(r.userId(), r.routingStatus(), fields, changes);
            } else if (e.body() instanceof PresenceChange p) {
                presence(p.userId(), p.presence(), fields, changes);
            } else if (e.body() instanceof UserActivity a) {
                    routing(a.userId(), a.routingStatus(), fields, changes);
                    presence(a.userId(), a.presence(), fields, changes);
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
        for (StatusChange ch : changes) {
            ch.timeline().insert(c, ch.userId(), ch.start(), ch.value(), base, deltas);
        }
    }

    private static void routing(String userId, RoutingState r, List<Field> fields, List<StatusChange> changes) {
        if (userId == null || r == null || r.status() == null || r.startTime() == null) {
            return;
        }
        fields.add(new Field(userId, 0, r.status(), null, r.startTime()));
        changes.add(new StatusChange(StatusTimeline.ROUTING, userId, r.startTime(), r.status()));
    }

    private static void presence(String userId, PresenceState p, List<Field> fields, List<StatusChange> changes) {
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
            changes.add(new StatusChange(StatusTimeline.PRESENCE, userId, p.modifiedDate(), value));
        }
    }
}
