package io.streamvane.model.kpi;

import java.util.Arrays;

/**
 * The stored components of one agent interval, one value per {@link AgentMetric} in catalogue order: additive, so a
 * delta and a row are the same shape and rows roll up by adding.
 */
public final class AgentComponents {

    public static final AgentComponents ZERO = new AgentComponents(new long[AgentMetric.values().length]);

    private final long[] values;

    private AgentComponents(long[] values) {
        this.values = values;
    }

    /** Reads one component's value, e.g. from a result set column named {@link AgentMetric#column()}. */
    @FunctionalInterface
    public interface Source<E extends Exception> {
        long get(AgentMetric metric) throws E;
    }

    /** A row read metric by metric, e.g. {@code read(m -> rs.getLong(m.column()))}. */
    public static <E extends Exception> AgentComponents read(Source<E> source) throws E {
        long[] v = new long[AgentMetric.values().length];
        for (AgentMetric m : AgentMetric.values()) {
            v[m.ordinal()] = source.get(m);
        }
        return new AgentComponents(v);
    }

    public static AgentComponents of(AgentMetric metric, long value) {
        long[] v = new long[AgentMetric.values().length];
        v[metric.ordinal()] = value;
        return new AgentComponents(v);
    }

    /** The handle components of a segment delta. */
    public static AgentComponents ofHandle(IntervalComponents c) {
        return read(m -> switch (m) {
            case HANDLED -> c.handled();
            case HANDLE_MS -> c.handleMs();
            case TALK_MS -> c.talkMs();
            case HOLD_MS -> c.holdMs();
            case ACW_MS -> c.acwMs();
            default -> 0;
        });
    }

    public long get(AgentMetric metric) {
        return values[metric.ordinal()];
    }

    public AgentComponents plus(AgentComponents o) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.addExact(values[i], o.values[i]);
        }
        return new AgentComponents(v);
    }

    public AgentComponents negate() {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.negateExact(values[i]);
        }
        return new AgentComponents(v);
    }

    public boolean isZero() {
        return Arrays.stream(values).allMatch(x -> x == 0);
    }

    /** The values in catalogue order, e.g. to bind one array per column. */
    public long[] toArray() {
        return values.clone();
    }

    /**
     * Occupancy of SPEC §2 from the routing-status times: INTERACTING / (INTERACTING + IDLE + COMMUNICATING), Genesys'
     * own (time interacting over actual on-queue time).
     */
    public Double occupancy() {
        return Occupancy.of(get(AgentMetric.INTERACTING_MS), get(AgentMetric.IDLE_MS),
                get(AgentMetric.COMMUNICATING_MS));
    }

    /** Time logged in: in any system presence but Offline. */
    public long loggedInMs() {
        long sum = 0;
        for (AgentMetric m : AgentMetric.of(AgentMetric.Family.SYSTEM_PRESENCE)) {
            if (m != AgentMetric.PRESENCE_OFFLINE_MS) {
                sum = Math.addExact(sum, get(m));
            }
        }
        return sum;
    }

    /**
     * Utilization: INTERACTING time over logged-in time, 0..1, null without logged-in time. Genesys Cloud has no such
     * metric (its "utilization" is an agent's capacity per media type); Genesys' glossary defines agent utilization as
     * the share of time at work spent on interactions and their related work, which INTERACTING covers (after-call
     * work included), where occupancy counts on-queue time only.
     */
    public Double utilization() {
        long loggedIn = loggedInMs();
        return loggedIn <= 0 ? null : (double) get(AgentMetric.INTERACTING_MS) / loggedIn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentComponents other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("AgentComponents[");
        for (AgentMetric m : AgentMetric.values()) {
            if (values[m.ordinal()] != 0) {
                b.append(m.field()).append('=').append(values[m.ordinal()]).append(' ');
            }
        }
        return b.append(']').toString();
    }
}
