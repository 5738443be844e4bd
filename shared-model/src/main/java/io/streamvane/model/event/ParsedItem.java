package io.streamvane.model.event;

import java.util.Objects;

/** The outcome for one envelope of a body; {@link #index()} is its position in the batch (0 for a single one). */
public sealed interface ParsedItem {

    int index();

    /** A Genesys event, ready to store and project. */
    record Accepted(int index, GenesysEvent event) implements ParsedItem {

        public Accepted {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * An envelope refused for {@code reason}; the others in the batch are unaffected.
     *
     * @param detail names precisely what is wrong, e.g. {@code "acd.end event lacks conversationId"}
     */
    record Rejected(int index, RejectionReason reason, String detail) implements ParsedItem {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A control frame of the notification channel ({@code channel.metadata} heartbeat or pong,
     * {@code v2.system.*}): not an event and never stored.
     */
    record Control(int index, String topicName) implements ParsedItem {
    }
}
