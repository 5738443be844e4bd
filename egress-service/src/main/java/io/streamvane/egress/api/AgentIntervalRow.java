package io.streamvane.egress.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One agent × bucket row: handle components, time in each routing status, AHT and occupancy. */
@Schema(example = """
        {"userId":"u-ann","intervalStart":"2025-01-01T10:00:00Z","intervalEnd":"2025-01-01T10:15:00Z","handled":3,
         "handleMs":900000,"talkMs":700000,"holdMs":50000,"acwMs":150000,"idleMs":60000,"interactingMs":780000,
         "communicatingMs":0,"notRespondingMs":0,"offQueueMs":60000,"otherMs":0,"ahtSeconds":300.0,
         "occupancy":0.9285714285714286,"final":true,"revision":2,"timeZone":"UTC"}""")
public record AgentIntervalRow(
        String userId,
        @Schema(description = "bucket start with the offset of the row's time zone") OffsetDateTime intervalStart,
        @Schema(description = "bucket end with the offset of the row's time zone") OffsetDateTime intervalEnd,
        long handled,
        long handleMs,
        long talkMs,
        long holdMs,
        long acwMs,
        long idleMs,
        long interactingMs,
        long communicatingMs,
        long notRespondingMs,
        long offQueueMs,
        long otherMs,
        Double ahtSeconds,
        @Schema(description = "INTERACTING / (INTERACTING + IDLE + COMMUNICATING) time, 0..1") Double occupancy,
        @JsonProperty("final") boolean isFinal,
        long revision,
        @Schema(description = "IANA time zone whose local period the row is: the deployment's default")
        String timeZone) {
}
