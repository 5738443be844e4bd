package io.streamvane.egress.kpi;

import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link ServiceLevelPolicy} a query uses: configured layers, then the {@code sl_settings_override} rows
 * (the shared runtime settings every service and the reporting views see) field by field over them, then the
 * thresholds synced from Genesys ({@code queue_media_sl}). Read per call: three small tables, always current.
 */
@Component
public class ServiceLevelPolicySource {

    private final JdbcClient jdbc;
    private final ServiceLevelProperties configured;

    public ServiceLevelPolicySource(JdbcClient jdbc, ServiceLevelProperties configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    public ServiceLevelPolicy current() {
        ServiceLevelOverride global = configured.global();
        Map<String, ServiceLevelOverride> media = new HashMap<>();
        configured.mediaTypes().forEach((m, l) -> media.put(QueueMedia.normaliseMediaType(m), l.toOverride()));
        Map<String, ServiceLevelOverride> queues = new HashMap<>();
        configured.queues().forEach((q, l) -> queues.put(q, l.toOverride()));
        Map<QueueMedia, ServiceLevelOverride> queueMedia = new HashMap<>();
        configured.queueMediaTypes().forEach((q, byMedia) ->
                byMedia.forEach((m, l) -> queueMedia.put(new QueueMedia(q, m), l.toOverride())));

        for (StoredOverride row : storedOverrides()) {
            if (row.queueId == null && row.mediaType == null) {
                global = over(global, row.override);
            } else if (row.queueId == null) {
                media.merge(QueueMedia.normaliseMediaType(row.mediaType), row.override, ServiceLevelPolicySource::over);
            } else if (row.mediaType == null) {
                queues.merge(row.queueId, row.override, ServiceLevelPolicySource::over);
            } else {
                queueMedia.merge(new QueueMedia(row.queueId, row.mediaType), row.override,
                        ServiceLevelPolicySource::over);
            }
        }

        ServiceLevelPolicy.Builder b = ServiceLevelPolicy.builder().global(global);
        media.forEach(b::mediaType);
        queues.forEach(b::queue);
        queueMedia.forEach((qm, o) -> b.queueAndMediaType(qm.queueId(), qm.mediaType(), o));
        jdbc.sql("SELECT queue_id, media_type, sl_threshold_ms FROM queue_media_sl")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                .list()
                .forEach(r -> b.syncedThreshold((String) r[0], (String) r[1], Duration.ofMillis((Long) r[2])));
        return b.build();
    }

    private java.util.List<StoredOverride> storedOverrides() {
        return jdbc.sql("""
                        SELECT queue_id, media_type, sl_threshold_ms, short_abandon_threshold_ms, include_abandons,
                               exclude_short_abandons, include_flow_outs
                        FROM sl_settings_override""")
                .query((rs, i) -> new StoredOverride(rs.getString(1), rs.getString(2), new ServiceLevelOverride(
                        millis(rs.getObject(3, Long.class)), millis(rs.getObject(4, Long.class)),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7))))
                .list();
    }

    /** {@code top} over {@code base}: each field {@code top} sets wins. */
    static ServiceLevelOverride over(ServiceLevelOverride base, ServiceLevelOverride top) {
        return new ServiceLevelOverride(
                pick(top.slThreshold(), base.slThreshold()),
                pick(top.shortAbandonThreshold(), base.shortAbandonThreshold()),
                pick(top.includeAbandons(), base.includeAbandons()),
                pick(top.excludeShortAbandons(), base.excludeShortAbandons()),
                pick(top.includeFlowOuts(), base.includeFlowOuts()));
    }

    private static <T> T pick(T top, T base) {
        return top != null ? top : base;
    }

    private static Duration millis(Long ms) {
        return ms == null ? null : Duration.ofMillis(ms);
    }

    private record StoredOverride(String queueId, String mediaType, ServiceLevelOverride override) {
    }
}
