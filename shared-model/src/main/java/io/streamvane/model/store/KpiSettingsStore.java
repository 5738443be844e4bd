package io.streamvane.model.store;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.model.kpi.ServiceLevelLayers;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.kpi.ServiceLevelSettings;
import io.streamvane.model.kpi.ServiceLevelTargets;
import io.streamvane.model.kpi.QueueTimeZones;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link KpiSettings} in the store ({@code kpi_setting}, {@code sl_settings_override},
 * {@code queue_time_zone}), where every service and
 * the reporting views read them. {@link #publish} runs at each service's start-up; {@link #policy} is how every
 * surface gets its service-level policy, so one stored definition serves the engine, the API, the sinks and SQL.
 * Statements run in the caller's transaction.
 */
public final class KpiSettingsStore {

    /** Who publishes: the owner (the engine, whose projection the settings shape) may change stored settings. */
    public enum Role { OWNER, READER }

    /** What a publication did. */
    public sealed interface Publication {
        /** Nothing was stored: these settings now are. */
        record Stored() implements Publication {
        }

        /** The store already held the same settings. */
        record Unchanged() implements Publication {
        }

        /** The owner replaced different settings, {@code previous}; {@code differences} name them. */
        record Changed(KpiSettings previous, List<String> differences) implements Publication {
        }

        /** The store holds different settings and this service may not change them. */
        record Refused(List<String> differences) implements Publication {
        }
    }

    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + StoreLocks.KPI_SETTINGS + ")";
    private static final String READ_SCALARS = """
            SELECT base_granularity, allowed_lateness_ms, acd_session_expiry_ms, source_idle_timeout_ms, time_zone,
                   sl_target
            FROM kpi_setting""";
    private static final String READ_SYNCED_TARGETS = """
            SELECT queue_id, media_type, sl_target_percent FROM queue_media_sl WHERE sl_target_percent IS NOT NULL""";
    private static final String READ_QUEUE_ZONES = "SELECT queue_id, time_zone FROM queue_time_zone";
    private static final String WRITE_QUEUE_ZONE = "INSERT INTO queue_time_zone (queue_id, time_zone) VALUES (?, ?)";
    private static final String READ_LAYERS = """
            SELECT queue_id, media_type, sl_threshold_ms, short_abandon_threshold_ms, include_abandons,
                   exclude_short_abandons, include_flow_outs
            FROM sl_settings_override""";
    private static final String READ_SYNCED = "SELECT queue_id, media_type, sl_threshold_ms FROM queue_media_sl";
    private static final String WRITE_SCALARS = """
            INSERT INTO kpi_setting (base_granularity, allowed_lateness_ms, acd_session_expiry_ms,
                                     source_idle_timeout_ms, time_zone, sl_target, published_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (singleton) DO UPDATE
               SET base_granularity = EXCLUDED.base_granularity, allowed_lateness_ms = EXCLUDED.allowed_lateness_ms,
                   acd_session_expiry_ms = EXCLUDED.acd_session_expiry_ms,
                   source_idle_timeout_ms = EXCLUDED.source_idle_timeout_ms, time_zone = EXCLUDED.time_zone,
                   sl_target = EXCLUDED.sl_target,
                   published_by = EXCLUDED.published_by,
                   published_at = now()""";
    private static final String WRITE_LAYER = """
            INSERT INTO sl_settings_override (queue_id, media_type, sl_threshold_ms, short_abandon_threshold_ms,
                                              include_abandons, exclude_short_abandons, include_flow_outs)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String ANY_INTERVAL = "SELECT EXISTS (SELECT 1 FROM queue_interval)";

    private KpiSettingsStore() {
    }

    /**
     * Stores {@code configured} when the store holds nothing yet; otherwise compares. A difference is written when
     * {@code role} is the owner, except a different base granularity over stored intervals, which nobody may
     * change: the stored buckets would no longer add up. Serialised by an advisory lock, so replicas starting
     * together publish once.
     */
    public static Publication publish(Connection c, KpiSettings configured, Role role, String publisher)
            throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.execute();
        }
        Optional<KpiSettings> stored = read(c);
        if (stored.isEmpty()) {
            write(c, configured, publisher);
            return new Publication.Stored();
        }
        List<String> differences = differences(configured, stored.get());
        if (differences.isEmpty()) {
            return new Publication.Unchanged();
        }
        boolean granularityMoves = configured.baseGranularity() != stored.get().baseGranularity() && anyInterval(c);
        if (role == Role.READER || granularityMoves) {
            return new Publication.Refused(differences);
        }
        write(c, configured, publisher);
        return new Publication.Changed(stored.get(), differences);
    }

    /** The published settings, if any service has published yet. */
    public static Optional<KpiSettings> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(READ_SCALARS); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Granularity base = Granularity.parse(rs.getString(1));
            Duration lateness = Duration.ofMillis(rs.getLong(2));
            Duration expiry = Duration.ofMillis(rs.getLong(3));
            Duration idle = Duration.ofMillis(rs.getLong(4));
            ZoneId zone = ZoneId.of(rs.getString(5));
            double target = rs.getDouble(6);
            return Optional.of(new KpiSettings(readLayers(c), base, lateness, expiry, idle,
                    new QueueTimeZones(zone, readQueueZones(c)), target));
        }
    }

    /** The published time zones; UTC for every queue before any publication. */
    public static QueueTimeZones timeZones(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT time_zone FROM kpi_setting");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new QueueTimeZones(ZoneId.of(rs.getString(1)), readQueueZones(c)) : QueueTimeZones.UTC;
        }
    }

    /** The SL targets every surface shows: Genesys' per queue and media type, else the published default. */
    public static ServiceLevelTargets targets(Connection c) throws SQLException {
        double fallback = KpiSettings.DEFAULTS.slTarget();
        try (PreparedStatement ps = c.prepareStatement("SELECT sl_target FROM kpi_setting");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                fallback = rs.getDouble(1);
            }
        }
        Map<QueueMedia, Double> synced = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(READ_SYNCED_TARGETS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                synced.put(new QueueMedia(rs.getString(1), rs.getString(2)),
                        rs.getBigDecimal(3).movePointLeft(2).doubleValue());
            }
        }
        return new ServiceLevelTargets(fallback, synced);
    }

    private static Map<String, ZoneId> readQueueZones(Connection c) throws SQLException {
        Map<String, ZoneId> zones = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(READ_QUEUE_ZONES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                zones.put(rs.getString(1), ZoneId.of(rs.getString(2)));
            }
        }
        return zones;
    }

    /**
     * The service-level policy every surface uses: the published layers (the SPEC defaults before any
     * publication) with the thresholds synced from Genesys.
     */
    public static ServiceLevelPolicy policy(Connection c) throws SQLException {
        // With nothing published the layers read as the SPEC defaults: no global row, so none applies over them.
        ServiceLevelLayers layers = readLayers(c);
        Map<QueueMedia, Duration> synced = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(READ_SYNCED); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                synced.put(new QueueMedia(rs.getString(1), rs.getString(2)), Duration.ofMillis(rs.getLong(3)));
            }
        }
        return layers.policy(synced);
    }

    /** Each setting that differs, named by its configuration key, with both values. */
    static List<String> differences(KpiSettings configured, KpiSettings stored) {
        List<String> d = new ArrayList<>();
        differ(d, "base-granularity", configured.baseGranularity(), stored.baseGranularity());
        differ(d, "allowed-lateness", configured.allowedLateness(), stored.allowedLateness());
        differ(d, "acd-session-expiry", configured.acdSessionExpiry(), stored.acdSessionExpiry());
        differ(d, "source-idle-timeout", configured.sourceIdleTimeout(), stored.sourceIdleTimeout());
        differ(d, "time-zone", configured.timeZones().defaultZone(), stored.timeZones().defaultZone());
        differ(d, "queue-time-zones", new TreeMap<>(configured.timeZones().queues()),
                new TreeMap<>(stored.timeZones().queues()));
        differ(d, "sl-target", configured.slTarget(), stored.slTarget());
        ServiceLevelLayers a = configured.serviceLevel();
        ServiceLevelLayers b = stored.serviceLevel();
        differ(d, "service-level (global)", a.global(), b.global());
        differ(d, "service-level.media-types", a.mediaTypes(), b.mediaTypes());
        differ(d, "service-level.queues", a.queues(), b.queues());
        differ(d, "service-level.queue-media-types", a.queueMediaTypes(), b.queueMediaTypes());
        return d;
    }

    private static void differ(List<String> d, String key, Object configured, Object stored) {
        if (!Objects.equals(configured, stored)) {
            d.add("streamvane.kpi." + key + ": configured " + configured + ", stored " + stored);
        }
    }

    private static boolean anyInterval(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ANY_INTERVAL); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void write(Connection c, KpiSettings s, String publisher) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(WRITE_SCALARS)) {
            ps.setString(1, s.baseGranularity().name());
            ps.setLong(2, s.allowedLateness().toMillis());
            ps.setLong(3, s.acdSessionExpiry().toMillis());
            ps.setLong(4, s.sourceIdleTimeout().toMillis());
            ps.setString(5, s.timeZones().defaultZone().getId());
            ps.setDouble(6, s.slTarget());
            ps.setString(7, publisher);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM queue_time_zone")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(WRITE_QUEUE_ZONE)) {
            for (var e : s.timeZones().queues().entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue().getId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sl_settings_override")) {
            ps.executeUpdate();
        }
        ServiceLevelLayers layers = s.serviceLevel();
        try (PreparedStatement ps = c.prepareStatement(WRITE_LAYER)) {
            addLayer(ps, null, null, complete(layers.global()));
            for (var e : layers.mediaTypes().entrySet()) {
                addLayer(ps, null, e.getKey(), e.getValue());
            }
            for (var e : layers.queues().entrySet()) {
                addLayer(ps, e.getKey(), null, e.getValue());
            }
            for (var e : layers.queueMediaTypes().entrySet()) {
                addLayer(ps, e.getKey().queueId(), e.getKey().mediaType(), e.getValue());
            }
            ps.executeBatch();
        }
    }

    private static ServiceLevelOverride complete(ServiceLevelSettings s) {
        return new ServiceLevelOverride(s.slThreshold(), s.shortAbandonThreshold(), s.includeAbandons(),
                s.excludeShortAbandons(), s.includeFlowOuts());
    }

    private static void addLayer(PreparedStatement ps, String queueId, String mediaType, ServiceLevelOverride o)
            throws SQLException {
        ps.setString(1, queueId);
        ps.setString(2, mediaType);
        setMillis(ps, 3, o.slThreshold());
        setMillis(ps, 4, o.shortAbandonThreshold());
        setBoolean(ps, 5, o.includeAbandons());
        setBoolean(ps, 6, o.excludeShortAbandons());
        setBoolean(ps, 7, o.includeFlowOuts());
        ps.addBatch();
    }

    private static ServiceLevelLayers readLayers(Connection c) throws SQLException {
        ServiceLevelOverride global = ServiceLevelOverride.NONE;
        Map<String, ServiceLevelOverride> media = new HashMap<>();
        Map<String, ServiceLevelOverride> queues = new HashMap<>();
        Map<QueueMedia, ServiceLevelOverride> queueMedia = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(READ_LAYERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String q = rs.getString(1);
                String m = rs.getString(2);
                ServiceLevelOverride o = new ServiceLevelOverride(millis(rs, 3), millis(rs, 4),
                        rs.getObject(5, Boolean.class), rs.getObject(6, Boolean.class), rs.getObject(7, Boolean.class));
                if (q == null && m == null) {
                    global = o;
                } else if (q == null) {
                    media.put(m, o);
                } else if (m == null) {
                    queues.put(q, o);
                } else {
                    queueMedia.put(new QueueMedia(q, m), o);
                }
            }
        }
        return new ServiceLevelLayers(global.applyTo(ServiceLevelSettings.DEFAULTS), media, queues, queueMedia);
    }

    private static Duration millis(ResultSet rs, int column) throws SQLException {
        Long ms = rs.getObject(column, Long.class);
        return ms == null ? null : Duration.ofMillis(ms);
    }

    private static void setMillis(PreparedStatement ps, int i, Duration d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, d.toMillis());
        }
    }

    private static void setBoolean(PreparedStatement ps, int i, Boolean b) throws SQLException {
        if (b == null) {
            ps.setNull(i, Types.BOOLEAN);
        } else {
            ps.setBoolean(i, b);
        }
    }
}
