package io.streamvane.model.kpi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of agent interval metrics (SPEC §2, agent intervals): each stored component of an agent_interval row
 * once, with the Genesys user or conversation aggregate it equals. Every surface (the store's columns, REST rows, the
 * OData EDM, the reporting view) is read from here; {@link AgentComponents} holds one value per entry, in this order.
 *
 * <p>Three families: the handle components of the agent's segments (summed over its queues and media), time in each
 * routing status ({@code tAgentRoutingStatus}, qualified by status) and time in each system presence
 * ({@code tSystemPresence}, qualified by presence). Both times run from the start of a state to the next known start
 * of the same agent, the last state up to the watermark, split at bucket boundaries.
 */
public enum AgentMetric {

    HANDLED(Family.HANDLE, "tHandle.count", null),
    HANDLE_MS(Family.HANDLE, "tHandle.sum", null),
    TALK_MS(Family.HANDLE, "tTalk.sum", null),
    HOLD_MS(Family.HANDLE, "tHeld.sum", null),
    ACW_MS(Family.HANDLE, "tAcw.sum", null),

    IDLE_MS(Family.ROUTING_STATUS, "tAgentRoutingStatus", "IDLE"),
    INTERACTING_MS(Family.ROUTING_STATUS, "tAgentRoutingStatus", "INTERACTING"),
    COMMUNICATING_MS(Family.ROUTING_STATUS, "tAgentRoutingStatus", "COMMUNICATING"),
    NOT_RESPONDING_MS(Family.ROUTING_STATUS, "tAgentRoutingStatus", "NOT_RESPONDING"),
    OFF_QUEUE_MS(Family.ROUTING_STATUS, "tAgentRoutingStatus", "OFF_QUEUE"),
    /** A routing status new to Genesys, so that the statuses always add up to the agent's time. */
    OTHER_MS(Family.ROUTING_STATUS, "tAgentRoutingStatus", null),

    PRESENCE_AVAILABLE_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "AVAILABLE"),
    PRESENCE_AWAY_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "AWAY"),
    PRESENCE_BUSY_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "BUSY"),
    PRESENCE_OFFLINE_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "OFFLINE"),
    PRESENCE_IDLE_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "IDLE"),
    PRESENCE_ON_QUEUE_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "ON_QUEUE"),
    PRESENCE_MEAL_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "MEAL"),
    PRESENCE_TRAINING_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "TRAINING"),
    PRESENCE_MEETING_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "MEETING"),
    PRESENCE_BREAK_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", "BREAK"),
    /** A presence new to Genesys, or a presence definition whose system presence is not known yet. */
    PRESENCE_OTHER_MS(Family.SYSTEM_PRESENCE, "tSystemPresence", null);

    /** What a metric measures, and so which events give it. */
    public enum Family {
        /** the agent's segments' handle components (user.start / user.end / acw) */
        HANDLE,
        /** time in a routing status (routingStatus / activity events) */
        ROUTING_STATUS,
        /** time in a system presence (presence / activity events) */
        SYSTEM_PRESENCE
    }

    /** The dimensions every agent metric has: a row is one agent and interval. */
    public static final List<String> DIMENSIONS = List.of("userId", "intervalStart", "intervalEnd");

    private final Family family;
    private final String genesysMetric;
    private final String qualifier;
    private final String column = MetricNames.column(name());
    private final String field = MetricNames.field(name());

    AgentMetric(Family family, String genesysMetric, String qualifier) {
        this.family = family;
        this.genesysMetric = genesysMetric;
        this.qualifier = qualifier;
    }

    public Family family() {
        return family;
    }

    /** The Genesys metric it equals ({@code tAgentRoutingStatus}, {@code tSystemPresence}, a handle stat). */
    public String genesysMetric() {
        return genesysMetric;
    }

    /** The Genesys qualifier of a status or presence time; empty for handle stats and for the "other" columns. */
    public Optional<String> qualifier() {
        return Optional.ofNullable(qualifier);
    }

    /** The snake_case name of the store's and the reporting view's column. */
    public String column() {
        return column;
    }

    /** The camelCase name of REST and OData. */
    public String field() {
        return field;
    }

    /** Where time in a routing status goes; statuses without a column of their own go to {@link #OTHER_MS}. */
    public static AgentMetric of(RoutingStatus status) {
        return byQualifier(Family.ROUTING_STATUS, status.name()).orElse(OTHER_MS);
    }

    /**
     * Where time in a system presence (its analytics name, e.g. {@code ON_QUEUE}) goes; presences without a column go
     * to {@link #PRESENCE_OTHER_MS}.
     */
    public static AgentMetric ofSystemPresence(String presence) {
        return byQualifier(Family.SYSTEM_PRESENCE, presence).orElse(PRESENCE_OTHER_MS);
    }

    /** The metric a Genesys user-aggregate stat lands in, if Streamvane keeps it. */
    public static Optional<AgentMetric> ofGenesys(String metric, String qualifier) {
        return Arrays.stream(values())
                .filter(m -> m.family != Family.HANDLE && m.genesysMetric.equals(metric)
                        && m.qualifier != null && m.qualifier.equalsIgnoreCase(qualifier))
                .findFirst();
    }

    public static List<AgentMetric> of(Family family) {
        return Arrays.stream(values()).filter(m -> m.family == family).toList();
    }

    private static Optional<AgentMetric> byQualifier(Family family, String qualifier) {
        return Arrays.stream(values()).filter(m -> m.family == family && qualifier.equals(m.qualifier)).findFirst();
    }
}
