package io.streamvane.simulator.api;

import io.streamvane.simulator.model.Leg;
import io.streamvane.simulator.model.RoutingStatus;
import io.streamvane.simulator.model.SimEvent;
import io.streamvane.simulator.model.SystemPresence;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contact center at one instant, replayed from the model's events up to it (the model keeps no snapshots):
 * contacts waiting in each queue since when, contacts with an agent, and each agent's routing status and presence.
 * Agents with no event yet are OFFLINE and OFF_QUEUE, as the model starts them.
 */
final class SimulationState {

    record Waiting(Leg leg, long sinceMs) {
    }

    /** An agent's state; the since-times are when each began, -1 when no event has said so. */
    record Agent(RoutingStatus routing, SystemPresence presence, long routingSinceMs, long presenceSinceMs) {

        Agent(RoutingStatus routing, SystemPresence presence) {
            this(routing, presence, -1, -1);
        }
    }

    static final Agent LOGGED_OUT = new Agent(RoutingStatus.OFF_QUEUE, SystemPresence.OFFLINE);

    final Map<Leg, Waiting> waiting = new LinkedHashMap<>();
    final Map<String, Leg> interacting = new HashMap<>();
    final Map<String, Agent> agents = new HashMap<>();

    static SimulationState at(List<SimEvent> events, long nowMs) {
        SimulationState state = new SimulationState();
        for (SimEvent event : events) {
            if (event.atMs() > nowMs) {
                break;
            }
            if (event instanceof SimEvent.AcdStarted s) {
                state.waiting.put(s.leg(), new Waiting(s.leg(), s.atMs()));
            } else if (event instanceof SimEvent.AcdEnded e) {
                state.waiting.remove(e.leg());
            } else if (event instanceof SimEvent.UserStarted u) {
                state.interacting.put(u.leg().sessionId(), u.leg());
            } else if (event instanceof SimEvent.UserEnded u) {
                state.interacting.remove(u.leg().sessionId());
            } else if (event instanceof SimEvent.AgentStatusChanged a) {
                state.agents.put(a.userId(), new Agent(a.routingStatus(), a.presence(), a.routingSinceMs(),
                        a.presenceSinceMs()));
            }
        }
        return state;
    }

    Agent agent(String userId) {
        return agents.getOrDefault(userId, LOGGED_OUT);
    }
}
