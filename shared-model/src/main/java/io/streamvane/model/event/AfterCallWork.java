package io.streamvane.model.event;

import io.streamvane.model.kpi.MediaTypes;
import java.time.Instant;

/** {@code …acw}: the agent finished after-call work by applying a wrap-up; it closes handle time. */
public record AfterCallWork(
        Instant eventTime,
        String conversationId,
        String participantId,
        String sessionId,
        String userId,
        String queueId,
        String mediaType,
        String direction,
        String divisionId,
        String wrapupCode,
        Long wrapupDurationMs) implements EventBody {

    public AfterCallWork {
        mediaType = MediaTypes.normalise(mediaType);
    }
}
