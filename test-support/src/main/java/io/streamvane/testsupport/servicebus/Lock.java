package io.streamvane.testsupport.servicebus;

import java.time.Instant;
import java.util.UUID;

/** A peek-lock on one message: the token the client settles or renews by, and until when it holds. */
final class Lock {

    final UUID token;
    final Entity entity;
    final StoredMessage message;
    Instant lockedUntil;
    Cancellable expiry;

    Lock(UUID token, Entity entity, StoredMessage message, Instant lockedUntil) {
        this.token = token;
        this.entity = entity;
        this.message = message;
        this.lockedUntil = lockedUntil;
    }

    /** A scheduled action that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
