package io.streamvane.egress.delivery;

import io.streamvane.egress.intervals.QueueInterval;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.ServiceLevelSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The queue-interval row every push sink sends (SPEC §3.3): the fields of the interval API's row (§3.1, the api
 * package's {@code QueueIntervalRow}) plus queueName, intervalMinutes, slThresholdSeconds, revision and isFinal, a
 * payload id that makes redeliveries idempotent, and a few conveniences that WFM import formats ask for (seconds
 * instead of milliseconds, SL as a percentage with its denominator, date and time apart). A separate type from the
 * API's row because it is a separate contract: sinks and WFM column mappings name these fields, the REST schema
 * does not. Built from the one reader's {@link QueueInterval}; derived values come from {@link DerivedKpis} only.
 *
 * @param intervalEnd where the bucket ends (a local day lasts 23 to 25 hours across a DST change)
 * @param zone     the queue's site time zone: the bucket is its local period, intervalDate and intervalTime are on its
 *                 clock and intervalStartLocal/intervalEndLocal carry its offset (intervalStart/intervalEnd stay UTC,
 *                 as WFM imports' "UTC" columns take them)
 * @param revision for a base bucket the stored row's revision; for a coarser row the sum of its buckets' revisions,
 *                 which grows whenever any of them changes (every stored change bumps a revision, starting at 1);
 *                 0 for a zero row, an interval without any stored row sent by zero-fill
 */
public record QueueIntervalPayload(String queueId, String queueName, String mediaType, Instant intervalStart,
        Instant intervalEnd, Granularity granularity, ZoneId zone, IntervalComponents components,
        ServiceLevelSettings settings, double slTarget, int revision, boolean isFinal) implements IntervalPayload {

    public static final String IS_FINAL = "isFinal";

    /** Every field name of {@link #toMap()}, in its order; per-feed column mappings pick from these. */
    public static final List<String> FIELDS = fields();


    public QueueIntervalPayload {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(intervalEnd, "intervalEnd");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(settings, "settings");
    }

    /** The push shape of a row as read; a zero-filled row has revision 0, payload id ..._r0. */
    public static QueueIntervalPayload of(QueueInterval row) {
        return new QueueIntervalPayload(row.queueId(), row.queueName(), row.mediaType(), row.start(), row.end(),
                row.granularity(), row.zone(), row.components(), row.settings(), row.slTarget(),
                Math.toIntExact(row.revision()), row.isFinal());
    }

    /** Identifies the row regardless of revision: queueId|mediaType|granularity|intervalStart. */
    @Override
    public String rowKey() {
        return rowKey(queueId, mediaType, granularity, intervalStart);
    }

    public static String rowKey(String queueId, String mediaType, Granularity granularity, Instant intervalStart) {
        return queueId + "|" + mediaType + "|" + granularity + "|" + intervalStart;
    }

    /**
     * Row key + revision, in the characters Standard Webhooks allows in {@code webhook-id} (no '.'), e.g.
     * {@code kpi_<queueId>_voice_PT15M_20250304T0915Z_r3}.
     */
    @Override
    public String payloadId() {
        String raw = "kpi_" + queueId + "_" + mediaType + "_" + granularity + "_" + RowFields.compact(intervalStart)
                + "_r" + revision;
        return raw.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Override
    public Map<String, Object> toMap() {
        IntervalComponents c = components;
        DerivedKpis d = DerivedKpis.of(c, settings);
        long slDenominator = DerivedKpis.serviceLevelDenominator(c, settings);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", payloadId());
        m.put("queueId", queueId);
        m.put("queueName", queueName);
        m.put("mediaType", mediaType);
        RowFields.put(m, intervalStart, intervalEnd, granularity, zone);
        for (QueueMetric metric : QueueMetric.components()) {
            m.put(metric.field(), metric.valueOf(c, settings));
        }
        m.put("answerWaitSeconds", RowFields.seconds(c.answerWaitMs()));
        m.put("abandonWaitSeconds", RowFields.seconds(c.abandonWaitMs()));
        m.put("handleSeconds", RowFields.seconds(c.handleMs()));
        m.put("talkSeconds", RowFields.seconds(c.talkMs()));
        m.put("holdSeconds", RowFields.seconds(c.holdMs()));
        m.put("acwSeconds", RowFields.seconds(c.acwMs()));
        for (QueueMetric metric : QueueMetric.derived()) {
            m.put(metric.field(), metric.valueOf(c, settings));
        }
        m.put("serviceLevelPct", d.serviceLevel() == null ? null : d.serviceLevel() * 100);
        m.put("slDenominator", slDenominator);
        m.put("slThresholdSeconds", RowFields.seconds(settings.slThreshold().toMillis()));
        m.put("slTarget", slTarget);
        m.put("revision", revision);
        m.put("final", isFinal);
        m.put(IS_FINAL, isFinal);
        return m;
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(List.of("id", "queueId", "queueName", "mediaType"));
        fields.addAll(RowFields.NAMES);
        QueueMetric.components().forEach(m -> fields.add(m.field()));
        fields.addAll(List.of("answerWaitSeconds", "abandonWaitSeconds", "handleSeconds", "talkSeconds",
                "holdSeconds", "acwSeconds"));
        QueueMetric.derived().forEach(m -> fields.add(m.field()));
        fields.addAll(List.of("serviceLevelPct", "slDenominator", "slThresholdSeconds", "slTarget", "revision",
                "final", IS_FINAL));
        return List.copyOf(fields);
    }
}
