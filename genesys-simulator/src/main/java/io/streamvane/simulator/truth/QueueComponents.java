package io.streamvane.simulator.truth;

/** The additive queue KPI components of SPEC §2 for one bucket; sums of buckets give coarser intervals. */
public record QueueComponents(long offered, long answered, long answeredWithinSl, long abandoned, long shortAbandoned,
                              long flowOuts, long answerWaitMs, long abandonWaitMs, long handled, long handleMs,
                              long talkMs, long holdMs, long acwMs) {

    public static final QueueComponents ZERO = new QueueComponents(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public QueueComponents plus(QueueComponents o) {
        return new QueueComponents(offered + o.offered, answered + o.answered, answeredWithinSl + o.answeredWithinSl,
                abandoned + o.abandoned, shortAbandoned + o.shortAbandoned, flowOuts + o.flowOuts,
                answerWaitMs + o.answerWaitMs, abandonWaitMs + o.abandonWaitMs, handled + o.handled,
                handleMs + o.handleMs, talkMs + o.talkMs, holdMs + o.holdMs, acwMs + o.acwMs);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** Contacts that left the queue one way or another. */
    public long completed() {
        return answered + abandoned + flowOuts;
    }

    static QueueComponents offer() {
        return new QueueComponents(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static QueueComponents answer(long waitMs, boolean withinSl) {
        return new QueueComponents(0, 1, withinSl ? 1 : 0, 0, 0, 0, waitMs, 0, 0, 0, 0, 0, 0);
    }

    static QueueComponents abandon(long waitMs, boolean isShort) {
        return new QueueComponents(0, 0, 0, 1, isShort ? 1 : 0, 0, 0, waitMs, 0, 0, 0, 0, 0);
    }

    static QueueComponents flowOut() {
        return new QueueComponents(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
    }

    static QueueComponents handle(AgentComponents agent) {
        return new QueueComponents(0, 0, 0, 0, 0, 0, 0, 0, agent.handled(), agent.handleMs(), agent.talkMs(),
                agent.holdMs(), agent.acwMs());
    }
}
