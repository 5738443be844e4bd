package io.streamvane.engine.projection;

import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.ParseResult;
import io.streamvane.model.kpi.AgentComponents;
import io.streamvane.model.kpi.AgentSegment;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.store.RawEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the interval components of the base buckets in {@code [from, to)} from the raw store and applies the
 * difference to the stored rows, so a row changes (revision + 1, one change-log row) only when its components do.
 *
 * <p>"The events of the range" are the raw events already projected, i.e. without an inbox row: those still queued
 * are added by the live projection later, on top of whatever this writes. Each component family is recomputed from
 * what defines it:
 * <ul>
 *   <li>ACD columns of queue rows (offered … abandon wait): the acd.start/acd.end events whose event time lies in
 *       the range, under the current service-level policy; alert and transfer columns: its user.end events;</li>
 *   <li>handle columns of queue and agent rows: every agent segment with an event in the range is first folded again
 *       from all its raw events within {@code segmentSpan} of the range (a segment that moves out of or into the
 *       range restates the bucket outside it too); the range's handle columns are then the sum of what the segments
 *       completing in it contribute;</li>
 *   <li>routing-status and presence columns of agent rows: the periods of their histories as far as counted
 *       ({@link StatusTimeline}) split over the buckets.</li>
 * </ul>
 * The caller must hold the replay lock exclusively ({@code InboxConsumer.REPLAY_LOCK_SQL} is its shared side), so
 * no projection commits in between, and must write the change log last ({@link IntervalWriter#logChanges}).
 */
public final class RangeRestatement {

    private static final Logger log = LoggerFactory.getLogger(RangeRestatement.class);

    private static final String NOT_QUEUED = "NOT EXISTS (SELECT 1 FROM engine_inbox i WHERE i.raw_event_id = r.id)";
    /** What {@link RawEvent#inboxPayload} needs to rebuild the payload the inbox carried. */
    private static final String PAYLOAD = "r.topic_name, r.body::text";
    private static final String SEGMENT_KINDS = "('USER_START', 'USER_END', 'ACW')";

    private final Granularity base;
    private final Supplier<ServiceLevelPolicy> policy;
    private final EventParser parser;
    private final SegmentProjection segments;
    private final IntervalWriter writer;

    public RangeRestatement(Granularity base, Supplier<ServiceLevelPolicy> policy, EventParser parser) {
        this.base = base;
        this.policy = policy;
        this.parser = parser;
        this.segments = new SegmentProjection(base);
        this.writer = new IntervalWriter(base);
    }

    public Granularity base() {
        return base;
    }

    /** Restates {@code [from, to)} (bucket-aligned) and returns the rows it changed; the change log is the caller's. */
    public List<IntervalWriter.ChangedRow> restate(Connection c, Instant from, Instant to, Duration segmentSpan)
            throws SQLException {
        IntervalDeltas deltas = new IntervalDeltas();
        IntervalDeltas moves = new IntervalDeltas();
        refoldSegments(c, from, to, segmentSpan, moves);
        // Inside the range the rows are recomputed whole below; outside it only segments that moved out/in count.
        moves.queue().forEach((k, v) -> {
            if (outside(k.intervalStart(), from, to)) {
                deltas.addQueue(k, v);
            }
        });
        moves.agent().forEach((k, v) -> {
            if (outside(k.intervalStart(), from, to)) {
                deltas.addAgent(k, v);
            }
        });
        moves.agentQueue().forEach((k, v) -> {
            if (outside(k.intervalStart(), from, to)) {
                deltas.addAgentQueue(k, v);
            }
        });
        acdTargets(c, from, to, deltas);
        segmentTargets(c, from, to, deltas);
        statusTargets(c, from, to, deltas);
        subtractStored(c, from, to, deltas);
        return writer.apply(c, deltas);
    }

    private static boolean outside(Instant bucket, Instant from, Instant to) {
        return bucket.isBefore(from) || !bucket.isBefore(to);
    }

    private void acdTargets(Connection c, Instant from, Instant to, IntervalDeltas deltas) throws SQLException {
        ServiceLevelPolicy sl = policy.get();
        for (GenesysEvent e : events(c, "SELECT " + PAYLOAD + " FROM raw_event r WHERE r.topic_kind IN "
                + "('ACD_START', 'ACD_END', 'USER_END') AND r.event_time >= ? AND r.event_time < ? AND " + NOT_QUEUED,
                from, to)) {
            if (!Projector.addAcd(deltas, e, sl, base)) {
                Projector.addUserEnd(deltas, e, base);
            }
        }
    }

    /** Handle components of the range: what the (refolded) segments completing in it contribute. */
    private void segmentTargets(Connection c, Instant from, Instant to, IntervalDeltas deltas) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT contributed_queue_id, contributed_media_type, "
                + "contributed_user_id, contributed_bucket, contributed_handled, contributed_handle_ms, "
                + "contributed_talk_ms, contributed_hold_ms, contributed_acw_ms, contributed_held, "
                + "contributed_wrapped_up, contributed_dialing_ms, contributed_contacting_ms FROM agent_segment "
                + "WHERE completion_time >= ? "
                + "AND completion_time < ? AND contributed_bucket IS NOT NULL")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IntervalComponents handle = IntervalComponents.builder().handled(rs.getLong(5))
                            .handleMs(rs.getLong(6)).talkMs(rs.getLong(7)).holdMs(rs.getLong(8))
                            .acwMs(rs.getLong(9)).set(QueueMetric.HELD, rs.getLong(10))
                            .set(QueueMetric.WRAPPED_UP, rs.getLong(11)).set(QueueMetric.DIALING_MS, rs.getLong(12))
                            .set(QueueMetric.CONTACTING_MS, rs.getLong(13)).build();
                    deltas.addContribution(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), handle);
                }
            }
        }
    }

    /** Every stored component of the range, subtracted: what remains in the deltas is the restatement. */
    private void subtractStored(Connection c, Instant from, Instant to, IntervalDeltas deltas) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT queue_id, media_type, interval_start, "
                + IntervalWriter.QUEUE_COLUMNS + " FROM queue_interval WHERE interval_start >= ? AND interval_start < ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IntervalComponents stored = IntervalComponents.read(m -> rs.getLong(m.column()));
                    deltas.addQueue(new QueueKey(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                            stored.negate());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, queue_id, media_type, interval_start, "
                + IntervalWriter.AGENT_QUEUE_COLUMNS + " FROM agent_queue_interval WHERE interval_start >= ? "
                + "AND interval_start < ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IntervalComponents stored = IntervalComponents.read(
                            m -> m.byAgent() ? rs.getLong(m.column()) : 0);
                    deltas.addAgentQueue(new AgentQueueKey(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()), stored.negate());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, interval_start, "
                + IntervalWriter.AGENT_COLUMNS + " FROM agent_interval WHERE interval_start >= ? AND interval_start < ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deltas.addAgent(new AgentKey(rs.getString(1), rs.getTimestamp(2).toInstant()),
                            AgentComponents.read(m -> rs.getLong(m.column())).negate());
                }
            }
        }
    }

    private void refoldSegments(Connection c, Instant from, Instant to, Duration span, IntervalDeltas deltas)
            throws SQLException {
        Set<AgentSegment.Key> keys = new LinkedHashSet<>();
        for (GenesysEvent e : events(c, "SELECT " + PAYLOAD + " FROM raw_event r WHERE r.topic_kind IN "
                + SEGMENT_KINDS + " AND r.event_time >= ? AND r.event_time < ? AND " + NOT_QUEUED, from, to)) {
            AgentSegment.Key key = SegmentProjection.keyOf(e);
            if (key != null) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        TreeMap<AgentSegment.Key, List<GenesysEvent>> all = new TreeMap<>(SegmentProjection.KEY_ORDER);
        // Every event of these conversations within the span, found per conversation through raw_event_segment_idx:
        // a join over the window extracted both ids from every segment event of up to a day for every chunk.
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PAYLOAD + " FROM unnest(?::text[]) AS k(conv) "
                + "CROSS JOIN LATERAL (SELECT r.id, r.topic_name, r.body FROM raw_event r "
                + "WHERE r.body->>'conversationId' = k.conv AND r.topic_kind IN " + SEGMENT_KINDS
                + " AND r.event_time >= ? AND r.event_time < ? OFFSET 0) r WHERE " + NOT_QUEUED)) {
            ps.setArray(1, c.createArrayOf("text",
                    keys.stream().map(AgentSegment.Key::conversationId).distinct().toArray(String[]::new)));
            ps.setTimestamp(2, Timestamp.from(from.minus(span)));
            ps.setTimestamp(3, Timestamp.from(to.plus(span)));
            for (GenesysEvent e : parseAll(ps)) {
                AgentSegment.Key key = SegmentProjection.keyOf(e);
                if (key != null && keys.contains(key)) {
                    all.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
                }
            }
        }
        segments.restate(c, all, deltas);
    }

    private void statusTargets(Connection c, Instant from, Instant to, IntervalDeltas deltas) throws SQLException {
        for (StatusTimeline timeline : StatusTimeline.ALL) {
            for (StatusTimeline.StatusPeriodOf p : timeline.periods(c, from, to)) {
                p.period().componentsBy(base, 1).forEach((bucket, part) -> {
                    if (!bucket.isBefore(from) && bucket.isBefore(to)) {
                        deltas.addAgent(new AgentKey(p.userId(), bucket), part);
                    }
                });
            }
        }
    }

    private List<GenesysEvent> events(Connection c, String sql, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            return parseAll(ps);
        }
    }

    private List<GenesysEvent> parseAll(PreparedStatement ps) throws SQLException {
        List<GenesysEvent> out = new ArrayList<>();
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ParseResult result = parser.parse(RawEvent.inboxPayload(rs.getString(1), rs.getString(2)));
                if (result instanceof ParseResult.Items items && items.rejections().isEmpty()) {
                    out.addAll(items.acceptedEvents());
                } else {
                    log.warn("raw event does not parse any more; left out of the replay: {}", result);
                }
            }
        }
        return out;
    }
}
