package io.streamvane.ingress.servicebus;

/** How one Service Bus message is settled once the pipeline has answered. */
sealed interface Disposition {

    /** The metric tag of this disposition. */
    String tag();

    /** Stored (or already stored): remove it from the entity. */
    record Complete() implements Disposition {
        @Override
        public String tag() {
            return "complete";
        }
    }

    /** Transient failure, nothing committed: release the lock so the message is redelivered later. */
    record Abandon(String cause) implements Disposition {
        @Override
        public String tag() {
            return "abandon";
        }
    }

    /**
     * Not settled at all: the processor stopped while the message waited for the store, so its lock runs out and the
     * broker redelivers it (see {@link StoreGate}).
     */
    record Unsettled(String cause) implements Disposition {
        @Override
        public String tag() {
            return "unsettled";
        }
    }

    /** Poison: nothing in it can ever be stored, park it in the dead-letter subqueue with the reason. */
    record DeadLetter(String reason, String description) implements Disposition {
        @Override
        public String tag() {
            return "dead_letter";
        }
    }
}
