package io.streamvane.model.event;

import io.streamvane.model.kpi.MediaTypes;
import java.time.Instant;

/** {@code …user.start}: an agent is assigned to the interaction. */
public record UserStart(
        Instant eventTime,
        String conversationId,
        String participantId,
        String sessionId,
        String userId,
        String queueId,
        String mediaType,
        String direction,
        String divisionId) implements EventBody {

    public UserStart {
        mediaType = MediaTypes.normalise(mediaType);
    }
}
