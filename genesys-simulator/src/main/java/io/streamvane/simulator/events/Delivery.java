package io.streamvane.simulator.events;

/**
 * One item a message carries: a Genesys event in an envelope, or a poison item ({@code event} null).
 * The flags say which fault produced it, so tests can measure fault rates from the output.
 */
public record Delivery(EnvelopeType envelope, GenesysEvent event, PoisonKind poison, boolean duplicate,
                       boolean late) {

    public static Delivery of(GenesysEvent event, EnvelopeType envelope, boolean duplicate, boolean late) {
        return new Delivery(envelope, event, null, duplicate, late);
    }

    public static Delivery poison(PoisonKind kind, EnvelopeType envelope) {
        return new Delivery(envelope, null, kind, false, false);
    }

    public boolean isPoison() {
        return poison != null;
    }
}
