package io.streamvane.egress.delivery;

import io.streamvane.egress.intervals.AgentInterval;
import io.streamvane.egress.intervals.AgentIntervals;
import io.streamvane.egress.intervals.QueueInterval;
import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.egress.intervals.QueueIntervals.Series;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.Watermark;
import io.streamvane.model.kpi.ZonedBuckets;
import io.streamvane.model.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery engine's bookkeeping: cursor take-over, claims and settlement, replay, zero-fill, statistics. The rows
 * it enqueues are read through {@link QueueIntervals}, in the same transaction. Every method is one transaction on its
 * own connection ({@link Transactions}), redone whole after a deadlock or serialization failure; a send is not redone.
 */
public final class DeliveryStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** How one claimed delivery is settled. */
    public sealed interface Settlement {
        long id();

        record Done(long id) implements Settlement {
        }

        /** Due again {@code delay} after the settlement, on the store's clock, which decides what is due. */
        record Again(long id, String error, Duration delay) implements Settlement {
        }

        record Dead(long id, String error) implements Settlement {
        }
    }

    /** Per sink: pending deliveries, dead letters, oldest pending enqueue time, change-log rows not yet taken over. */
    public record Stats(long pending, long deadLettered, Instant oldestPending, long untaken) {
    }

    public record DeadLetter(long id, String payloadId, int attempts, String lastError, Instant deadLetteredAt) {
    }

    private final Transactions transactions;
    /** For a send: it calls the sink and counts, which a redo would repeat. */
    private final Transactions once;
    private final QueueIntervals intervals;
    private final DeliveryProperties.StartFrom startFrom;

    public DeliveryStore(DataSource dataSource, QueueIntervals intervals, DeliveryProperties.StartFrom startFrom) {
        this.transactions = new Transactions(dataSource);
        this.once = new Transactions(dataSource, 1);
        this.intervals = intervals;
        this.startFrom = startFrom;
    }

    /** The rows of this transaction, under the SL policy delivery uses and the effective watermark read now. */
    private QueueIntervals.Read rows(Connection c) throws SQLException {
        return intervals.read(c);
    }

    /**
     * Turns change-log rows past the sink's cursor into deliveries and moves the cursor, in one transaction. The
     * cursor row is locked with SKIP LOCKED, so while one replica takes over for a sink the others skip it.
     *
     * @return change-log rows consumed (0 when there were none or another replica holds the cursor)
     */
    public int takeOver(String sink, FeedShape shape, int limit) throws Exception {
        return transactions.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sink_cursor (sink_name, last_change_id) "
                    + "VALUES (?, CASE WHEN ? THEN (SELECT coalesce(max(id), 0) FROM kpi_change_log) ELSE 0 END) "
                    + "ON CONFLICT (sink_name) DO NOTHING")) {
                ps.setString(1, sink);
                ps.setBoolean(2, startFrom == DeliveryProperties.StartFrom.LATEST);
                ps.executeUpdate();
            }
            long cursor;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_change_id FROM sink_cursor WHERE sink_name = ? FOR UPDATE SKIP LOCKED")) {
                ps.setString(1, sink);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    cursor = rs.getLong(1);
                }
            }
            record Key(String queueId, String mediaType, Instant start) {
            }
            record AgentKey(String userId, Instant start) {
            }
            Set<Key> keys = new LinkedHashSet<>();
            Set<AgentKey> agentKeys = new LinkedHashSet<>();
            QueueIntervals.Read rows = rows(c);
            long last = cursor;
            int read = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, row_kind, queue_id, media_type, interval_start, "
                    + "user_id FROM kpi_change_log WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, cursor);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        last = rs.getLong(1);
                        if (shape.queues() && "queue".equals(rs.getString(2))) {
                            String queueId = rs.getString(3);
                            keys.add(new Key(queueId, rs.getString(4), rows.buckets(queueId, shape.granularity())
                                    .start(rs.getTimestamp(5).toInstant())));
                        } else if (shape.agents() && "agent".equals(rs.getString(2))) {
                            agentKeys.add(new AgentKey(rs.getString(6), agentCalendar(rows, shape)
                                    .start(rs.getTimestamp(5).toInstant())));
                        }
                    }
                }
            }
            if (read == 0) {
                return 0;
            }
            for (Key k : keys) {
                Optional<QueueInterval> row = rows.stored(new Series(k.queueId(), k.mediaType()), k.start(),
                        shape.granularity());
                if (row.isPresent() && (!shape.finalOnly() || row.get().isFinal())) {
                    enqueue(c, sink, QueueIntervalPayload.of(row.get()), false);
                }
            }
            ZonedBuckets agentCalendar = agentCalendar(rows, shape);
            for (AgentKey k : agentKeys) {
                AgentInterval row = AgentIntervals.rows(c, k.userId(), List.of(agentCalendar.bucket(k.start())),
                        agentCalendar, intervals.base(), rows.watermark()).get(0);
                if (row.stored() && (!shape.finalOnly() || row.isFinal())) {
                    enqueue(c, sink, AgentIntervalPayload.of(row, agentName(c, k.userId())), false);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sink_cursor SET last_change_id = ?, "
                    + "updated_at = now(), version = version + 1 WHERE sink_name = ?")) {
                ps.setLong(1, last);
                ps.setString(2, sink);
                ps.executeUpdate();
            }
            return read;
        });
    }

    /** Agent rows are in the deployment's default zone: an agent works for queues of many sites. */
    private static ZonedBuckets agentCalendar(QueueIntervals.Read rows, FeedShape shape) {
        return ZonedBuckets.of(shape.granularity(), rows.zones().defaultZone());
    }

    private static String agentName(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM app_user WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Inserts the row's delivery (or, for a replay, puts a settled one back to pending) and collapses older pending revisions. */
    private static boolean enqueue(Connection c, String sink, IntervalPayload row, boolean replay)
            throws SQLException {
        String sql = "INSERT INTO sink_delivery (sink, payload_id, row_key, revision, interval_start, payload) "
                + "VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (sink, payload_id) DO "
                + (replay ? "UPDATE SET status = 'pending', attempts = 0, last_error = NULL, next_attempt_at = now(), "
                        + "dead_lettered_at = NULL, delivered_at = NULL, created_at = now(), updated_at = now(), "
                        + "version = sink_delivery.version + 1 WHERE sink_delivery.status <> 'pending'"
                        : "NOTHING");
        int inserted;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sink);
            ps.setString(2, row.payloadId());
            ps.setString(3, row.rowKey());
            ps.setInt(4, row.revision());
            ps.setTimestamp(5, Timestamp.from(row.intervalStart()));
            ps.setString(6, JSON.writeValueAsString(row.toMap()));
            inserted = ps.executeUpdate();
        }
        if (inserted > 0) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sink_delivery SET status = 'superseded', "
                    + "updated_at = now(), version = version + 1 WHERE id IN (SELECT id FROM sink_delivery "
                    + "WHERE sink = ? AND row_key = ? AND status = 'pending' AND revision < ? FOR UPDATE SKIP LOCKED)")) {
                ps.setString(1, sink);
                ps.setString(2, row.rowKey());
                ps.setInt(3, row.revision());
                ps.executeUpdate();
            }
        }
        return inserted > 0;
    }

    /**
     * Claims up to {@code limit} due deliveries of the sink with row locks (SKIP LOCKED: another replica claims
     * others or nothing), hands them to {@code send} while the locks are held, and applies its settlements. A
     * delivery whose key has an older pending delivery is not due: revision r+1 never overtakes r.
     *
     * @return the number claimed
     */
    public int sendDue(String sink, int limit, Transactions.Work<List<Settlement>> sendAndSettle,
            java.util.function.Consumer<List<Delivery>> claimed) throws Exception {
        return once.inTransaction(c -> {
            List<Delivery> batch = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.payload_id, d.row_key, d.attempts, "
                    + "d.payload::text, d.created_at FROM sink_delivery d WHERE d.sink = ? AND d.status = 'pending' "
                    + "AND d.next_attempt_at <= now() AND NOT EXISTS (SELECT 1 FROM sink_delivery e WHERE "
                    + "e.sink = d.sink AND e.row_key = d.row_key AND e.status = 'pending' AND e.id < d.id) "
                    + "ORDER BY d.id LIMIT ? FOR UPDATE OF d SKIP LOCKED")) {
                ps.setString(1, sink);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.add(new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                JSON.readValue(rs.getString(5), MAP), rs.getTimestamp(6).toInstant()));
                    }
                }
            }
            if (batch.isEmpty()) {
                return 0;
            }
            claimed.accept(batch);
            List<Settlement> settlements = sendAndSettle.run(c);
            settle(c, settlements);
            return batch.size();
        });
    }

    private static void settle(Connection c, List<Settlement> settlements) throws SQLException {
        try (PreparedStatement done = c.prepareStatement("UPDATE sink_delivery SET status = 'delivered', "
                + "delivered_at = now(), attempts = attempts + 1, last_error = NULL, updated_at = now(), "
                + "version = version + 1 WHERE id = ?");
                PreparedStatement again = c.prepareStatement("UPDATE sink_delivery d SET attempts = attempts + 1, "
                        + "last_error = ?, next_attempt_at = now() + make_interval(secs => ?), updated_at = now(), "
                        + "version = version + 1, "
                        // A newer revision of the same row waits behind this one: it carries everything, so this one goes.
                        + "status = CASE WHEN EXISTS (SELECT 1 FROM sink_delivery n WHERE n.sink = d.sink AND "
                        + "n.row_key = d.row_key AND n.status = 'pending' AND n.id > d.id) THEN 'superseded' "
                        + "ELSE 'pending' END WHERE id = ?");
                PreparedStatement dead = c.prepareStatement("UPDATE sink_delivery SET status = 'dead_lettered', "
                        + "dead_lettered_at = now(), attempts = attempts + 1, last_error = ?, updated_at = now(), "
                        + "version = version + 1 WHERE id = ?")) {
            for (Settlement s : settlements) {
                if (s instanceof Settlement.Done d) {
                    done.setLong(1, d.id());
                    done.addBatch();
                } else if (s instanceof Settlement.Again a) {
                    again.setString(1, truncate(a.error()));
                    again.setDouble(2, a.delay().toMillis() / 1000.0);
                    again.setLong(3, a.id());
                    again.addBatch();
                } else if (s instanceof Settlement.Dead x) {
                    dead.setString(1, truncate(x.error()));
                    dead.setLong(2, x.id());
                    dead.addBatch();
                }
            }
            done.executeBatch();
            again.executeBatch();
            dead.executeBatch();
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    /**
     * Re-enqueues the current rows of every interval starting in [from, to) for the sink (final ones only for a
     * final-only sink), with their stable payload ids: settled deliveries go back to pending, attempts reset.
     *
     * @return deliveries enqueued
     */
    public int replay(String sink, FeedShape shape, Instant from, Instant to) throws Exception {
        return transactions.inTransaction(c -> {
            int n = 0;
            QueueIntervals.Read rows = rows(c);
            if (shape.queues()) {
                for (QueueInterval row : rows.stored(from, to, shape.granularity())) {
                    if ((!shape.finalOnly() || row.isFinal()) && enqueue(c, sink, QueueIntervalPayload.of(row), true)) {
                        n++;
                    }
                }
            }
            if (shape.agents()) {
                ZonedBuckets calendar = agentCalendar(rows, shape);
                List<Interval> buckets = calendar.startingIn(from, to, Integer.MAX_VALUE);
                if (!buckets.isEmpty()) {
                    Instant first = buckets.get(0).start();
                    Instant last = buckets.get(buckets.size() - 1).end();
                    for (AgentInterval row : AgentIntervals.rows(c, AgentIntervals.agentsWithRows(c, first, last),
                            buckets, calendar, intervals.base(), rows.watermark())) {
                        if (row.stored() && (!shape.finalOnly() || row.isFinal())
                                && enqueue(c, sink, AgentIntervalPayload.of(row, agentName(c, row.userId())), true)) {
                            n++;
                        }
                    }
                }
            }
            return n;
        });
    }

    /**
     * One zero-fill step for a sink with {@link FeedShape#zeroFill()}: SPEC §3.3 wants one row per queue x media type
     * x interval, quiet intervals included, but the engine stores rows only where events landed. Moves the sink's
     * zero-fill cursor ({@code sink_cursor.zero_filled_until}) forward over time towards the last base boundary the
     * effective watermark has passed, at most {@code maxRows} key-buckets per call, and for each sink bucket that ends
     * in the stretch passed (each series in its queue's site time zone), per known key ({@code queue_media_sl} and every
     * key with any stored interval row):
     * <ul>
     * <li>no stored base row in the bucket: enqueues the final zero row, revision 0 ({@code ..._r0});</li>
     * <li>some but not all base rows (a coarse bucket with a quiet quarter): enqueues the current row if it is final
     * now that the watermark has passed its end, since no change-log row will announce that;</li>
     * <li>every base row stored: nothing, the change log brings it.</li>
     * </ul>
     * A bucket is handled once, when the cursor passes its end, so zones whose days end at different instants share
     * one cursor. The cursor moves in the same transaction; its row is locked SKIP LOCKED like take-over, and
     * {@code UNIQUE (sink, payload_id)} makes any repeat a no-op. A late event that later creates the row logs a change
     * with revision >= 1, so the receiver gets the restatement (a still pending zero row is superseded by it).
     *
     * @return base buckets the cursor moved over (0 when nothing was due, zero-fill is off or another replica holds
     *         the cursor)
     */
    public int zeroFill(String sink, FeedShape shape, int maxRows) throws Exception {
        if (!shape.zeroFill()) {
            return 0;
        }
        return transactions.inTransaction(c -> {
            Instant until;
            boolean started;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT zero_filled_until FROM sink_cursor WHERE sink_name = ? FOR UPDATE SKIP LOCKED")) {
                ps.setString(1, sink);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    Timestamp t = rs.getTimestamp(1);
                    started = t != null;
                    until = started ? t.toInstant() : null;
                }
            }
            QueueIntervals.Read rows = rows(c);
            Watermark watermark = rows.watermark();
            if (watermark.equals(Watermark.NONE)) {
                return 0;
            }
            Granularity base = intervals.base();
            Granularity g = shape.granularity();
            Instant end = base.bucketStart(watermark.value()); // a bucket ending by here has end <= watermark: final
            Instant from = until;
            if (!started) {
                from = end;
                if (startFrom == DeliveryProperties.StartFrom.BEGINNING) {
                    Optional<Instant> earliest = rows.earliestStart();
                    if (earliest.isPresent() && earliest.get().isBefore(end)) {
                        from = base.bucketStart(earliest.get());
                    }
                }
            }
            List<Series> keys = rows.knownSeries();
            long steps = from.isBefore(end) ? Duration.between(from, end).dividedBy(base.duration()) : 0;
            // A stretch of k sink buckets' length ends about k of them per key (a local day may be an hour short).
            Duration sinkLength = g == Granularity.P1M ? Duration.ofDays(28) : g.duration();
            steps = Math.min(steps, Math.max(1, maxRows / Math.max(1, keys.size()))
                    * sinkLength.dividedBy(base.duration()));
            Instant to = from.plus(base.duration().multipliedBy(steps));
            if (steps > 0 && !keys.isEmpty()) {
                Map<ZoneId, List<Series>> byZone = new LinkedHashMap<>();
                keys.forEach(k -> byZone.computeIfAbsent(rows.zones().of(k.queueId()), z -> new ArrayList<>()).add(k));
                for (Map.Entry<ZoneId, List<Series>> zone : byZone.entrySet()) {
                    ZonedBuckets calendar = ZonedBuckets.of(g, zone.getKey());
                    List<Interval> ending = endingIn(calendar, from, to);
                    if (ending.isEmpty()) {
                        continue;
                    }
                    for (QueueInterval row : rows.grid(zone.getValue(), ending, calendar)) {
                        // Without stored rows: the zero row, final since the watermark has passed it. With some but
                        // not all: the row, once final. With all of them: nothing, the change log brings it.
                        if (!row.hasStoredRows() || (!row.isComplete() && row.isFinal())) {
                            enqueue(c, sink, QueueIntervalPayload.of(row), false);
                        }
                    }
                }
            }
            if (!started || steps > 0) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sink_cursor SET zero_filled_until = ?, "
                        + "updated_at = now(), version = version + 1 WHERE sink_name = ?")) {
                    ps.setTimestamp(1, Timestamp.from(to));
                    ps.setString(2, sink);
                    ps.executeUpdate();
                }
            }
            return (int) steps;
        });
    }

    /** The buckets of {@code calendar} that end in {@code (from, to]}, in time order. */
    private static List<Interval> endingIn(ZonedBuckets calendar, Instant from, Instant to) {
        Interval first = calendar.bucket(from.minusNanos(1));
        return calendar.startingIn(first.start(), to, Integer.MAX_VALUE).stream()
                .filter(b -> b.end().isAfter(from) && !b.end().isAfter(to)).toList();
    }

    /** Puts the sink's dead letters back to pending with fresh attempts. */
    public int retryDeadLetters(String sink) throws Exception {
        return transactions.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sink_delivery SET status = 'pending', attempts = 0, "
                    + "next_attempt_at = now(), dead_lettered_at = NULL, updated_at = now(), version = version + 1 "
                    + "WHERE sink = ? AND status = 'dead_lettered'")) {
                ps.setString(1, sink);
                return ps.executeUpdate();
            }
        });
    }

    public List<DeadLetter> deadLetters(String sink, int limit) throws Exception {
        return transactions.inTransaction(c -> {
            List<DeadLetter> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, payload_id, attempts, last_error, "
                    + "dead_lettered_at FROM sink_delivery WHERE sink = ? AND status = 'dead_lettered' "
                    + "ORDER BY dead_lettered_at DESC LIMIT ?")) {
                ps.setString(1, sink);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    public Stats stats(String sink) throws Exception {
        return transactions.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT "
                    + "(SELECT count(*) FROM sink_delivery WHERE sink = ? AND status = 'pending'), "
                    + "(SELECT count(*) FROM sink_delivery WHERE sink = ? AND status = 'dead_lettered'), "
                    + "(SELECT min(created_at) FROM sink_delivery WHERE sink = ? AND status = 'pending'), "
                    + "(SELECT count(*) FROM kpi_change_log WHERE id > coalesce("
                    + "(SELECT last_change_id FROM sink_cursor WHERE sink_name = ?), 0))")) {
                for (int i = 1; i <= 4; i++) {
                    ps.setString(i, sink);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp oldest = rs.getTimestamp(3);
                    return new Stats(rs.getLong(1), rs.getLong(2), oldest == null ? null : oldest.toInstant(),
                            rs.getLong(4));
                }
            }
        });
    }
}
