package io.streamvane.simulator.faults;

import io.streamvane.simulator.events.GenesysEvent;
import java.util.List;

/**
 * What the faults did: counts per fault and the events the outage swallowed (what gap-fill must recover).
 *
 * @param events    distinct Genesys events the simulation produced
 * @param delivered deliveries of real events, duplicates included, poison excluded
 */
public record FaultReport(int events, int delivered, int duplicates, int late, int poison,
                          List<GenesysEvent> droppedByOutage) {

    public FaultReport {
        droppedByOutage = List.copyOf(droppedByOutage);
    }
}
