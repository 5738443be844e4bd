package io.streamvane.engine.settings;

import io.streamvane.engine.store.Transactions;
import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Supplies the current {@link ServiceLevelPolicy}: configured layers, overlaid per scope by {@code sl_settings_override}
 * rows (a stored field wins over the configured one of the same scope; a null stored threshold inherits), with the
 * thresholds synced from Genesys ({@code queue_media_sl}). {@link #refresh()} re-reads the store; the layering order
 * between scopes is {@link ServiceLevelPolicy}'s.
 */
public final class ServiceLevelSettingsSource implements Supplier<ServiceLevelPolicy> {

    /** Configured layers by scope; a null key means "any". */
    public record Configured(ServiceLevelOverride global, Map<String, ServiceLevelOverride> byMediaType,
            Map<String, ServiceLevelOverride> byQueue) {

        public static final Configured NONE = new Configured(ServiceLevelOverride.NONE, Map.of(), Map.of());
    }

    private final Transactions tx;
    private final Configured configured;
    private final AtomicReference<ServiceLevelPolicy> current;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private Inputs loaded;

    /** What the store contributed to the policy, compared between refreshes to detect a change. */
    private record Inputs(Map<String, ServiceLevelOverride> stored, Map<QueueMedia, Duration> synced) {
    }

    public ServiceLevelSettingsSource(Transactions tx, Configured configured) {
        this.tx = tx;
        this.configured = configured;
        this.current = new AtomicReference<>(build(Map.of(), Map.of()));
    }

    @Override
    public ServiceLevelPolicy get() {
        return current.get();
    }

    /**
     * Runs {@code listener} after a refresh that found the stored settings changed since the previous refresh (not
     * after the first refresh of the process: what the store held at start-up is taken as already projected).
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Re-reads stored overrides and synced thresholds; returns the new policy. */
    public synchronized ServiceLevelPolicy refresh() throws SQLException {
        Map<QueueMedia, Duration> synced = new HashMap<>();
        Map<String, ServiceLevelOverride> stored = new HashMap<>();
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT queue_id, media_type, sl_threshold_ms FROM queue_media_sl");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    synced.put(new QueueMedia(rs.getString(1), rs.getString(2)), Duration.ofMillis(rs.getLong(3)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT queue_id, media_type, sl_threshold_ms, "
                    + "short_abandon_threshold_ms, include_abandons, exclude_short_abandons, include_flow_outs "
                    + "FROM sl_settings_override"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sl = rs.getLong(3);
                    Duration slThreshold = rs.wasNull() ? null : Duration.ofMillis(sl);
                    long sa = rs.getLong(4);
                    Duration shortAbandon = rs.wasNull() ? null : Duration.ofMillis(sa);
                    stored.put(scope(rs.getString(1), rs.getString(2)), new ServiceLevelOverride(slThreshold,
                            shortAbandon, rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)));
                }
            }
            return null;
        });
        ServiceLevelPolicy policy = build(stored, synced);
        current.set(policy);
        Inputs now = new Inputs(Map.copyOf(stored), Map.copyOf(synced));
        boolean changed = loaded != null && !loaded.equals(now);
        loaded = now;
        if (changed) {
            changeListeners.forEach(Runnable::run);
        }
        return policy;
    }

    private ServiceLevelPolicy build(Map<String, ServiceLevelOverride> stored, Map<QueueMedia, Duration> synced) {
        ServiceLevelPolicy.Builder b = ServiceLevelPolicy.builder();
        b.global(merge(configured.global(), stored.get(scope(null, null))));
        Map<String, ServiceLevelOverride> media = new HashMap<>(configured.byMediaType());
        Map<String, ServiceLevelOverride> queue = new HashMap<>(configured.byQueue());
        Map<QueueMedia, ServiceLevelOverride> both = new HashMap<>();
        stored.forEach((key, o) -> {
            String[] parts = key.split("\u0000", -1);
            String q = parts[0].isEmpty() ? null : parts[0];
            String m = parts[1].isEmpty() ? null : parts[1];
            if (q == null && m != null) {
                media.merge(m, o, ServiceLevelSettingsSource::merge);
            } else if (q != null && m == null) {
                queue.merge(q, o, ServiceLevelSettingsSource::merge);
            } else if (q != null) {
                both.put(new QueueMedia(q, m), o);
            }
        });
        media.forEach(b::mediaType);
        queue.forEach(b::queue);
        both.forEach((k, o) -> b.queueAndMediaType(k.queueId(), k.mediaType(), o));
        return b.build().withSyncedThresholds(synced);
    }

    private static String scope(String queueId, String mediaType) {
        return (queueId == null ? "" : queueId) + "\u0000" + (mediaType == null ? "" : mediaType);
    }

    /** {@code over} on top of {@code under}, field by field. */
    static ServiceLevelOverride merge(ServiceLevelOverride under, ServiceLevelOverride over) {
        if (over == null) {
            return under;
        }
        return new ServiceLevelOverride(
                over.slThreshold() != null ? over.slThreshold() : under.slThreshold(),
                over.shortAbandonThreshold() != null ? over.shortAbandonThreshold() : under.shortAbandonThreshold(),
                over.includeAbandons() != null ? over.includeAbandons() : under.includeAbandons(),
                over.excludeShortAbandons() != null ? over.excludeShortAbandons() : under.excludeShortAbandons(),
                over.includeFlowOuts() != null ? over.includeFlowOuts() : under.includeFlowOuts());
    }
}
