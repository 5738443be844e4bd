package io.streamvane.simulator;

import io.streamvane.simulator.events.EnvelopeMix;
import io.streamvane.simulator.events.EnvelopeSettings;
import io.streamvane.simulator.faults.FaultConfig;

/** How the simulated events are delivered: envelope shapes, envelope constants and faults. */
public record EmissionConfig(EnvelopeMix mix, EnvelopeSettings envelopes, FaultConfig faults) {

    public static EmissionConfig defaults() {
        return new EmissionConfig(EnvelopeMix.defaults(), EnvelopeSettings.defaults(), FaultConfig.none());
    }

    public EmissionConfig withFaults(FaultConfig newFaults) {
        return new EmissionConfig(mix, envelopes, newFaults);
    }
}
