package io.streamvane.model.kpi;

import java.time.Instant;
import java.util.Objects;

/**
 * One agent participant of one conversation, folded from its {@code user.end} and {@code acw} events (SPEC §2).
 * Every fold step is commutative and associative (sums, ORs, max of times, least of ids), so the segment depends only
 * on the set of events applied, never on their order. The fold is not idempotent: apply each distinct event once;
 * duplicates are removed upstream by event identity (SPEC §1.3).
 *
 * @param key         (conversationId, participantId)
 * @param queueId     the queue its events name; null until an event names one
 * @param mediaType   normalised media type; null until an event names one
 * @param userId      the agent; null until an event names one
 * @param talkMs      Σ max(0, interactingDurationMs − heldDurationMs) over user.end events
 * @param holdMs      Σ heldDurationMs over user.end events
 * @param acwMs       Σ wrapupDurationMs over acw events
 * @param interacting some user.end reported interacting time
 * @param wrappedUp   some acw event arrived
 * @param completedAt latest eventTime among its user.end and acw events; null before the first of them
 */
public record AgentSegment(
        Key key,
        String queueId,
        String mediaType,
        String userId,
        long talkMs,
        long holdMs,
        long acwMs,
        boolean interacting,
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
        mediaType = QueueMedia.normaliseMediaType(mediaType);
    }

    /** A segment no event has been folded into yet. */
    public static AgentSegment empty(String conversationId, String participantId) {
        return new AgentSegment(new Key(conversationId, participantId), null, null, null, 0, 0, 0, false, false, null);
    }

    /**
     * Takes the queue, media type and user an event names. They agree for well-formed events of one participant;
     * if they ever disagree, the least non-null id wins: arbitrary, but independent of arrival order.
     */
    public AgentSegment withAttribution(String queueId, String mediaType, String userId) {
        return new AgentSegment(key, least(this.queueId, queueId),
                least(this.mediaType, QueueMedia.normaliseMediaType(mediaType)), least(this.userId, userId),
                talkMs, holdMs, acwMs, interacting, wrappedUp, completedAt);
    }

    /** Folds a {@code user.end}. Talk excludes hold and never goes below zero, whatever Genesys reports. */
    public AgentSegment withUserEnd(Instant eventTime, long interactingMs, long heldMs) {
        requireNonNegative(interactingMs, "interactingMs");
        requireNonNegative(heldMs, "heldMs");
        return new AgentSegment(key, queueId, mediaType, userId,
                Math.addExact(talkMs, Math.max(0, interactingMs - heldMs)),
                Math.addExact(holdMs, heldMs),
                acwMs,
                interacting || interactingMs > 0,
                wrappedUp,
                latest(completedAt, eventTime));
    }

    /**
     * Folds an {@code acw}. Applying a wrap-up marks the segment handled even with zero duration, because Genesys
     * only asks for a wrap-up after the agent took the interaction.
     */
    public AgentSegment withAfterCallWork(Instant eventTime, long wrapupMs) {
        requireNonNegative(wrapupMs, "wrapupMs");
        return new AgentSegment(key, queueId, mediaType, userId, talkMs, holdMs,
                Math.addExact(acwMs, wrapupMs), interacting, true, latest(completedAt, eventTime));
    }

    /** Handled once it has interacting time or ACW; an alert never answered is not handled. */
    public boolean handled() {
        return interacting || wrappedUp;
    }

    /** What this segment adds to the interval of {@link #completedAt()}. */
    public IntervalComponents contribution() {
        return IntervalComponents.builder()
                .handled(handled() ? 1 : 0)
                .talkMs(talkMs)
                .holdMs(holdMs)
                .acwMs(acwMs)
                .handleMs(Math.addExact(Math.addExact(talkMs, holdMs), acwMs))
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
