package io.streamvane.model.event;

import io.streamvane.model.kpi.MediaTypes;
import java.time.Instant;

/**
 * {@code …user.end}: the agent's participation ends. It carries no after-call work; that arrives on {@code …acw}.
 * Its durations are disjoint phases of the participation: interacting excludes held time.
 */
public record UserEnd(
        Instant eventTime,
        String conversationId,
        String participantId,
        String sessionId,
        String userId,
        String queueId,
        String mediaType,
        String direction,
        String divisionId,
        String disconnectType,
        Long interactingDurationMs,
        Long heldDurationMs,
        Long alertingDurationMs,
        Long dialingDurationMs,
        Long contactingDurationMs) implements EventBody {

    public UserEnd {
        mediaType = MediaTypes.normalise(mediaType);
    }

    public DisconnectType asDisconnectType() {
        return DisconnectType.of(disconnectType);
    }

    public Direction asDirection() {
        return Direction.of(direction);
    }
}
