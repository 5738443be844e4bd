package io.streamvane.egress.delivery;

import java.time.Instant;
import java.util.Map;

/** A row a push sink sends: a queue interval or an agent interval, each with its stable ids. */
public sealed interface IntervalPayload permits QueueIntervalPayload, AgentIntervalPayload {

    /** Identifies the row regardless of revision. */
    String rowKey();

    /** Row key + revision: the receiver's idempotency key. */
    String payloadId();

    int revision();

    Instant intervalStart();

    /** The canonical row, as enqueued and sent. */
    Map<String, Object> toMap();
}
