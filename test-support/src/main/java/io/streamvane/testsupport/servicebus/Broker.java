package io.streamvane.testsupport.servicebus;

import io.streamvane.testsupport.servicebus.BrokerEvent.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Service Bus's message rules, without the wire: entities by address, peek-locks that expire unless renewed, the
 * delivery count and MaxDeliveryCount, dead-lettering. Touched only on the broker's thread.
 *
 * <p>Modelled on the service as documented (checklist §6): a lock outlives the link that took it and ends only by
 * settlement or expiry; an expired lock or an abandon raises the delivery count; a message whose count reaches
 * MaxDeliveryCount moves to the dead-letter sub-queue as {@code MaxDeliveryCountExceeded}.
 */
final class Broker {

    static final String MAX_DELIVERY_COUNT_EXCEEDED = "MaxDeliveryCountExceeded";

    /** Runs an action later on the broker's thread. */
    interface Timers {
        Lock.Cancellable schedule(Duration delay, Runnable action);
    }

    private final Map<String, Entity> entities = new HashMap<>();
    private final Map<String, List<Entity>> topics = new HashMap<>();
    private final BrokerEvents events;
    private final Timers timers;
    private final Clock clock;
    private Consumer<Entity> onAvailable = entity -> { };
    /** The service's defaults for a new queue: PT1M and 10. */
    private Duration lockDuration = Duration.ofMinutes(1);
    private int maxDeliveryCount = 10;
    private long lastSequenceNumber;

    Broker(BrokerEvents events, Timers timers, Clock clock) {
        this.events = events;
        this.timers = timers;
        this.clock = clock;
    }

    /** Told whenever an entity has a message to offer (the links then send it if a receiver has credit). */
    void whenAvailable(Consumer<Entity> listener) {
        onAvailable = listener;
    }

    void lockDuration(Duration duration) {
        lockDuration = duration;
    }

    void maxDeliveryCount(int count) {
        maxDeliveryCount = count;
    }

    void createQueue(String name) {
        add(Entity.withDeadLetterQueue(key(name)));
    }

    void createSubscription(String topic, String subscription) {
        Entity entity = Entity.withDeadLetterQueue(key(topic) + "/subscriptions/" + key(subscription));
        add(entity);
        topics.computeIfAbsent(key(topic), t -> new ArrayList<>()).add(entity);
    }

    private void add(Entity entity) {
        entities.putIfAbsent(entity.path, entity);
        entities.putIfAbsent(entity.deadLetterQueue.path, entity.deadLetterQueue);
    }

    /** The entity a receiver reads at {@code address} (checklist item 7: queue, subscription, or a sub-queue). */
    Optional<Entity> entity(String address) {
        return address == null ? Optional.empty() : Optional.ofNullable(entities.get(key(address)));
    }

    /** Whether a sender may publish to {@code address}: a queue or a topic, never a subscription or sub-queue. */
    boolean acceptsSends(String address) {
        String key = address == null ? "" : key(address);
        return topics.containsKey(key) || (entities.containsKey(key) && entities.get(key).deadLetterQueue != null
                && !key.contains("/subscriptions/"));
    }

    void send(String address, Outgoing content) {
        String key = key(address);
        List<Entity> targets = topics.containsKey(key) ? topics.get(key) : List.of(require(address));
        for (Entity target : targets) {
            StoredMessage message = new StoredMessage(++lastSequenceNumber, clock.instant(), content);
            target.makeAvailable(message);
            record(Kind.SENT, target, message, "");
            onAvailable.accept(target);
        }
    }

    /** Locks the next available message of {@code entity} for a delivery, or empty when there is none. */
    Optional<Lock> lockNext(Entity entity) {
        return entity.takeNext().map(message -> {
            Lock lock = new Lock(UUID.randomUUID(), entity, message, clock.instant().plus(lockDuration));
            entity.hold(lock);
            scheduleExpiry(lock);
            record(Kind.DELIVERED, entity, message, "");
            return lock;
        });
    }

    boolean complete(Entity entity, UUID token) {
        return entity.release(token).map(lock -> {
            record(Kind.COMPLETED, entity, lock.message, "");
            return true;
        }).orElse(false);
    }

    boolean abandon(Entity entity, UUID token, Map<String, Object> propertiesToModify) {
        return entity.release(token).map(lock -> {
            lock.message.applicationProperties.putAll(propertiesToModify);
            record(Kind.ABANDONED, entity, lock.message, "");
            attemptFailed(entity, lock.message);
            return true;
        }).orElse(false);
    }

    boolean defer(Entity entity, UUID token) {
        return entity.release(token).map(lock -> {
            record(Kind.DEFERRED, entity, lock.message, "");
            entity.defer(lock.message);
            return true;
        }).orElse(false);
    }

    /** Hands the message back without counting the delivery as an attempt (AMQP released). */
    boolean release(Entity entity, UUID token) {
        return entity.release(token).map(lock -> {
            record(Kind.RELEASED, entity, lock.message, "");
            entity.makeAvailable(lock.message);
            onAvailable.accept(entity);
            return true;
        }).orElse(false);
    }

    boolean deadLetter(Entity entity, UUID token, String reason, String description,
                       Map<String, Object> propertiesToModify) {
        return entity.release(token).map(lock -> {
            lock.message.applicationProperties.putAll(propertiesToModify);
            moveToDeadLetters(entity, lock.message, reason, description);
            return true;
        }).orElse(false);
    }

    /** The new expiry of a held lock, or empty when the lock is gone (lost). */
    Optional<Instant> renew(Entity entity, UUID token) {
        return entity.lock(token).map(lock -> {
            lock.lockedUntil = clock.instant().plus(lockDuration);
            record(Kind.LOCK_RENEWED, entity, lock.message, lock.lockedUntil.toString());
            return lock.lockedUntil;
        });
    }

    /** Fault injection: the lock ends now, as if it had run out before the settlement arrived. */
    void loseLock(Entity entity, UUID token) {
        entity.release(token).ifPresent(lock -> {
            record(Kind.LOCK_LOST, entity, lock.message, "");
            attemptFailed(entity, lock.message);
        });
    }

    int availableCount(String address) {
        return require(address).availableCount();
    }

    int lockedCount(String address) {
        return require(address).lockedCount();
    }

    List<DeadLetter> deadLetters(String address) {
        return require(address + Entity.DEAD_LETTER_SUFFIX).available().stream().map(StoredMessage::asDeadLetter)
                .toList();
    }

    Entity require(String address) {
        return entity(address).orElseThrow(() -> new IllegalArgumentException("no entity " + address
                + "; create it with createQueue or createSubscription"));
    }

    private void scheduleExpiry(Lock lock) {
        Duration left = Duration.between(clock.instant(), lock.lockedUntil);
        lock.expiry = timers.schedule(left.isNegative() ? Duration.ZERO : left, () -> expireIfDue(lock));
    }

    /** A renewal only moved {@code lockedUntil}: look again then, else the lock ends now. */
    private void expireIfDue(Lock lock) {
        if (lock.entity.lock(lock.token).orElse(null) != lock) {
            return;
        }
        if (clock.instant().isBefore(lock.lockedUntil)) {
            scheduleExpiry(lock);
            return;
        }
        lock.entity.release(lock.token);
        record(Kind.LOCK_EXPIRED, lock.entity, lock.message, "");
        attemptFailed(lock.entity, lock.message);
    }

    /** An attempt ended without settlement: count it, then offer the message again or give up on it. */
    private void attemptFailed(Entity entity, StoredMessage message) {
        message.deliveryCount++;
        if (entity.deadLetterQueue != null && message.deliveryCount >= maxDeliveryCount) {
            moveToDeadLetters(entity, message, MAX_DELIVERY_COUNT_EXCEEDED,
                    "Message could not be consumed after " + maxDeliveryCount + " delivery attempts.");
        } else {
            entity.makeAvailable(message);
            onAvailable.accept(entity);
        }
    }

    private void moveToDeadLetters(Entity entity, StoredMessage message, String reason, String description) {
        record(Kind.DEAD_LETTERED, entity, message, reason == null ? "" : reason);
        Entity target = entity.deadLetterQueue != null ? entity.deadLetterQueue : entity;
        StoredMessage dead = new StoredMessage(message.sequenceNumber, message.enqueuedTime, message.content);
        dead.applicationProperties.putAll(message.applicationProperties);
        if (reason != null) {
            dead.applicationProperties.put(StoredMessage.DEAD_LETTER_REASON, reason);
        }
        if (description != null) {
            dead.applicationProperties.put(StoredMessage.DEAD_LETTER_DESCRIPTION, description);
        }
        dead.deliveryCount = message.deliveryCount;
        dead.deadLetterSource = entity.path;
        target.makeAvailable(dead);
        onAvailable.accept(target);
    }

    private void record(Kind kind, Entity entity, StoredMessage message, String detail) {
        events.record(new BrokerEvent(kind, entity.path, message.messageId(), message.deliveryCount, detail));
    }

    /** Entity names are case-insensitive in Service Bus. */
    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
