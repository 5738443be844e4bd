package io.streamvane.model.event;

import io.streamvane.model.kpi.MediaTypes;

/**
 * The Genesys entities an event is about; every field is nullable because Genesys marks every field optional.
 * {@code mediaType} is lower case ({@code voice}, {@code chat}, …) whatever case Genesys sent (SPEC §1.2).
 */
public record EntityIds(
        String conversationId,
        String participantId,
        String sessionId,
        String userId,
        String queueId,
        String mediaType) {

    public static final EntityIds NONE = new EntityIds(null, null, null, null, null, null);

    public EntityIds {
        mediaType = MediaTypes.normalise(mediaType);
    }

    public static EntityIds ofUser(String userId) {
        return new EntityIds(null, null, null, userId, null, null);
    }

    public static EntityIds ofQueue(String queueId, String mediaType) {
        return new EntityIds(null, null, null, null, queueId, mediaType);
    }
}
