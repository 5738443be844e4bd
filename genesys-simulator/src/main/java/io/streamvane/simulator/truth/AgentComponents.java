package io.streamvane.simulator.truth;

/**
 * The additive agent KPI components of SPEC §2 for one bucket. Simulated contacts are inbound, so handle time has no
 * dialing or contacting: handleMs = talk + hold + ACW.
 */
public record AgentComponents(long handled, long handleMs, long talkMs, long holdMs, long acwMs) {

    public static final AgentComponents ZERO = new AgentComponents(0, 0, 0, 0, 0);

    public static AgentComponents segment(long talkMs, long holdMs, long acwMs) {
        boolean handled = talkMs > 0 || acwMs > 0;
        return new AgentComponents(handled ? 1 : 0, talkMs + holdMs + acwMs, talkMs, holdMs, acwMs);
    }

    public AgentComponents plus(AgentComponents o) {
        return new AgentComponents(handled + o.handled, handleMs + o.handleMs, talkMs + o.talkMs, holdMs + o.holdMs,
                acwMs + o.acwMs);
    }
}
