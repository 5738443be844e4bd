package io.streamvane.simulator.model;

/**
 * What really happened, as the model knows it at the moment it happens. The ground truth is built from these,
 * never from the emitted events, so it is an oracle independent of any payload parser.
 */
public sealed interface Outcome {

    long atMs();

    String queueId();

    MediaType media();

    record Offered(long atMs, String queueId, MediaType media) implements Outcome {
    }

    record Answered(long atMs, String queueId, MediaType media, long waitMs) implements Outcome {
    }

    record Abandoned(long atMs, String queueId, MediaType media, long waitMs) implements Outcome {
    }

    record FlowedOut(long atMs, String queueId, MediaType media, long waitMs) implements Outcome {
    }

    /** An agent finished a contact, wrap-up included: talk excludes hold. */
    record SegmentHandled(long atMs, String queueId, MediaType media, String userId, long talkMs, long holdMs,
                          long acwMs) implements Outcome {
    }

    /** An agent's alert ended, answered or not: Genesys tAlert, at the end of the agent's participation. */
    record Alerted(long atMs, String queueId, MediaType media, String userId, long alertMs) implements Outcome {
    }

    /** The agent let an alert time out (Genesys tNotResponding). */
    record MissedAlert(long atMs, String queueId, MediaType media, String userId, long alertMs) implements Outcome {
    }

    /** An agent transferred a contact it took to another queue, blind or after consulting. */
    record Transferred(long atMs, String queueId, MediaType media, String userId, boolean consult)
            implements Outcome {
    }
}
