package io.streamvane.simulator.model;

/** How an ACD (queue) session ended, as {@code acd.end.acdOutcome} spells it. */
public enum AcdOutcome {
    ANSWERED, ABANDON, FLOW_OUT
}
