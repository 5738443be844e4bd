package io.streamvane.model.event;

import java.time.Instant;

/**
 * A presence and since when it holds.
 *
 * @param systemPresence       {@code presenceDefinition.systemPresence}, as Genesys spelled it
 * @param presenceDefinitionId {@code presenceDefinition.id}, the organisation's (secondary) presence
 */
public record PresenceState(String systemPresence, String presenceDefinitionId, Instant modifiedDate) {

    public SystemPresence asSystemPresence() {
        return SystemPresence.of(systemPresence);
    }
}
