package io.streamvane.engine.projection;

import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.RoutingStatus;

/**
 * An additive change to one agent_interval row: the handle components and the time in each routing status column.
 * Statuses without a column of their own (UNKNOWN and values new to Genesys) go to {@code otherMs}.
 */
public record AgentDelta(long handled, long handleMs, long talkMs, long holdMs, long acwMs,
        long idleMs, long interactingMs, long communicatingMs, long notRespondingMs, long offQueueMs, long otherMs) {

    public static final AgentDelta ZERO = new AgentDelta(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static AgentDelta ofHandle(IntervalComponents c) {
        return new AgentDelta(c.handled(), c.handleMs(), c.talkMs(), c.holdMs(), c.acwMs(), 0, 0, 0, 0, 0, 0);
    }

    public static AgentDelta ofStatus(RoutingStatus status, long ms) {
        return switch (status) {
            case IDLE -> new AgentDelta(0, 0, 0, 0, 0, ms, 0, 0, 0, 0, 0);
            case INTERACTING -> new AgentDelta(0, 0, 0, 0, 0, 0, ms, 0, 0, 0, 0);
            case COMMUNICATING -> new AgentDelta(0, 0, 0, 0, 0, 0, 0, ms, 0, 0, 0);
            case NOT_RESPONDING -> new AgentDelta(0, 0, 0, 0, 0, 0, 0, 0, ms, 0, 0);
            case OFF_QUEUE -> new AgentDelta(0, 0, 0, 0, 0, 0, 0, 0, 0, ms, 0);
            case UNKNOWN -> new AgentDelta(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ms);
        };
    }

    public AgentDelta plus(AgentDelta o) {
        return new AgentDelta(Math.addExact(handled, o.handled), Math.addExact(handleMs, o.handleMs),
                Math.addExact(talkMs, o.talkMs), Math.addExact(holdMs, o.holdMs), Math.addExact(acwMs, o.acwMs),
                Math.addExact(idleMs, o.idleMs), Math.addExact(interactingMs, o.interactingMs),
                Math.addExact(communicatingMs, o.communicatingMs), Math.addExact(notRespondingMs, o.notRespondingMs),
                Math.addExact(offQueueMs, o.offQueueMs), Math.addExact(otherMs, o.otherMs));
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    long[] values() {
        return new long[] {handled, handleMs, talkMs, holdMs, acwMs, idleMs, interactingMs, communicatingMs,
                notRespondingMs, offQueueMs, otherMs};
    }
}
