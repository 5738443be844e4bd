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
}
