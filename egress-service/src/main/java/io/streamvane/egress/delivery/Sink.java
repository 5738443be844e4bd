package io.streamvane.egress.delivery;

import java.util.List;

/** A push destination driven by the delivery engine. Implementations must be thread-safe. */
public interface Sink {

    /** Unique among sinks; the key of its cursor and deliveries. */
    String name();

    FeedShape shape();

    /** Most deliveries handed to one {@link #send} call. */
    int batchSize();

    /**
     * Sends a batch and reports one outcome per delivery, in order. Called while the batch's rows are locked, so no
     * other replica sends them meanwhile. An exception counts as {@link Outcome.Retry} for the whole batch.
     */
    List<Outcome> send(List<Delivery> batch) throws Exception;
}
