package io.streamvane.egress.delivery;

import io.streamvane.egress.intervals.AgentInterval;
import io.streamvane.model.kpi.AgentComponents;
import io.streamvane.model.kpi.AgentMetric;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.ServiceLevelSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agent-activity row the push sinks send: per agent and interval, every component of the {@link AgentMetric}
 * catalogue (handle components, time in each routing status and system presence) in milliseconds and seconds, AHT and
 * occupancy from their one definition each, the local period in the deployment's zone, and a payload id that makes
 * redeliveries idempotent.
 *
 * @param revision the sum of the bucket's base rows' revisions (grows with any change of them)
 */
public record AgentIntervalPayload(String userId, String agentName, Instant intervalStart, Instant intervalEnd,
        Granularity granularity, ZoneId zone, AgentComponents components, int revision, boolean isFinal)
        implements IntervalPayload {

    /** Every field name of {@link #toMap()}, in its order. */
    public static final List<String> FIELDS = fields();


    public AgentIntervalPayload {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(components, "components");
    }

    public static AgentIntervalPayload of(AgentInterval row, String agentName) {
        return new AgentIntervalPayload(row.userId(), agentName, row.start(), row.end(), row.granularity(), row.zone(),
                row.components(), Math.toIntExact(row.revision()), row.isFinal());
    }

    /** {@code agent|userId|granularity|intervalStart}: never equal to a queue row's key. */
    @Override
    public String rowKey() {
        return "agent|" + userId + "|" + granularity + "|" + intervalStart;
    }

    /** E.g. {@code kpi_agent_<userId>_PT15M_20250304T0915Z_r3}, in the characters Standard Webhooks allows. */
    @Override
    public String payloadId() {
        return ("kpi_agent_" + userId + "_" + granularity + "_" + RowFields.compact(intervalStart) + "_r" + revision)
                .replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", payloadId());
        m.put("rowKind", "agent");
        m.put("userId", userId);
        m.put("agentName", agentName);
        RowFields.put(m, intervalStart, intervalEnd, granularity, zone);
        for (AgentMetric metric : AgentMetric.values()) {
            m.put(metric.field(), components.get(metric));
        }
        for (AgentMetric metric : AgentMetric.values()) {
            if (metric != AgentMetric.HANDLED) {
                m.put(secondsField(metric), RowFields.seconds(components.get(metric)));
            }
        }
        IntervalComponents handle = IntervalComponents.builder().handled(components.get(AgentMetric.HANDLED))
                .handleMs(components.get(AgentMetric.HANDLE_MS)).build();
        m.put("ahtSeconds", DerivedKpis.of(handle, ServiceLevelSettings.DEFAULTS).ahtSeconds());
        m.put("occupancy", components.occupancy());
        m.put("utilization", components.utilization());
        m.put("revision", revision);
        m.put("final", isFinal);
        m.put(QueueIntervalPayload.IS_FINAL, isFinal);
        return m;
    }

    /** {@code talkMs} → {@code talkSeconds}. */
    private static String secondsField(AgentMetric metric) {
        return metric.field().replaceAll("Ms$", "Seconds");
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(List.of("id", "rowKind", "userId", "agentName"));
        fields.addAll(RowFields.NAMES);
        for (AgentMetric m : AgentMetric.values()) {
            fields.add(m.field());
        }
        for (AgentMetric m : AgentMetric.values()) {
            if (m != AgentMetric.HANDLED) {
                fields.add(secondsField(m));
            }
        }
        fields.addAll(List.of("ahtSeconds", "occupancy", "utilization", "revision", "final",
                QueueIntervalPayload.IS_FINAL));
        return List.copyOf(fields);
    }
}
