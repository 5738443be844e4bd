package io.streamvane.simulator.api;

import io.streamvane.simulator.model.DefaultContactCenter;
import io.streamvane.simulator.model.SystemPresence;

/** The simulated org has one organisation presence per system presence, with stable ids. */
final class Presences {

    private Presences() {
    }

    static String organizationPresenceId(SystemPresence presence) {
        return DefaultContactCenter.stableId("presence", presence.ordinal());
    }
}
