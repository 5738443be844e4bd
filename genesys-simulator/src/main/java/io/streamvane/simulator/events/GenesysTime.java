package io.streamvane.simulator.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Genesys writes ISO times with milliseconds always present ({@code .000Z}); Instant.toString would drop them. */
public final class GenesysTime {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private GenesysTime() {
    }

    public static String isoMillis(long epochMs) {
        return MILLIS.format(Instant.ofEpochMilli(epochMs));
    }

    /** EventBridge's top-level {@code time} has whole seconds. */
    public static String isoSeconds(long epochMs) {
        return SECONDS.format(Instant.ofEpochMilli(epochMs));
    }
}
