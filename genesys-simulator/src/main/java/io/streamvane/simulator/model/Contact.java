package io.streamvane.simulator.model;

/** A customer conversation moving through queues; mutable, owned by the simulation. */
final class Contact {

    enum State { WAITING, ALERTING, CONNECTED, DONE }

    final long sequence;
    final String conversationId;
    final MediaType media;
    State state = State.WAITING;
    Leg acdLeg;
    long enteredQueueAtMs;
    /** Bumped when a queue visit ends, so its pending abandon / flow-out timers become no-ops. */
    int visitToken;
    /** Bumped when an alert ends, so its pending answer / no-answer action becomes a no-op. */
    int alertToken;
    AgentState alertedAgent;

    Contact(long sequence, String conversationId, MediaType media) {
        this.sequence = sequence;
        this.conversationId = conversationId;
        this.media = media;
    }

    String queueId() {
        return acdLeg.queueId();
    }
}
