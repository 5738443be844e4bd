package io.streamvane.model.event;

import io.streamvane.model.kpi.MediaTypes;
import java.time.Instant;

/** {@code …acd.start}: an interaction enters a queue (one per queue visit, so transfers produce several). */
public record AcdStart(
        Instant eventTime,
        String conversationId,
        String participantId,
        String sessionId,
        String queueId,
        String mediaType,
        String direction,
        String divisionId) implements EventBody {

    public AcdStart {
        mediaType = MediaTypes.normalise(mediaType);
    }
}
