package io.streamvane.simulator.model;

import java.time.Duration;

/** When an agent works, as offsets from the simulation start; one break per shift. */
public record Shift(Duration start, Duration length, Duration breakAfter, Duration breakLength) {

    public Duration end() {
        return start.plus(length);
    }
}
