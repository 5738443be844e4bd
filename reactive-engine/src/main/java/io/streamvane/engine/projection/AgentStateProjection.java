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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agent state (presence, routing status, active queues), each field last-writer-wins on its own event time (ties
 * broken by the larger value in byte order, so the winner never depends on arrival order), and the routing-status and
 * presence histories that time in status is computed from ({@link StatusTimeline}). One statement per batch writes
 * every agent's row, in user order: its row locks are the per-agent lock that serialises the history writers.
 */
final class AgentStateProjection {

    // The batch's winner per field is picked in Java with the same rule, so a field changes only if it is newer than
    // the stored one. The row is locked even where no field wins (ON CONFLICT locks before its WHERE).
    private static final String UPSERT = "INSERT INTO agent_state AS a (user_id, routing_status, routing_status_time, "
            + "presence, presence_time, active_queue_ids, active_queue_ids_time) "
            + "SELECT u, r, rt, p, pt, CASE WHEN qt IS NULL THEN '{}' ELSE coalesce(f.ids[q_from:q_to], '{}') END, qt "
            + "FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::int[], ?::int[], "
            + "?::timestamptz[]) AS k(u, r, rt, p, pt, q_from, q_to, qt), (SELECT ?::text[] AS ids) AS f "
            + "ON CONFLICT (user_id) DO UPDATE SET "
            + set("routing_status", "routing_status_time", "excluded.routing_status") + ", "
            + set("presence", "presence_time", "excluded.presence") + ", "
            + set("active_queue_ids", "active_queue_ids_time", "array_to_string(excluded.active_queue_ids, ',')")
            + ", updated_at = now() WHERE " + wins("routing_status", "routing_status_time", "excluded.routing_status")
            + " OR " + wins("presence", "presence_time", "excluded.presence")
            + " OR " + wins("active_queue_ids", "active_queue_ids_time",
                    "array_to_string(excluded.active_queue_ids, ',')");

    private final Granularity base;

    AgentStateProjection(Granularity base) {
        this.base = base;
    }

    /** A field's value at a time; queue lists compare as their ids joined by commas, as the SQL above does. */
    private record Timed(String value, List<String> queues, Instant time) {
        boolean beats(Timed other) {
            return other == null || time.isAfter(other.time)
                    || (time.equals(other.time) && value.compareTo(other.value) > 0);
        }
    }

    /** The batch's newest value of each field of one agent. */
    private static final class Fields {
        Timed routing;
        Timed presence;
        Timed queues;
    }

    void project(Connection c, List<GenesysEvent> events, IntervalDeltas deltas) throws SQLException {
        TreeMap<String, Fields> byUser = new TreeMap<>();
        List<StatusTimeline.Change> routing = new ArrayList<>();
        List<StatusTimeline.Change> presence = new ArrayList<>();
        for (GenesysEvent e : events) {
            if (e.body() instanceof RoutingStatusChange r) {
                routing(r.userId(), r.routingStatus(), byUser, routing);
            } else if (e.body() instanceof PresenceChange p) {
                presence(p.userId(), p.presence(), byUser, presence);
            } else if (e.body() instanceof UserActivity a) {
                routing(a.userId(), a.routingStatus(), byUser, routing);
                presence(a.userId(), a.presence(), byUser, presence);
                // Without dateActiveQueuesChanged a non-empty queue list is as current as the activity itself;
                // an empty one without a date may just be an absent field, so it changes nothing.
                Instant queuesTime = a.dateActiveQueuesChanged() != null ? a.dateActiveQueuesChanged()
                        : a.activeQueueIds().isEmpty() ? null : e.eventTime();
                if (a.userId() != null && queuesTime != null) {
                    List<String> ids = a.activeQueueIds().stream().sorted().toList();
                    Timed t = new Timed(String.join(",", ids), ids, queuesTime);
                    Fields f = byUser.computeIfAbsent(a.userId(), u -> new Fields());
                    if (t.beats(f.queues)) {
                        f.queues = t;
                    }
                }
            }
        }
        if (byUser.isEmpty()) {
            return;
        }
        upsert(c, byUser);
        routing.sort(Comparator.comparing(StatusTimeline.Change::userId).thenComparing(StatusTimeline.Change::start));
        presence.sort(Comparator.comparing(StatusTimeline.Change::userId).thenComparing(StatusTimeline.Change::start));
        StatusTimeline.ROUTING.insertAll(c, routing, base, deltas);
        StatusTimeline.PRESENCE.insertAll(c, presence, base, deltas);
    }

    private static void upsert(Connection c, TreeMap<String, Fields> byUser) throws SQLException {
        List<Map.Entry<String, Fields>> rows = List.copyOf(byUser.entrySet());
        // Every agent's queue list is a slice [from, to] (1-based) of one flat array of ids.
        List<String> ids = new ArrayList<>();
        Map<String, Integer> from = new HashMap<>();
        for (Map.Entry<String, Fields> row : rows) {
            if (row.getValue().queues != null) {
                from.put(row.getKey(), ids.size() + 1);
                ids.addAll(row.getValue().queues.queues());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            new ArrayParameters(c, ps).text(rows, Map.Entry::getKey)
                    .text(rows, r -> valueOf(r.getValue().routing)).timestamps(rows, r -> timeOf(r.getValue().routing))
                    .text(rows, r -> valueOf(r.getValue().presence))
                    .timestamps(rows, r -> timeOf(r.getValue().presence))
                    .int4(rows, r -> from.get(r.getKey()))
                    .int4(rows, r -> r.getValue().queues == null ? null
                            : from.get(r.getKey()) + r.getValue().queues.queues().size() - 1)
                    .timestamps(rows, r -> timeOf(r.getValue().queues)).text(ids.toArray(String[]::new));
            ps.executeUpdate();
        }
    }

    private static String valueOf(Timed t) {
        return t == null ? null : t.value();
    }

    private static Instant timeOf(Timed t) {
        return t == null ? null : t.time();
    }

    private static void routing(String userId, RoutingState r, TreeMap<String, Fields> byUser,
            List<StatusTimeline.Change> changes) {
        if (userId == null || r == null || r.status() == null || r.startTime() == null) {
            return;
        }
        Timed t = new Timed(r.status(), null, r.startTime());
        Fields f = byUser.computeIfAbsent(userId, u -> new Fields());
        if (t.beats(f.routing)) {
            f.routing = t;
        }
        changes.add(new StatusTimeline.Change(userId, r.startTime(), r.status()));
    }

    private static void presence(String userId, PresenceState p, TreeMap<String, Fields> byUser,
            List<StatusTimeline.Change> changes) {
        if (userId == null || p == null || p.modifiedDate() == null) {
            return;
        }
        // One spelling per presence: definitions say "OnQueue", analytics "ON_QUEUE"; reporting.queue_realtime and
        // the last-writer-wins tie-break compare the stored text, so store the canonical name when it is known.
        SystemPresence known = p.asSystemPresence();
        String value = known != SystemPresence.UNKNOWN ? known.name()
                : p.systemPresence() != null ? p.systemPresence() : p.presenceDefinitionId();
        if (value != null) {
            Timed t = new Timed(value, null, p.modifiedDate());
            Fields f = byUser.computeIfAbsent(userId, u -> new Fields());
            if (t.beats(f.presence)) {
                f.presence = t;
            }
            changes.add(new StatusTimeline.Change(userId, p.modifiedDate(), value));
        }
    }

    /** The stored field takes the batch's value when that is newer, or as new and larger in byte order. */
    private static String set(String column, String timeColumn, String newValue) {
        String w = wins(column, timeColumn, newValue);
        return column + " = CASE WHEN " + w + " THEN excluded." + column + " ELSE a." + column + " END, "
                + timeColumn + " = CASE WHEN " + w + " THEN excluded." + timeColumn + " ELSE a." + timeColumn + " END";
    }

    private static String wins(String column, String timeColumn, String newValue) {
        String stored = newValue.replace("excluded.", "a.");
        return "(excluded." + timeColumn + " IS NOT NULL AND (a." + timeColumn + " IS NULL OR excluded." + timeColumn
                + " > a." + timeColumn + " OR (excluded." + timeColumn + " = a." + timeColumn + " AND " + newValue
                + " COLLATE \"C\" > " + stored + " COLLATE \"C\")))";
    }
}
