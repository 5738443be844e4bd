package io.streamvane.egress.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Real-time state of one queue and media type (SPEC §2); agents* are per queue, repeated for each media type. */
@Schema(example = """
        {"queueId":"q-support","mediaType":"voice","waiting":3,"longestWaitSeconds":42,"interacting":5,
         "agentsOnQueue":8,"agentsAvailable":2,"asOf":"2025-01-01T10:03:12Z"}""")
public record QueueRealtime(String queueId, String mediaType, long waiting, long longestWaitSeconds,
        long interacting, long agentsOnQueue, long agentsAvailable, Instant asOf) {
}
