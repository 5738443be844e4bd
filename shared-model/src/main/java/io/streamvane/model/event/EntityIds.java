package io.streamvane.model.event;

import io.streamvane.model.kpi.MediaTypes;
import java.util.Optional;

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

    /**
     * Why these ids cannot be Genesys', if they cannot: an id that is not a UUID ({@link RejectionReason#INVALID_ID})
     * or a media type Genesys does not name ({@link RejectionReason#UNKNOWN_MEDIA_TYPE}). The values are not echoed:
     * they are whatever a caller sent.
     */
    public Optional<Problem> problem() {
        String[][] ids = {{"conversationId", conversationId}, {"participantId", participantId},
                {"sessionId", sessionId}, {"userId", userId}, {"queueId", queueId}};
        for (String[] id : ids) {
            if (id[1] != null && !isUuid(id[1])) {
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

    /**
     * Genesys entity ids are UUIDs in their canonical 36-character form, any case: hex digits with hyphens at 8, 13,
     * 18 and 23. Checked by position: a pattern per id was a sixteenth of ingress CPU.
     */
    static boolean isUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
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
