package io.streamvane.egress.delivery;

import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds the same {@link ServiceLevelPolicy} as the engine from the same tables: thresholds synced from Genesys
 * ({@code queue_media_sl}) and the overrides services mirror into {@code sl_settings_override}, layered by
 * {@link ServiceLevelPolicy} itself. Egress has no configured layers of its own, so the stored ones are the whole
 * configuration. Cached for {@code maxAge}; read inside the caller's transaction.
 */
public final class ServiceLevelPolicyReader {

    private final Duration maxAge;
    private final Clock clock;
    private volatile ServiceLevelPolicy cached;
    private volatile Instant readAt = Instant.MIN;

    public ServiceLevelPolicyReader(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public ServiceLevelPolicy policy(Connection c) throws SQLException {
        Instant now = clock.instant();
        ServiceLevelPolicy p = cached;
        if (p != null && readAt.plus(maxAge).isAfter(now)) {
            return p;
        }
        p = read(c);
        cached = p;
        readAt = now;
        return p;
    }

    static ServiceLevelPolicy read(Connection c) throws SQLException {
        ServiceLevelPolicy.Builder b = ServiceLevelPolicy.builder();
        try (PreparedStatement ps = c.prepareStatement("SELECT queue_id, media_type, sl_threshold_ms, "
                + "short_abandon_threshold_ms, include_abandons, exclude_short_abandons, include_flow_outs "
                + "FROM sl_settings_override"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String q = rs.getString(1);
                String m = rs.getString(2);
                long sl = rs.getLong(3);
                Duration slThreshold = rs.wasNull() ? null : Duration.ofMillis(sl);
                long sa = rs.getLong(4);
                Duration shortAbandon = rs.wasNull() ? null : Duration.ofMillis(sa);
                ServiceLevelOverride o = new ServiceLevelOverride(slThreshold, shortAbandon, rs.getBoolean(5),
                        rs.getBoolean(6), rs.getBoolean(7));
                if (q == null && m == null) {
                    b.global(o);
                } else if (q == null) {
                    b.mediaType(m, o);
                } else if (m == null) {
                    b.queue(q, o);
                } else {
                    b.queueAndMediaType(q, m, o);
                }
            }
        }
        java.util.Map<QueueMedia, Duration> synced = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT queue_id, media_type, sl_threshold_ms FROM queue_media_sl");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                synced.put(new QueueMedia(rs.getString(1), rs.getString(2)), Duration.ofMillis(rs.getLong(3)));
            }
        }
        return b.build().withSyncedThresholds(synced);
    }
}
