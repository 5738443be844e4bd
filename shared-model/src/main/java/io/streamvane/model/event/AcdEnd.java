package io.streamvane.model.event;

import io.streamvane.model.kpi.MediaTypes;
import io.streamvane.model.kpi.AcdOutcome;

import java.time.Instant;

/**
 * {@code …acd.end}: an interaction leaves a queue.
 *
 * @param connectedDurationMs time in queue (ACD session length); the source of ASA and abandon time
 * @param answeredUserId      the agent who answered, when {@code acdOutcome} is ANSWERED
 */
public record AcdEnd(
        Instant eventTime,
        String conversationId,
        String participantId,
        String sessionId,
        String queueId,
        String mediaType,
        String direction,
        String divisionId,
        String acdOutcome,
        Long connectedDurationMs,
        String disconnectType,
        String answeredUserId) implements EventBody {

    public AcdEnd {
        mediaType = MediaTypes.normalise(mediaType);
    }

    public AcdOutcome asAcdOutcome() {
        return GenesysEnums.acdOutcome(acdOutcome);
    }

    public DisconnectType asDisconnectType() {
        return DisconnectType.of(disconnectType);
    }
}
