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
import java.sql.Types;
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

    private static final String ENSURE = "INSERT INTO agent_segment (conversation_id, participant_id) "
            + "SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT DO NOTHING";
    private static final String LOCK = "SELECT s.conversation_id, s.participant_id, queue_id, media_type, user_id, "
            + "talk_ms, hold_ms, acw_ms, dialing_ms, contacting_ms, wrapped_up, completion_time FROM agent_segment s "
            + "JOIN unnest(?::text[], ?::text[]) AS k(c, p) ON s.conversation_id = k.c AND s.participant_id = k.p "
            + "ORDER BY s.conversation_id COLLATE \"C\", s.participant_id COLLATE \"C\" FOR UPDATE OF s";
    private static final String UPDATE = "UPDATE agent_segment SET queue_id = ?, media_type = ?, user_id = ?, "
            + "talk_ms = ?, hold_ms = ?, acw_ms = ?, dialing_ms = ?, contacting_ms = ?, interacting = ?, "
            + "wrapped_up = ?, completion_time = ?, contributed_bucket = ?, contributed_queue_id = ?, "
            + "contributed_user_id = ?, contributed_media_type = ?, contributed_handled = ?, contributed_handle_ms = ?, "
            + "contributed_talk_ms = ?, contributed_hold_ms = ?, contributed_acw_ms = ?, contributed_held = ?, "
            + "contributed_wrapped_up = ?, contributed_dialing_ms = ?, contributed_contacting_ms = ?, updated_at = now() "
            + "WHERE conversation_id = ? AND participant_id = ?";

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
        try (PreparedStatement ps = c.prepareStatement(ENSURE)) {
            ps.setArray(1, c.createArrayOf("text", conv));
            ps.setArray(2, c.createArrayOf("text", part));
            ps.executeUpdate();
        }
        Map<AgentSegment.Key, AgentSegment> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setArray(1, c.createArrayOf("text", conv));
            ps.setArray(2, c.createArrayOf("text", part));
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
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
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
                bindUpdate(ps, after);
                ps.addBatch();
            }
            ps.executeBatch();
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

    private void bindUpdate(PreparedStatement ps, AgentSegment s) throws SQLException {
        IntervalComponents contribution = s.contribution();
        Instant bucket = s.completedAt() == null ? null : base.bucketStart(s.completedAt());
        ps.setString(1, s.queueId());
        ps.setString(2, s.mediaType());
        ps.setString(3, s.userId());
        ps.setLong(4, s.talkMs());
        ps.setLong(5, s.holdMs());
        ps.setLong(6, s.acwMs());
        ps.setLong(7, s.dialingMs());
        ps.setLong(8, s.contactingMs());
        ps.setBoolean(9, s.interacting());
        ps.setBoolean(10, s.wrappedUp());
        setTime(ps, 11, s.completedAt());
        setTime(ps, 12, bucket);
        boolean placed = bucket != null;
        ps.setString(13, placed ? s.queueId() : null);
        ps.setString(14, placed ? s.userId() : null);
        ps.setString(15, placed ? s.mediaType() : null);
        ps.setLong(16, placed ? contribution.handled() : 0);
        ps.setLong(17, placed ? contribution.handleMs() : 0);
        ps.setLong(18, placed ? contribution.talkMs() : 0);
        ps.setLong(19, placed ? contribution.holdMs() : 0);
        ps.setLong(20, placed ? contribution.acwMs() : 0);
        ps.setLong(21, placed ? contribution.held() : 0);
        ps.setLong(22, placed ? contribution.wrappedUp() : 0);
        ps.setLong(23, placed ? contribution.dialingMs() : 0);
        ps.setLong(24, placed ? contribution.contactingMs() : 0);
        ps.setString(25, s.key().conversationId());
        ps.setString(26, s.key().participantId());
    }

    private static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(i, Timestamp.from(t));
        }
    }
}
