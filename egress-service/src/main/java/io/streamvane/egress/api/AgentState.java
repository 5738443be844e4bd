package io.streamvane.egress.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An agent's current presence, routing status and active queues, as last reported by Genesys. */
@Schema(example = """
        {"userId":"u-ann","name":"Ann","presence":"ON_QUEUE","presenceTime":"2025-01-01T09:00:00Z",
         "routingStatus":"IDLE","routingStatusTime":"2025-01-01T10:02:00Z","activeQueueIds":["q-support"],
         "asOf":"2025-01-01T10:03:12Z"}""")
public record AgentState(String userId, String name, String presence, Instant presenceTime, String routingStatus,
        Instant routingStatusTime, List<String> activeQueueIds, Instant asOf) {
}
