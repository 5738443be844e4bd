package io.streamvane.model.kpi;

import java.time.Instant;
import java.util.Objects;

/**
 * One agent participant of one conversation, folded from its {@code user.end} and {@code acw} events (SPEC §2).
 * Interacting, held, dialing and contacting are disjoint phases in Genesys (a public user.end carries more held than
 * interacting time), so each is summed as reported and none is subtracted from another.
 * Every fold step is commutative and associative (sums, ORs, max of times, least of ids), so the segment depends only
 * on the set of events applied, never on their order. The fold is not idempotent: apply each distinct event once;
 * duplicates are removed upstream by event identity (SPEC §1.3).
 *
 * @param key          (conversationId, participantId)
 * @param queueId      the queue its events name; null until an event names one
 * @param mediaType    normalised media type; null until an event names one
 * @param userId       the agent; null until an event names one
 * @param talkMs       Σ interactingDurationMs over user.end events
 * @param holdMs       Σ heldDurationMs over user.end events
 * @param acwMs        Σ wrapupDurationMs over acw events
 * @param dialingMs    Σ dialingDurationMs over user.end events (outbound, callbacks)
 * @param contactingMs Σ contactingDurationMs over user.end events (outbound, callbacks)
 * @param wrappedUp    some acw event arrived
 * @param completedAt  latest eventTime among its user.end and acw events; null before the first of them
 */
public record AgentSegment(
        Key key,
        String queueId,
        String mediaType,
        String userId,
        long talkMs,
        long holdMs,
        long acwMs,
        long dialingMs,
        long contactingMs,
        boolean wrappedUp,
        Instant completedAt) {

    /** A segment's identity. */
    public record Key(String conversationId, String participantId) {
        public Key {
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(participantId, "participantId");
        }
    }

    public AgentSegment {
        Objects.requireNonNull(key, "key");
        mediaType = MediaTypes.normalise(mediaType);
    }

    /** A segment no event has been folded into yet. */
    public static AgentSegment empty(String conversationId, String participantId) {
        return new AgentSegment(new Key(conversationId, participantId), null, null, null, 0, 0, 0, 0, 0, false, null);
    }

    /**
     * Takes the queue, media type and user an event names. They agree for well-formed events of one participant;
     * if they ever disagree, the least non-null id wins: arbitrary, but independent of arrival order.
     */
    public AgentSegment withAttribution(String queueId, String mediaType, String userId) {
        return new AgentSegment(key, least(this.queueId, queueId),
                least(this.mediaType, MediaTypes.normalise(mediaType)), least(this.userId, userId),
                talkMs, holdMs, acwMs, dialingMs, contactingMs, wrappedUp, completedAt);
    }

    /** Folds a {@code user.end} without dialing or contacting time, as an inbound interaction has. */
    public AgentSegment withUserEnd(Instant eventTime, long interactingMs, long heldMs) {
        return withUserEnd(eventTime, interactingMs, heldMs, 0, 0);
    }

    /** Folds a {@code user.end}. */
    public AgentSegment withUserEnd(Instant eventTime, long interactingMs, long heldMs, long dialingMs,
            long contactingMs) {
        requireNonNegative(interactingMs, "interactingMs");
        requireNonNegative(heldMs, "heldMs");
        requireNonNegative(dialingMs, "dialingMs");
        requireNonNegative(contactingMs, "contactingMs");
        return new AgentSegment(key, queueId, mediaType, userId,
                Math.addExact(talkMs, interactingMs),
                Math.addExact(holdMs, heldMs),
                acwMs,
                Math.addExact(this.dialingMs, dialingMs),
                Math.addExact(this.contactingMs, contactingMs),
                wrappedUp,
                latest(completedAt, eventTime));
    }

    /**
     * Folds an {@code acw}. Applying a wrap-up marks the segment handled even with zero duration, because Genesys
     * only asks for a wrap-up after the agent took the interaction.
     */
    public AgentSegment withAfterCallWork(Instant eventTime, long wrapupMs) {
        requireNonNegative(wrapupMs, "wrapupMs");
        return new AgentSegment(key, queueId, mediaType, userId, talkMs, holdMs, Math.addExact(acwMs, wrapupMs),
                dialingMs, contactingMs, true, latest(completedAt, eventTime));
    }

    /** Some user.end reported interacting time. */
    public boolean interacting() {
        return talkMs > 0;
    }

    /** Handled once it has interacting time or ACW; an alert never answered is not handled. */
    public boolean handled() {
        return interacting() || wrappedUp;
    }

    /** Genesys tHandle: talk, hold and ACW, plus the dialing and contacting of outbound and callbacks. */
    public long handleMs() {
        return Math.addExact(Math.addExact(Math.addExact(talkMs, holdMs), acwMs),
                Math.addExact(dialingMs, contactingMs));
    }

    /**
     * What this segment adds to the interval of {@link #completedAt()}: its handle time and its phases (dialing and
     * contacting too, as Genesys' tDialing and tContacting), and the counts Genesys averages hold and ACW over
     * (tHeld.count: interactions with hold; tAcw.count: interactions wrapped up).
     */
    public IntervalComponents contribution() {
        return IntervalComponents.builder()
                .handled(handled() ? 1 : 0)
                .talkMs(talkMs)
                .holdMs(holdMs)
                .acwMs(acwMs)
                .handleMs(handleMs())
                .set(QueueMetric.HELD, holdMs > 0 ? 1 : 0)
                .set(QueueMetric.WRAPPED_UP, wrappedUp ? 1 : 0)
                .set(QueueMetric.DIALING_MS, dialingMs)
                .set(QueueMetric.CONTACTING_MS, contactingMs)
                .build();
    }

    private static Instant latest(Instant current, Instant eventTime) {
        Objects.requireNonNull(eventTime, "eventTime");
        return current == null || eventTime.isAfter(current) ? eventTime : current;
    }

    private static String least(String current, String candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate == null || current.compareTo(candidate) <= 0 ? current : candidate;
    }

    private static void requireNonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + v);
        }
    }
}
