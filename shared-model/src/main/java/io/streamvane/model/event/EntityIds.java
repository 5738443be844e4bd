package io.streamvane.model.event;

import io.streamvane.model.kpi.MediaTypes;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /** Genesys entity ids are UUIDs in their canonical 36-character form; any case. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public EntityIds {
        mediaType = MediaTypes.normalise(mediaType);
    }

    /**
     * Why these ids cannot be Genesys', if they cannot: an id that is not a UUID ({@link RejectionReason#INVALID_ID})
     * or a media type Genesys does not name ({@link RejectionReason#UNKNOWN_MEDIA_TYPE}). The values are not echoed:
     * they are whatever a caller sent.
     */
    public Optional<Problem> problem() {
        String[][] ids = {{"conversationId", conversationId}, {"participantId", participantId},
                {"sessionId", sessionId}, {"userId", userId}, {"queueId", queueId}};
        for (String[] id : ids) {
            if (id[1] != null && !UUID.matcher(id[1]).matches()) {
                return Optional.of(new Problem(RejectionReason.INVALID_ID, id[0] + " is not a Genesys id (a UUID, "
                        + "36 characters); " + id[1].length() + " characters received"));
            }
        }
        if (mediaType != null && !MediaTypes.isKnown(mediaType)) {
            return Optional.of(new Problem(RejectionReason.UNKNOWN_MEDIA_TYPE,
                    "mediaType is none of Genesys' media types " + new java.util.TreeSet<>(MediaTypes.KNOWN)));
        }
        return Optional.empty();
    }

    /** A reason to refuse an event, and what to tell its sender. */
    public record Problem(RejectionReason reason, String detail) {
    }

    public static EntityIds ofUser(String userId) {
        return new EntityIds(null, null, null, userId, null, null);
    }

    public static EntityIds ofQueue(String queueId, String mediaType) {
        return new EntityIds(null, null, null, null, queueId, mediaType);
    }
}
