package io.streamvane.egress.delivery;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/** What became of one delivery attempt. */
public sealed interface Outcome {

    /** The destination has it (2xx, broker confirm). */
    record Delivered() implements Outcome {
    }

    /**
     * Try again later.
     *
     * @param notBefore the destination's own wish (Retry-After), or null to use the engine's backoff
     */
    record Retry(String error, Duration notBefore) implements Outcome {
    }

    /** Retrying cannot help (e.g. 410 Gone, a payload the receiver rejects as invalid): dead-letter now. */
    record Reject(String error) implements Outcome {
    }

    Outcome DELIVERED = new Delivered();

    static List<Outcome> all(int n, Outcome o) {
        return Collections.nCopies(n, o);
    }
}
