package io.streamvane.testsupport.servicebus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * A queue, a topic subscription, or the dead-letter sub-queue of either: its available messages in sequence order,
 * its locked ones, its deferred ones. Touched only on the broker's thread.
 */
final class Entity {

    static final String DEAD_LETTER_SUFFIX = "/$deadletterqueue";

    final String path;
    /** The sub-queue failed messages move to; null when this is one. */
    final Entity deadLetterQueue;
    private final PriorityQueue<StoredMessage> ready =
            new PriorityQueue<>(Comparator.comparingLong((StoredMessage m) -> m.sequenceNumber));
    private final Map<UUID, Lock> locks = new LinkedHashMap<>();
    private final List<StoredMessage> deferred = new ArrayList<>();

    private Entity(String path, Entity deadLetterQueue) {
        this.path = path;
        this.deadLetterQueue = deadLetterQueue;
    }

    static Entity withDeadLetterQueue(String path) {
        return new Entity(path, new Entity(path + DEAD_LETTER_SUFFIX, null));
    }

    void makeAvailable(StoredMessage message) {
        ready.add(message);
    }

    Optional<StoredMessage> takeNext() {
        return Optional.ofNullable(ready.poll());
    }

    boolean hasAvailable() {
        return !ready.isEmpty();
    }

    void hold(Lock lock) {
        locks.put(lock.token, lock);
    }

    Optional<Lock> lock(UUID token) {
        return Optional.ofNullable(locks.get(token));
    }

    /** Ends the lock (cancelling its expiry) and returns it, or empty when it had already ended. */
    Optional<Lock> release(UUID token) {
        Lock lock = locks.remove(token);
        if (lock != null && lock.expiry != null) {
            lock.expiry.cancel();
        }
        return Optional.ofNullable(lock);
    }

    void defer(StoredMessage message) {
        deferred.add(message);
    }

    int availableCount() {
        return ready.size();
    }

    int lockedCount() {
        return locks.size();
    }

    List<StoredMessage> available() {
        List<StoredMessage> inOrder = new ArrayList<>(ready);
        inOrder.sort(Comparator.comparingLong(m -> m.sequenceNumber));
        return inOrder;
    }
}
