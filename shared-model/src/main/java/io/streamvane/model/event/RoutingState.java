package io.streamvane.model.event;

import io.streamvane.model.kpi.RoutingStatus;

import java.time.Instant;

/** A routing status and since when it holds ({@code routingStatus{status, startTime}}). */
public record RoutingState(String status, Instant startTime) {

    public RoutingStatus asRoutingStatus() {
        return GenesysEnums.routingStatus(status);
    }
}
