package io.streamvane.model.kpi;

import java.util.Objects;

/**
 * A queue and media type, the key of queue rows and of service-level settings. The media type is normalised as
 * SPEC §1.2 demands (lower case), and the queue's {@code mediaSettings} key {@code call} is read as the analytics
 * media type {@code voice}, so a threshold synced from the queue lands on the rows its events produce.
 */
public record QueueMedia(String queueId, String mediaType) {

    public QueueMedia {
        Objects.requireNonNull(queueId, "queueId");
        mediaType = MediaTypes.normalise(Objects.requireNonNull(mediaType, "mediaType"));
    }
}
