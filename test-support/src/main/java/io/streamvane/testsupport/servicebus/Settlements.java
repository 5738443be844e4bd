package io.streamvane.testsupport.servicebus;

import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Modified;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;

/**
 * Applies a receiver's settlement to the broker and says what to answer. The SDK waits for a settled disposition of
 * the outcome type it asked for and treats any other as failure (checklist item 10), so success echoes the request
 * and a missing lock is {@code Rejected{com.microsoft:message-lock-lost}}.
 */
final class Settlements {

    /** Status values of {@code com.microsoft:update-disposition} (checklist item 11). */
    static final String COMPLETED = "completed";
    static final String ABANDONED = "abandoned";
    static final String SUSPENDED = "suspended";
    static final String DEFERRED = "defered";

    private final Broker broker;
    private final Faults faults;

    Settlements(Broker broker, Faults faults) {
        this.broker = broker;
        this.faults = faults;
    }

    /** The settled state to answer a disposition on the receive link with. */
    DeliveryState onLink(Entity entity, UUID token, DeliveryState requested) {
        if (faults.takeLockLost()) {
            broker.loseLock(entity, token);
            return lockLost();
        }
        boolean held;
        if (requested instanceof Accepted) {
            held = broker.complete(entity, token);
        } else if (requested instanceof Modified modified) {
            Map<String, Object> changes = Wire.textKeys(modified.getMessageAnnotations());
            held = Boolean.TRUE.equals(modified.getUndeliverableHere())
                    ? broker.defer(entity, token)
                    : broker.abandon(entity, token, changes);
        } else if (requested instanceof Rejected rejected) {
            ErrorCondition error = rejected.getError();
            Map<String, Object> info = Wire.textKeys(error == null ? null : error.getInfo());
            Object reason = info.remove(StoredMessage.DEAD_LETTER_REASON);
            Object description = info.remove(StoredMessage.DEAD_LETTER_DESCRIPTION);
            held = broker.deadLetter(entity, token, text(reason), text(description), info);
        } else if (requested instanceof Released) {
            held = broker.release(entity, token);
        } else {
            Rejected unsupported = new Rejected();
            unsupported.setError(new ErrorCondition(Wire.NOT_IMPLEMENTED, "outcome " + requested));
            return unsupported;
        }
        return held ? requested : lockLost();
    }

    /** Whether an {@code update-disposition} request found the lock (then it was applied). */
    boolean byManagement(Entity entity, UUID token, String status, String reason, String description,
                         Map<String, Object> propertiesToModify) {
        if (faults.takeLockLost()) {
            broker.loseLock(entity, token);
            return false;
        }
        return switch (status) {
            case COMPLETED -> broker.complete(entity, token);
            case ABANDONED -> broker.abandon(entity, token, propertiesToModify);
            case SUSPENDED -> broker.deadLetter(entity, token, reason, description, propertiesToModify);
            case DEFERRED -> broker.defer(entity, token);
            default -> throw new IllegalArgumentException("unknown disposition-status " + status);
        };
    }

    static Rejected lockLost() {
        Rejected rejected = new Rejected();
        rejected.setError(new ErrorCondition(Wire.LOCK_LOST, "The lock supplied is invalid. Either the lock expired,"
                + " or the message has already been removed from the queue."));
        return rejected;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
