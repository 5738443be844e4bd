package io.streamvane.engine.projection;

import io.streamvane.model.event.AcdEnd;
import io.streamvane.model.event.AcdStart;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.QueueObservations;
import io.streamvane.model.event.UserEnd;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueContribution;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.kpi.UserEndContribution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Projects one batch of events into every table of SPEC §2 inside the caller's transaction, and commits nothing
 * itself. Lock order, the same for every writer: agent_segment rows, agent_state rows, interval rows (all by key),
 * then the change-log lock. Every step is commutative, so the result depends only on the set of events.
 */
public final class Projector {

    private final Granularity base;
    private final Supplier<ServiceLevelPolicy> policy;
    private final SegmentProjection segments;
    private final AgentStateProjection agentStates;
    private final IntervalWriter writer;

    public Projector(Granularity base, Supplier<ServiceLevelPolicy> policy) {
        this.base = base;
        this.policy = policy;
        this.segments = new SegmentProjection(base);
        this.agentStates = new AgentStateProjection(base);
        this.writer = new IntervalWriter(base);
    }

    /** What a batch changed: the interval rows, as the change log records them. */
    public record Result(List<IntervalWriter.ChangedRow> changedRows) {
    }

    public Result project(Connection c, List<GenesysEvent> events) throws SQLException {
        IntervalDeltas deltas = new IntervalDeltas();
        ServiceLevelPolicy sl = policy.get();
        List<GenesysEvent> acd = new ArrayList<>();
        List<GenesysEvent> observations = new ArrayList<>();
        for (GenesysEvent e : events) {
            if (addAcd(deltas, e, sl, base)) {
                acd.add(e);
            } else if (e.body() instanceof QueueObservations) {
                observations.add(e);
            } else {
                addUserEnd(deltas, e, base);
            }
        }
        segments.project(c, events, deltas);
        agentStates.project(c, events, deltas);
        AcdSessions.upsert(c, acd);
        QueueObservationWriter.upsert(c, observations);
        List<IntervalWriter.ChangedRow> changed = writer.apply(c, deltas);
        IntervalWriter.logChanges(c, changed);
        return new Result(changed);
    }

    /** Adds an acd.start/acd.end contribution to its own bucket; false for any other event. */
    static boolean addAcd(IntervalDeltas deltas, GenesysEvent e, ServiceLevelPolicy sl, Granularity base) {
        if (e.body() instanceof AcdStart s) {
            deltas.addQueue(new QueueKey(s.queueId(), s.mediaType(), Interval.of(s.eventTime(), base).start()),
                    QueueContribution.ofAcdStart());
            return true;
        } else if (e.body() instanceof AcdEnd end) {
            deltas.addQueue(new QueueKey(end.queueId(), end.mediaType(), Interval.of(end.eventTime(), base).start()),
                    QueueContribution.ofAcdEnd(end.asAcdOutcome(), waitMs(end.connectedDurationMs()),
                            sl.resolve(end.queueId(), end.mediaType())));
            return true;
        }
        return false;
    }

    /**
     * Adds what a user.end contributes by itself (alerts, missed alerts, transfers) to its queue's bucket; false for
     * any other event. A user.end that names no queue (a direct call) adds to no queue row.
     */
    static boolean addUserEnd(IntervalDeltas deltas, GenesysEvent e, Granularity base) {
        if (!(e.body() instanceof UserEnd u)) {
            return false;
        }
        // Alerts and transfers are per queue and per agent × queue; the agent row keeps handle and status only.
        IntervalComponents c = UserEndContribution.of(u.asDisconnectType().asUserEndReason(),
                waitMs(u.interactingDurationMs()), waitMs(u.heldDurationMs()), waitMs(u.alertingDurationMs()));
        Instant bucket = Interval.of(u.eventTime(), base).start();
        if (u.queueId() != null) {
            deltas.addQueue(new QueueKey(u.queueId(), u.mediaType(), bucket), c);
            if (u.userId() != null) {
                deltas.addAgentQueue(new AgentQueueKey(u.userId(), u.queueId(), u.mediaType(), bucket), c);
            }
        }
        return true;
    }

    /**
     * A missing duration counts as 0; a negative one (which the KPI rule refuses) as 0 too, so one malformed event cannot
     * block its batch. The parser rejects non-numeric values, so this only sees numbers.
     */
    static long waitMs(Long durationMs) {
        return durationMs == null ? 0 : Math.max(0, durationMs);
    }

    /**
     * acd_session rows: start and end joined whichever comes first. One statement per batch, keys sorted so replicas
     * lock in one order; a key's events are merged first (one statement may not change a row twice), with the rule the
     * statement applies to the stored row, so merging then applying equals applying one by one.
     */
    static final class AcdSessions {

        private static final String UPSERT = "INSERT INTO acd_session AS a (conversation_id, session_key, queue_id, "
                + "media_type, started_at, ended_at, outcome) SELECT * FROM unnest(?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[]) "
                + "ON CONFLICT (conversation_id, session_key) DO UPDATE SET "
                + "started_at = LEAST(a.started_at, excluded.started_at), "
                + "outcome = CASE WHEN excluded.ended_at IS NOT NULL AND (a.ended_at IS NULL "
                + "OR excluded.ended_at >= a.ended_at) THEN excluded.outcome ELSE a.outcome END, "
                + "ended_at = GREATEST(a.ended_at, excluded.ended_at), "
                + "queue_id = COALESCE(a.queue_id, excluded.queue_id), "
                + "media_type = COALESCE(a.media_type, excluded.media_type), updated_at = now()";

        /** One session's side of the row, or the merge of several. */
        private record Side(String queueId, String mediaType, Instant startedAt, Instant endedAt, String outcome) {

            static Side of(GenesysEvent e) {
                if (e.body() instanceof AcdStart s) {
                    return new Side(s.queueId(), s.mediaType(), s.eventTime(), null, null);
                }
                AcdEnd x = (AcdEnd) e.body();
                return new Side(x.queueId(), x.mediaType(), null, x.eventTime(), x.asAcdOutcome().name());
            }

            /** {@code later} applied to this, as the statement applies a row to the stored one. */
            Side then(Side later) {
                boolean endWins = later.endedAt != null && (endedAt == null || !later.endedAt.isBefore(endedAt));
                return new Side(queueId != null ? queueId : later.queueId,
                        mediaType != null ? mediaType : later.mediaType,
                        startedAt == null ? later.startedAt
                                : later.startedAt == null || startedAt.isBefore(later.startedAt) ? startedAt
                                : later.startedAt,
                        endWins ? later.endedAt : endedAt, endWins ? later.outcome : outcome);
            }
        }

        private record Key(String conversationId, String sessionKey) {
        }

        private AcdSessions() {
        }

        static void upsert(Connection c, List<GenesysEvent> events) throws SQLException {
            if (events.isEmpty()) {
                return;
            }
            TreeMap<Key, Side> merged = new TreeMap<>(
                    Comparator.comparing(Key::conversationId).thenComparing(Key::sessionKey));
            for (GenesysEvent e : events) {
                merged.merge(new Key(conversation(e), sessionKey(e)), Side.of(e), Side::then);
            }
            List<Map.Entry<Key, Side>> rows = List.copyOf(merged.entrySet());
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                new ArrayParameters(c, ps).text(rows, r -> r.getKey().conversationId())
                        .text(rows, r -> r.getKey().sessionKey()).text(rows, r -> r.getValue().queueId())
                        .text(rows, r -> r.getValue().mediaType()).timestamps(rows, r -> r.getValue().startedAt())
                        .timestamps(rows, r -> r.getValue().endedAt()).text(rows, r -> r.getValue().outcome());
                ps.executeUpdate();
            }
        }

        private static String conversation(GenesysEvent e) {
            return e.body() instanceof AcdStart s ? s.conversationId() : ((AcdEnd) e.body()).conversationId();
        }

        /** sessionId, or participantId when the event has none (schema comment on acd_session.session_key). */
        static String sessionKey(GenesysEvent e) {
            if (e.body() instanceof AcdStart s) {
                return s.sessionId() != null ? s.sessionId() : s.participantId();
            }
            AcdEnd x = (AcdEnd) e.body();
            return x.sessionId() != null ? x.sessionId() : x.participantId();
        }
    }
}
