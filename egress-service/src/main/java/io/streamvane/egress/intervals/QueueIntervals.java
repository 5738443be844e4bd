package io.streamvane.egress.intervals;

import io.streamvane.model.kpi.Finality;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.Rollup;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.kpi.ServiceLevelSettings;
import io.streamvane.model.kpi.ServiceLevelTargets;
import io.streamvane.model.kpi.QueueTimeZones;
import io.streamvane.model.kpi.Watermark;
import io.streamvane.model.kpi.ZonedBuckets;
import io.streamvane.model.store.EffectiveWatermark;
import io.streamvane.model.store.KpiSettingsStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * The one reader of queue interval rows (SPEC §2, §3): the stored base rows of {@code queue_interval_effective}
 * (event rows, replaced by API gap-fill rows where a recorded gap says so), rolled up from the base granularity with
 * {@link Rollup} into local periods of each queue's site time zone ({@link QueueTimeZones}, or a zone the caller
 * asks for), zero-filled where asked, judged final by {@link Finality#isFinal(Interval, Watermark, Collection)}
 * under the {@link EffectiveWatermark}, with the settings of one {@link ServiceLevelPolicy} per read.
 *
 * <p>A {@link Read} runs on the caller's connection, so a push sink reads and enqueues in one transaction; the query
 * surfaces take a pooled connection through {@link #query}.
 */
public final class QueueIntervals {

    // Any of the queues × any of the media types: a superset of the series asked for, narrowed in Java.
    private static final String SERIES_ROWS = """
            SELECT %s FROM queue_interval_effective
            WHERE queue_id = ANY (?) AND media_type = ANY (?) AND interval_start >= ? AND interval_start < ?
            """.formatted(BaseRow.COLUMNS);

    private static final String RANGE_ROWS = """
            SELECT %s FROM queue_interval_effective
            WHERE interval_start >= ? AND interval_start < ?
            """.formatted(BaseRow.COLUMNS);

    private static final String MEDIA_TYPES = """
            SELECT DISTINCT media_type FROM queue_interval_effective
            WHERE queue_id = ? AND (CAST(? AS text) IS NULL OR media_type = ?)
            ORDER BY media_type""";

    private static final String KNOWN_SERIES = """
            SELECT queue_id, media_type FROM queue_media_sl
            UNION SELECT queue_id, media_type FROM queue_interval_effective
            ORDER BY 1, 2""";

    private static final String EARLIEST_START = "SELECT min(interval_start) FROM queue_interval_effective";

    private static final String QUEUE_NAMES = "SELECT queue_id, name FROM queue WHERE queue_id = ANY (?)";

    private final Granularity base;
    private final Duration sourceIdleTimeout;

    /**
     * @param base              the granularity the engine stores buckets at
     * @param sourceIdleTimeout a watermark source not updated for this long no longer holds finality back (the
     *                          engine's finality sweep uses the same)
     */
    public QueueIntervals(Granularity base, Duration sourceIdleTimeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.sourceIdleTimeout = Objects.requireNonNull(sourceIdleTimeout, "sourceIdleTimeout");
    }

    public Granularity base() {
        return base;
    }

    /** Whether rows can be reported at {@code granularity}: buckets that are whole unions of base buckets. */
    public boolean canReport(Granularity granularity) {
        return granularity.isMultipleOf(base);
    }

    /**
     * One read in the caller's transaction: the effective watermark and the service-level policy (the published
     * {@code streamvane.kpi.service-level} layers with the synced Genesys thresholds) are read now, once.
     */
    public Read read(Connection connection) throws SQLException {
        return new Read(connection, KpiSettingsStore.policy(connection), KpiSettingsStore.targets(connection),
                KpiSettingsStore.timeZones(connection), EffectiveWatermark.read(connection, sourceIdleTimeout));
    }

    /** {@code work} on one read over a connection of {@code jdbc}'s data source, SQL errors as Spring's exceptions. */
    public <T> T query(JdbcTemplate jdbc, Work<T> work) {
        return jdbc.execute((ConnectionCallback<T>) c -> work.apply(read(c)));
    }

    /** The effective watermark alone, for rows this reader does not read (agent rows) judged by the same rule. */
    public Watermark watermark(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<Watermark>) c -> EffectiveWatermark.read(c, sourceIdleTimeout));
    }

    /** The published site time zones alone, for rows this reader does not read (agent rows). */
    public QueueTimeZones zones(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<QueueTimeZones>) KpiSettingsStore::timeZones);
    }

    @FunctionalInterface
    public interface Work<T> {
        T apply(Read read) throws SQLException;
    }

    /** A queue and media type exactly as stored: the key of one series of interval rows. */
    public record Series(String queueId, String mediaType) {

        public Series {
            Objects.requireNonNull(queueId, "queueId");
            Objects.requireNonNull(mediaType, "mediaType");
        }
    }

    /** Reads on one connection under one watermark, one service-level policy and one set of site time zones. */
    public final class Read {

        private final Connection connection;
        private final ServiceLevelPolicy policy;
        private final ServiceLevelTargets targets;
        private final QueueTimeZones zones;
        private final Watermark watermark;
        private final Map<String, String> names = new HashMap<>();

        private Read(Connection connection, ServiceLevelPolicy policy, ServiceLevelTargets targets,
                QueueTimeZones zones, Watermark watermark) {
            this.connection = connection;
            this.policy = policy;
            this.targets = targets;
            this.zones = zones;
            this.watermark = watermark;
        }

        /** The buckets of {@code granularity} in the site time zone of {@code queueId}. */
        public ZonedBuckets buckets(String queueId, Granularity granularity) {
            return ZonedBuckets.of(granularity, zones.of(queueId));
        }

        /** The published site time zones of this read. */
        public QueueTimeZones zones() {
            return zones;
        }

        /** The SL target of a queue and media type under this read. */
        public double target(String queueId, String mediaType) {
            return targets.of(queueId, mediaType);
        }

        /** The service-level policy of this read. */
        public ServiceLevelPolicy policy() {
            return policy;
        }

        /** The effective watermark this read judges finality by; {@link Watermark#NONE} when no source is active. */
        public Watermark watermark() {
            return watermark;
        }

        /** The media types with at least one stored row for the queue, optionally only {@code mediaType}. */
        public List<String> mediaTypes(String queueId, String mediaType) throws SQLException {
            List<String> media = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(MEDIA_TYPES)) {
                ps.setString(1, queueId);
                ps.setString(2, mediaType);
                ps.setString(3, mediaType);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        media.add(rs.getString(1));
                    }
                }
            }
            return media;
        }

        /** Every series known to the store: a synced SL threshold or any stored row; ordered by queue, media type. */
        public List<Series> knownSeries() throws SQLException {
            List<Series> series = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(KNOWN_SERIES); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    series.add(new Series(rs.getString(1), rs.getString(2)));
                }
            }
            return series;
        }

        /** The start of the earliest stored row, if any. */
        public Optional<Instant> earliestStart() throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(EARLIEST_START); ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(t).map(Timestamp::toInstant);
            }
        }

        /**
         * Every series × bucket, zero-filled: a bucket without stored rows is a zero row with revision 0. In bucket
         * order, and within a bucket in the order of {@code series}.
         *
         * @param buckets consecutive buckets of {@code calendar}, which every series is reported in
         */
        public List<QueueInterval> grid(List<Series> series, List<Interval> buckets, ZonedBuckets calendar)
                throws SQLException {
            requireReportable(calendar);
            if (series.isEmpty() || buckets.isEmpty()) {
                return List.of();
            }
            for (Interval bucket : buckets) {
                if (!calendar.bucket(bucket.start()).equals(bucket)) {
                    throw new IllegalArgumentException(bucket + " is not a " + calendar + " bucket");
                }
            }
            Map<Series, Map<Instant, QueueInterval>> stored = rolledUp(seriesRows(series, buckets.get(0).start(),
                    buckets.get(buckets.size() - 1).end()), s -> calendar);
            loadNames(series.stream().map(Series::queueId).toList());
            List<QueueInterval> rows = new ArrayList<>(buckets.size() * series.size());
            for (Interval bucket : buckets) {
                for (Series s : series) {
                    QueueInterval row = stored.getOrDefault(s, Map.of()).get(bucket.start());
                    rows.add(row != null ? row : zero(s, bucket, calendar));
                }
            }
            return rows;
        }

        /**
         * The bucket of {@code granularity}, in the queue's site time zone, that holds {@code t}; empty when no base
         * row is stored inside it.
         */
        public Optional<QueueInterval> stored(Series series, Instant t, Granularity granularity)
                throws SQLException {
            ZonedBuckets calendar = buckets(series.queueId(), granularity);
            requireReportable(calendar);
            Interval bucket = calendar.bucket(t);
            return Optional.ofNullable(rolledUp(seriesRows(List.of(series), bucket.start(), bucket.end()),
                    s -> calendar).getOrDefault(series, Map.of()).get(bucket.start()));
        }

        /**
         * The buckets of {@code granularity}, each series in its queue's site time zone, from the one holding
         * {@code from} up to those starting before {@code to} that hold a stored base row, each whole; in bucket
         * order, then by queue and media type.
         */
        public List<QueueInterval> stored(Instant from, Instant to, Granularity granularity) throws SQLException {
            if (!from.isBefore(to)) {
                return List.of();
            }
            // Wide enough for the bucket holding either end in any zone (offsets are within a day of UTC).
            Duration margin = Duration.ofDays(granularity == Granularity.P1M ? 33 : granularity == Granularity.P7D
                    ? 9 : 2);
            List<BaseRow> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(RANGE_ROWS)) {
                ps.setTimestamp(1, Timestamp.from(from.minus(margin)));
                ps.setTimestamp(2, Timestamp.from(to.plus(margin)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(BaseRow.of(rs));
                    }
                }
            }
            List<QueueInterval> result = new ArrayList<>();
            rolledUp(rows, s -> buckets(s.queueId(), granularity)).forEach((s, byStart) -> {
                ZonedBuckets calendar = buckets(s.queueId(), granularity);
                Instant first = calendar.start(from);
                Instant last = calendar.start(to.minusNanos(1));
                byStart.values().stream().filter(r -> !r.start().isBefore(first) && !r.start().isAfter(last))
                        .forEach(result::add);
            });
            result.sort(Comparator.comparing(QueueInterval::start).thenComparing(QueueInterval::queueId)
                    .thenComparing(QueueInterval::mediaType));
            return result;
        }

        /**
         * A page of stored base rows, each its own bucket: for the OData feed, whose {@code $filter} and
         * {@code $orderby} become SQL over the columns of {@code queue_interval_effective}.
         *
         * @param condition a condition over those columns with {@code ?} for {@code params}, or empty for all rows
         * @param orderBy   a total order over those columns, so offset paging neither repeats nor skips a row
         */
        public List<QueueInterval> baseRows(String condition, List<?> params, String orderBy, int limit, long offset)
                throws SQLException {
            String sql = "SELECT %s FROM queue_interval_effective %s ORDER BY %s LIMIT ? OFFSET ?".formatted(BaseRow.COLUMNS,
                    condition.isBlank() ? "" : "WHERE " + condition, orderBy);
            List<BaseRow> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int p = 1;
                for (Object param : params) {
                    StatementCreatorUtils.setParameterValue(ps, p++, SqlTypeValue.TYPE_UNKNOWN, param);
                }
                ps.setInt(p++, limit);
                ps.setLong(p, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(BaseRow.of(rs));
                    }
                }
            }
            Map<Series, Map<Instant, QueueInterval>> own = rolledUp(rows, s -> buckets(s.queueId(), base));
            return rows.stream().map(r -> own.get(r.series()).get(r.interval().start())).toList();
        }

        private List<BaseRow> seriesRows(Collection<Series> series, Instant from, Instant to) throws SQLException {
            Set<Series> wanted = Set.copyOf(series);
            List<BaseRow> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(SERIES_ROWS)) {
                ps.setArray(1, connection.createArrayOf("text",
                        new LinkedHashSet<>(series.stream().map(Series::queueId).toList()).toArray()));
                ps.setArray(2, connection.createArrayOf("text",
                        new LinkedHashSet<>(series.stream().map(Series::mediaType).toList()).toArray()));
                ps.setTimestamp(3, Timestamp.from(from));
                ps.setTimestamp(4, Timestamp.from(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BaseRow row = BaseRow.of(rs);
                        if (wanted.contains(row.series())) {
                            rows.add(row);
                        }
                    }
                }
            }
            return rows;
        }

        /** Per series, the buckets of its calendar holding the rows, keyed by bucket start. */
        private Map<Series, Map<Instant, QueueInterval>> rolledUp(List<BaseRow> rows,
                Function<Series, ZonedBuckets> calendars) throws SQLException {
            Map<Series, List<BaseRow>> bySeries = new LinkedHashMap<>();
            rows.forEach(r -> bySeries.computeIfAbsent(r.series(), k -> new ArrayList<>()).add(r));
            loadNames(bySeries.keySet().stream().map(Series::queueId).toList());
            Map<Series, Map<Instant, QueueInterval>> result = new HashMap<>();
            bySeries.forEach((s, inSeries) -> result.put(s, new Buckets(base, calendars.apply(s), watermark)
                    .of(s, names.get(s.queueId()), settings(s), target(s), inSeries)));
            return result;
        }

        private QueueInterval zero(Series s, Interval bucket, ZonedBuckets calendar) {
            return new Buckets(base, calendar, watermark).zero(s, names.get(s.queueId()), settings(s), target(s),
                    bucket);
        }

        private ServiceLevelSettings settings(Series s) {
            return policy.resolve(s.queueId(), s.mediaType());
        }

        private double target(Series s) {
            return targets.of(s.queueId(), s.mediaType());
        }

        private void loadNames(Collection<String> queueIds) throws SQLException {
            Set<String> missing = new LinkedHashSet<>(queueIds);
            missing.removeAll(names.keySet());
            if (missing.isEmpty()) {
                return;
            }
            missing.forEach(q -> names.put(q, null));
            try (PreparedStatement ps = connection.prepareStatement(QUEUE_NAMES)) {
                ps.setArray(1, connection.createArrayOf("text", missing.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
    }

    /** Whether rows can be reported in {@code calendar}: its buckets are whole unions of base buckets. */
    public boolean canReport(ZonedBuckets calendar) {
        return canReport(calendar.granularity()) && ZonedBuckets.isAligned(calendar.zone(), base);
    }

    private void requireReportable(ZonedBuckets calendar) {
        if (!canReport(calendar)) {
            throw new IllegalArgumentException("cannot report " + calendar + " from " + base + " buckets");
        }
    }
}
