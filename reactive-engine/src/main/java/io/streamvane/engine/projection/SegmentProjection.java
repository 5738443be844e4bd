package io.streamvane.engine.projection;

import io.streamvane.model.event.AfterCallWork;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.UserEnd;
import io.streamvane.model.event.UserStart;
import io.streamvane.model.kpi.AgentSegment;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.SegmentDelta;
import io.streamvane.model.kpi.SegmentMove;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agent segments with retraction: the batch's user.start/user.end/acw events are grouped per segment; each segment
 * row is locked (created first if absent), the events are folded into it with {@link AgentSegment}, and the
 * {@link SegmentMove} between the stored and the new segment goes to both the queue and the agent rows.
 */
final class SegmentProjection {

    static final Comparator<AgentSegment.Key> KEY_ORDER = Comparator.comparing(AgentSegment.Key::conversationId)
            .thenComparing(AgentSegment.Key::participantId);

    // Every statement here finds rows through the primary key whatever the table's statistics say: a join against
    // the unnest arrays was planned as a hash join over a sequential scan while autovacuum had not yet analysed a
    // growing table, which made each batch cost the size of the table. (LIMIT 1 keeps the planner from flattening
    // the LATERAL lookup back into such a join; a key has one row.)

    /** Creates the missing segments and locks all of them, in key order (ON CONFLICT locks before its WHERE). */
    private static final String ENSURE_AND_LOCK = "INSERT INTO agent_segment AS s (conversation_id, participant_id) "
            + "SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (conversation_id, participant_id) "
            + "DO UPDATE SET conversation_id = excluded.conversation_id WHERE false";
    private static final String READ = "SELECT s.conversation_id, s.participant_id, queue_id, media_type, user_id, "
            + "talk_ms, hold_ms, acw_ms, dialing_ms, contacting_ms, wrapped_up, completion_time "
            + "FROM unnest(?::text[], ?::text[]) AS k(c, p) CROSS JOIN LATERAL (SELECT * FROM agent_segment s "
            + "WHERE s.conversation_id = k.c AND s.participant_id = k.p LIMIT 1) s";
    // One statement for the batch's segments: the stored fold, and what it contributed to the interval rows.
    private static final String UPDATE = "INSERT INTO agent_segment AS s (conversation_id, participant_id, queue_id, "
            + "media_type, user_id, talk_ms, hold_ms, acw_ms, dialing_ms, contacting_ms, interacting, wrapped_up, "
            + "completion_time, contributed_bucket, contributed_queue_id, contributed_user_id, contributed_media_type, "
            + "contributed_handled, contributed_handle_ms, contributed_talk_ms, contributed_hold_ms, contributed_acw_ms, "
            + "contributed_held, contributed_wrapped_up, contributed_dialing_ms, contributed_contacting_ms) "
            + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], "
            + "?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[], ?::boolean[], ?::timestamptz[], ?::timestamptz[], "
            + "?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], "
            + "?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) "
            + "ON CONFLICT (conversation_id, participant_id) DO UPDATE SET queue_id = excluded.queue_id, "
            + "media_type = excluded.media_type, user_id = excluded.user_id, talk_ms = excluded.talk_ms, "
            + "hold_ms = excluded.hold_ms, acw_ms = excluded.acw_ms, dialing_ms = excluded.dialing_ms, "
            + "contacting_ms = excluded.contacting_ms, interacting = excluded.interacting, "
            + "wrapped_up = excluded.wrapped_up, completion_time = excluded.completion_time, "
            + "contributed_bucket = excluded.contributed_bucket, contributed_queue_id = excluded.contributed_queue_id, "
            + "contributed_user_id = excluded.contributed_user_id, "
            + "contributed_media_type = excluded.contributed_media_type, "
            + "contributed_handled = excluded.contributed_handled, "
            + "contributed_handle_ms = excluded.contributed_handle_ms, "
            + "contributed_talk_ms = excluded.contributed_talk_ms, contributed_hold_ms = excluded.contributed_hold_ms, "
            + "contributed_acw_ms = excluded.contributed_acw_ms, contributed_held = excluded.contributed_held, "
            + "contributed_wrapped_up = excluded.contributed_wrapped_up, "
            + "contributed_dialing_ms = excluded.contributed_dialing_ms, "
            + "contributed_contacting_ms = excluded.contributed_contacting_ms, updated_at = now()";

    private final Granularity base;

    SegmentProjection(Granularity base) {
        this.base = base;
    }

    void project(Connection c, List<GenesysEvent> events, IntervalDeltas deltas) throws SQLException {
        TreeMap<AgentSegment.Key, List<GenesysEvent>> byKey = new TreeMap<>(KEY_ORDER);
        for (GenesysEvent e : events) {
            AgentSegment.Key key = keyOf(e);
            if (key != null) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
        }
        write(c, byKey, deltas, false);
    }

    /**
     * Replay: each segment is folded again from nothing over {@code allEvents} (every event it has, in any order), and
     * the move from the stored segment to the refolded one goes to the interval rows, so a changed fold rule restates
     * the buckets and refolding an unchanged segment changes nothing.
     */
    void restate(Connection c, TreeMap<AgentSegment.Key, List<GenesysEvent>> allEvents, IntervalDeltas deltas)
            throws SQLException {
        write(c, allEvents, deltas, true);
    }

    private void write(Connection c, TreeMap<AgentSegment.Key, List<GenesysEvent>> byKey, IntervalDeltas deltas,
            boolean fromNothing) throws SQLException {
        if (byKey.isEmpty()) {
            return;
        }
        String[] conv = byKey.keySet().stream().map(AgentSegment.Key::conversationId).toArray(String[]::new);
        String[] part = byKey.keySet().stream().map(AgentSegment.Key::participantId).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement(ENSURE_AND_LOCK)) {
            new ArrayParameters(c, ps).text(conv).text(part);
            ps.executeUpdate();
        }
        Map<AgentSegment.Key, AgentSegment> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(READ)) {
            new ArrayParameters(c, ps).text(conv).text(part);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp completed = rs.getTimestamp(12);
                    AgentSegment s = new AgentSegment(new AgentSegment.Key(rs.getString(1), rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getBoolean(11),
                            completed == null ? null : completed.toInstant());
                    stored.put(s.key(), s);
                }
            }
        }
        List<AgentSegment> folded = new ArrayList<>();
        for (Map.Entry<AgentSegment.Key, List<GenesysEvent>> entry : byKey.entrySet()) {
            AgentSegment before = stored.get(entry.getKey());
            AgentSegment after = fromNothing
                    ? AgentSegment.empty(entry.getKey().conversationId(), entry.getKey().participantId())
                    : before;
            for (GenesysEvent e : entry.getValue()) {
                after = fold(after, e);
            }
            if (fromNothing && after.equals(before)) {
                continue;
            }
            for (SegmentDelta d : SegmentMove.between(before, after, base).deltas()) {
                deltas.addSegment(d);
            }
            folded.add(after);
        }
        if (!folded.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                bindUpdate(c, ps, folded);
                ps.executeUpdate();
            }
        }
    }

    /** The segment an event belongs to, or null for events that are not part of one. */
    static AgentSegment.Key keyOf(GenesysEvent e) {
        if (e.body() instanceof UserStart s) {
            return new AgentSegment.Key(s.conversationId(), s.participantId());
        } else if (e.body() instanceof UserEnd s) {
            return new AgentSegment.Key(s.conversationId(), s.participantId());
        } else if (e.body() instanceof AfterCallWork s) {
            return new AgentSegment.Key(s.conversationId(), s.participantId());
        }
        return null;
    }

    /** One event folded into a segment with the shared KPI rules; missing durations count as 0. */
    static AgentSegment fold(AgentSegment s, GenesysEvent e) {
        if (e.body() instanceof UserStart u) {
            return s.withAttribution(u.queueId(), u.mediaType(), u.userId());
        } else if (e.body() instanceof UserEnd u) {
            return s.withAttribution(u.queueId(), u.mediaType(), u.userId())
                    .withUserEnd(u.eventTime(), nonNegative(u.interactingDurationMs()),
                            nonNegative(u.heldDurationMs()), nonNegative(u.dialingDurationMs()),
                            nonNegative(u.contactingDurationMs()));
        } else if (e.body() instanceof AfterCallWork a) {
            return s.withAttribution(a.queueId(), a.mediaType(), a.userId())
                    .withAfterCallWork(a.eventTime(), nonNegative(a.wrapupDurationMs()));
        }
        return s;
    }

    private static long nonNegative(Long v) {
        return v == null ? 0 : Math.max(0, v);
    }

    private void bindUpdate(Connection c, PreparedStatement ps, List<AgentSegment> segments) throws SQLException {
        int n = segments.size();
        String[] types = {"text", "text", "text", "text", "text", "int8", "int8", "int8", "int8", "int8", "bool",
            "bool", "timestamptz", "timestamptz", "text", "text", "text", "int8", "int8", "int8", "int8", "int8",
            "int8", "int8", "int8", "int8"};
        Object[][] cols = new Object[types.length][];
        for (int k = 0; k < types.length; k++) {
            cols[k] = switch (types[k]) {
                case "text" -> new String[n];
                case "int8" -> new Long[n];
                case "bool" -> new Boolean[n];
                default -> new Timestamp[n];
            };
        }
        for (int i = 0; i < n; i++) {
            AgentSegment s = segments.get(i);
            IntervalComponents contribution = s.contribution();
            Instant bucket = s.completedAt() == null ? null : base.bucketStart(s.completedAt());
            boolean placed = bucket != null;
            Object[] row = {s.key().conversationId(), s.key().participantId(), s.queueId(), s.mediaType(),
                s.userId(), s.talkMs(), s.holdMs(), s.acwMs(), s.dialingMs(), s.contactingMs(), s.interacting(),
                s.wrappedUp(), time(s.completedAt()), time(bucket), placed ? s.queueId() : null,
                placed ? s.userId() : null, placed ? s.mediaType() : null, placed ? contribution.handled() : 0L,
                placed ? contribution.handleMs() : 0L, placed ? contribution.talkMs() : 0L,
                placed ? contribution.holdMs() : 0L, placed ? contribution.acwMs() : 0L,
                placed ? contribution.held() : 0L, placed ? contribution.wrappedUp() : 0L,
                placed ? contribution.dialingMs() : 0L, placed ? contribution.contactingMs() : 0L};
            for (int k = 0; k < row.length; k++) {
                cols[k][i] = row[k];
            }
        }
        ArrayParameters parameters = new ArrayParameters(c, ps);
        for (int k = 0; k < types.length; k++) {
            parameters.bind(types[k], cols[k]);
        }
    }

    private static Timestamp time(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
