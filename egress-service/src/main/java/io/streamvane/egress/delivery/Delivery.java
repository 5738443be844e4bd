package io.streamvane.egress.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * One claimed delivery as a sink sees it.
 *
 * @param payloadId stable across retries and replays (row key + revision): the receiver's idempotency key
 * @param row       the canonical row ({@link QueueIntervalPayload#toMap()}), exactly as enqueued
 * @param attempts  attempts made before this one
 */
public record Delivery(long id, String payloadId, String rowKey, int attempts, Map<String, Object> row,
        Instant createdAt) {

    public boolean isFinal() {
        return Boolean.TRUE.equals(row.get(QueueIntervalPayload.IS_FINAL));
    }
}
