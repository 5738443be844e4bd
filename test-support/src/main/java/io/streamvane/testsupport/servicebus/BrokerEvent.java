package io.streamvane.testsupport.servicebus;

/**
 * One thing the fake broker did to a message, in the order it did it.
 *
 * @param kind          what happened
 * @param entity        the entity path (a queue, {@code topic/subscriptions/sub}, or either's
 *                      {@code /$deadletterqueue})
 * @param messageId     the message's id
 * @param deliveryCount the delivery count of the delivery concerned: the Header value the client saw, 0 on the first
 *                      delivery (checklist item 9); for {@link Kind#SENT} the count it starts with, for a
 *                      {@code MaxDeliveryCountExceeded} dead-lettering the attempts made
 * @param detail        the dead-letter reason, the renewed lock's expiry, or empty
 */
public record BrokerEvent(Kind kind, String entity, String messageId, long deliveryCount, String detail) {

    /** What the broker did. */
    public enum Kind {
        /** Enqueued (through the fake's API or an SDK sender). */
        SENT,
        /** Handed to a receiver under a new lock. */
        DELIVERED,
        /** Settled as completed: gone. */
        COMPLETED,
        /** Settled as abandoned: available again with the delivery count raised. */
        ABANDONED,
        /** Settled as deferred. */
        DEFERRED,
        /** Released: available again, delivery count unchanged. */
        RELEASED,
        /** Moved to the entity's dead-letter sub-queue ({@link #detail} is the reason). */
        DEAD_LETTERED,
        /** Lock renewed over the management node. */
        LOCK_RENEWED,
        /** The lock ran out unsettled: available again with the delivery count raised. */
        LOCK_EXPIRED,
        /** A settlement was answered {@code com.microsoft:message-lock-lost} (fault injection or too late). */
        LOCK_LOST
    }

    @Override
    public String toString() {
        return kind + "(" + messageId + ", dc=" + deliveryCount + (detail.isEmpty() ? "" : ", " + detail) + ")";
    }
}
