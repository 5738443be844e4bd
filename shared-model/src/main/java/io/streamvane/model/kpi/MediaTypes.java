package io.streamvane.model.kpi;

import java.util.Locale;

/**
 * The one normalisation of a Genesys media type (SPEC §1.2): trimmed, lower case, and the queue-settings spelling
 * {@code call} read as the analytics media type {@code voice}. Events, queue settings and request parameters all
 * pass through it, so one conversation's ACD and handle components land on one row.
 */
public final class MediaTypes {

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
}
