package io.streamvane.simulator.model;

/** An agent's live state; mutable, owned by the simulation. */
final class AgentState {

    final AgentSpec spec;
    RoutingStatus routing = RoutingStatus.OFF_QUEUE;
    long routingSinceMs;
    SystemPresence presence = SystemPresence.OFFLINE;
    long presenceSinceMs;
    long idleSinceMs;
    boolean breakDue;
    boolean logOffDue;
    Contact contact;
    Leg userLeg;
    long alertStartMs;
    long alertingMs;
    long interactingMs;
    long heldMs;

    AgentState(AgentSpec spec, long startMs) {
        this.spec = spec;
        this.routingSinceMs = startMs;
        this.presenceSinceMs = startMs;
    }

    String id() {
        return spec.id();
    }

    boolean available() {
        return presence == SystemPresence.ON_QUEUE && routing == RoutingStatus.IDLE;
    }

    boolean serves(String queueId, MediaType media) {
        return spec.media().contains(media) && spec.queueIds().contains(queueId);
    }
}
