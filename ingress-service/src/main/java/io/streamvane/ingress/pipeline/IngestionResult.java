package io.streamvane.ingress.pipeline;

import java.util.List;

/** What happened to one ingested body. */
public sealed interface IngestionResult {

    /** The body as a whole could not be read (not JSON, too large, empty, too many items): nothing stored. */
    record Unreadable(String reason, String detail) implements IngestionResult {
    }

    /**
     * The body was read; {@code accepted} new events are now durable, {@code duplicates} were already stored,
     * {@code rejected} items were refused with a reason, {@code controlFrames} were not events (heartbeats etc.).
     */
    record Ingested(int accepted, int duplicates, List<ItemRejection> rejected, int controlFrames, int late)
            implements IngestionResult {

        public Ingested {
            rejected = List.copyOf(rejected);
        }
    }

    /** One item of a body refused with a stable reason code and a human-readable detail. */
    record ItemRejection(int index, String reason, String detail) {
    }
}
