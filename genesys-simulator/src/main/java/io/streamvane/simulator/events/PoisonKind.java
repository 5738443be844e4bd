package io.streamvane.simulator.events;

/** Bad input of SPEC §1.4 that ingress must reject with a reason and without losing anything else. */
public enum PoisonKind {
    /** Truncated JSON text. */
    MALFORMED_JSON,
    /** Valid JSON that is none of the known envelopes. */
    UNKNOWN_ENVELOPE,
    /** A well-formed acd.start whose conversation id is absent from both the body and the topic name. */
    MISSING_CONVERSATION_ID
}
