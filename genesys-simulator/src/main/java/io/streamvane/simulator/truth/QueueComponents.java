package io.streamvane.simulator.truth;

import java.lang.reflect.RecordComponent;
import java.util.function.ToLongFunction;

/**
 * The additive queue KPI components of SPEC §2 for one bucket; sums of buckets give coarser intervals. Kept apart
 * from the product's own components record on purpose: the oracle shares no code with what it checks.
 */
public record QueueComponents(long offered, long answered, long answeredWithinSl, long abandoned, long shortAbandoned,
                              long flowOuts, long answerWaitMs, long abandonWaitMs, long handled, long handleMs,
                              long talkMs, long holdMs, long acwMs, long abandonedWithinSl, long shortAbandonWaitMs,
                              long flowOutWaitMs, long held, long wrappedUp, long alerts, long alertMs,
                              long notResponding, long notRespondingMs, long transferred, long blindTransferred,
                              long consultTransferred, long dialingMs, long contactingMs) {

    private static final int WIDTH = QueueComponents.class.getRecordComponents().length;

    public static final QueueComponents ZERO = new QueueComponents(new long[WIDTH]);


    private QueueComponents(long[] v) {
        this(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15],
                v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26]);
    }

    /** The components a source gives by their camelCase names, e.g. a row of the product's JSON. */
    public static QueueComponents byName(ToLongFunction<String> field) {
        RecordComponent[] names = QueueComponents.class.getRecordComponents();
        long[] v = new long[names.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = field.applyAsLong(names[i].getName());
        }
        return new QueueComponents(v);
    }

    private long[] values() {
        return new long[] {offered, answered, answeredWithinSl, abandoned, shortAbandoned, flowOuts, answerWaitMs,
            abandonWaitMs, handled, handleMs, talkMs, holdMs, acwMs, abandonedWithinSl, shortAbandonWaitMs,
            flowOutWaitMs, held, wrappedUp, alerts, alertMs, notResponding, notRespondingMs, transferred,
            blindTransferred, consultTransferred, dialingMs, contactingMs};
    }

    public QueueComponents plus(QueueComponents o) {
        long[] a = values();
        long[] b = o.values();
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return new QueueComponents(a);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** Contacts that left the queue one way or another. */
    public long completed() {
        return answered + abandoned + flowOuts;
    }

    public static QueueComponents offer() {
        long[] v = new long[WIDTH];
        v[0] = 1;
        return new QueueComponents(v);
    }

    public static QueueComponents answer(long waitMs, boolean withinSl) {
        long[] v = new long[WIDTH];
        v[1] = 1;
        v[2] = withinSl ? 1 : 0;
        v[6] = waitMs;
        return new QueueComponents(v);
    }

    public static QueueComponents abandon(long waitMs, boolean isShort, boolean withinSl) {
        long[] v = new long[WIDTH];
        v[3] = 1;
        v[4] = isShort ? 1 : 0;
        v[7] = waitMs;
        v[13] = withinSl ? 1 : 0;
        v[14] = isShort ? waitMs : 0;
        return new QueueComponents(v);
    }

    public static QueueComponents flowOut(long waitMs) {
        long[] v = new long[WIDTH];
        v[5] = 1;
        v[15] = waitMs;
        return new QueueComponents(v);
    }

    /** A segment the model always wraps up: tAcw.count 1, tHeld.count 1 when it was held. */
    public static QueueComponents handle(AgentComponents agent) {
        long[] v = new long[WIDTH];
        v[8] = agent.handled();
        v[9] = agent.handleMs();
        v[10] = agent.talkMs();
        v[11] = agent.holdMs();
        v[12] = agent.acwMs();
        v[16] = agent.holdMs() > 0 ? 1 : 0;
        v[17] = 1;
        return new QueueComponents(v);
    }

    public static QueueComponents alert(long alertMs) {
        long[] v = new long[WIDTH];
        v[18] = 1;
        v[19] = alertMs;
        return new QueueComponents(v);
    }

    public static QueueComponents missedAlert(long alertMs) {
        long[] v = new long[WIDTH];
        v[20] = 1;
        v[21] = alertMs;
        return new QueueComponents(v);
    }

    public static QueueComponents transfer(boolean consult) {
        long[] v = new long[WIDTH];
        v[22] = 1;
        v[consult ? 24 : 23] = 1;
        return new QueueComponents(v);
    }
}
