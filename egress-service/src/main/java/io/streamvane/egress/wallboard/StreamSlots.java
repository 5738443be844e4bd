package io.streamvane.egress.wallboard;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Places for open screens: {@code max} in all, {@code maxPerOwner} for any one credential. Reserved before the stream
 * opens, so a burst of connections cannot overshoot either bound.
 */
final class StreamSlots {

    private final int max;
    private final int maxPerOwner;
    private final ConcurrentHashMap<String, Integer> byOwner = new ConcurrentHashMap<>();
    private int total; // guarded by this

    StreamSlots(int max, int maxPerOwner) {
        this.max = max;
        this.maxPerOwner = maxPerOwner;
    }

    /** A slot for {@code owner}; 503 when every slot is taken, 429 when this owner holds its share. */
    synchronized Slot reserve(String owner) {
        if (total >= max) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the wallboard serves " + max + " screens at most");
        }
        int held = byOwner.getOrDefault(owner, 0);
        if (held >= maxPerOwner) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                    "one credential may hold " + maxPerOwner + " wallboard screens (streamvane.egress.wallboard."
                            + "max-streams-per-owner)");
        }
        byOwner.put(owner, held + 1);
        total++;
        return new Slot(owner);
    }

    synchronized int open() {
        return total;
    }

    private synchronized void release(String owner) {
        total--;
        byOwner.computeIfPresent(owner, (k, n) -> n == 1 ? null : n - 1);
    }

    /** One reserved place; releasing it twice releases it once. */
    final class Slot {

        private final String owner;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String owner) {
            this.owner = owner;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                StreamSlots.this.release(owner);
            }
        }
    }
}
