package io.streamvane.simulator.faults;

import io.streamvane.simulator.events.PlannedDelivery;
import java.util.List;

/** Deliveries in send order, and the report of the faults that shaped them. */
public record FaultPlan(List<PlannedDelivery> deliveries, FaultReport report) {

    public FaultPlan {
        deliveries = List.copyOf(deliveries);
    }
}
