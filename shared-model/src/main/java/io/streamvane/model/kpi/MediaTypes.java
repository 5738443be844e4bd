package io.streamvane.model.kpi;

import java.util.Locale;
import java.util.Set;

/**
 * The one normalisation of a Genesys media type (SPEC §1.2): trimmed, lower case, and the queue-settings spelling
 * {@code call} read as the analytics media type {@code voice}. Events, queue settings and request parameters all
 * pass through it, so one conversation's ACD and handle components land on one row.
 */
public final class MediaTypes {

    /**
     * Every media type Genesys names, normalised: the detail-event topics' {@code mediaType} enum of the platform SDK
     * (198.1.0: unknown … message), and those the API documents since (internalmessage, screenmonitoring, workitem).
     * Ingress refuses any other, so a typo or junk cannot open a queue row of its own.
     */
    public static final Set<String> KNOWN = Set.of("unknown", "voice", "chat", "email", "callback", "cobrowse",
            "video", "screenshare", "message", "internalmessage", "screenmonitoring", "workitem");

    private MediaTypes() {
    }

    /** Null stays null. */
    public static String normalise(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        String lower = mediaType.trim().toLowerCase(Locale.ROOT);
        return lower.equals("call") ? "voice" : lower;
    }

    /** Whether {@code mediaType}, normalised, is one Genesys names. */
    public static boolean isKnown(String mediaType) {
        return mediaType != null && KNOWN.contains(normalise(mediaType));
    }
}
