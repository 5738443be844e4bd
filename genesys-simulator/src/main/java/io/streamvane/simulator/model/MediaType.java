package io.streamvane.simulator.model;

import java.util.Locale;

/** Media types the simulator routes; events spell them upper case, KPIs lower case (SPEC §1.2). */
public enum MediaType {
    VOICE, CHAT, EMAIL, MESSAGE, CALLBACK;

    /** The spelling Genesys puts in detail events, e.g. {@code VOICE}. */
    public String wire() {
        return name();
    }

    /** The normalised spelling the KPI store and ground truth key on, e.g. {@code voice}. */
    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
