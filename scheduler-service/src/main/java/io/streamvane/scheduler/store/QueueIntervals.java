package io.streamvane.scheduler.store;

import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.model.kpi.QueueMetric;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads event-derived rows, writes API-sourced rows ({@code queue_interval_api}) and adopts API figures into
 * {@code queue_interval}. Every method runs in the caller's transaction; callers insert the change log
 * ({@link #logChanges}) last, because its trigger serialises commits.
 */
public class QueueIntervals {

    /** A committed change the sinks must hear about. */
    public record Change(QueueMedia key, Instant intervalStart, int revision, boolean isFinal) {
    }

    private static final List<String> COMPONENT_COLUMNS = QueueMetric.components().stream().map(QueueMetric::column)
            .toList();
    private static final String COLUMNS = String.join(", ", COMPONENT_COLUMNS);
    private static final String UPSERT_API = """
            INSERT INTO queue_interval_api (queue_id, media_type, interval_start, interval_end, %s,
                                            revision, is_final, finalised_at, updated_at)
            VALUES (?, ?, ?, ?, %s,
                    COALESCE((SELECT e.revision FROM queue_interval e WHERE e.queue_id = ? AND e.media_type = ?
                              AND e.interval_start = ?), -1) + 1, true, now(), now())
            ON CONFLICT (queue_id, media_type, interval_start) DO UPDATE SET %s,
                revision = GREATEST(queue_interval_api.revision + 1, EXCLUDED.revision),
                updated_at = now()
            WHERE (%s) IS DISTINCT FROM (%s)
            RETURNING revision
            """.formatted(COLUMNS, joined("?"), joined("%1$s = EXCLUDED.%1$s"), joined("queue_interval_api.%s"),
            joined("EXCLUDED.%s"));
    /** What an adoption replaces: the components Genesys reports; the others keep their event-derived values. */
    private static final List<QueueMetric> ADOPTED = QueueMetric.components().stream()
            .filter(m -> m == QueueMetric.ANSWERED_WITHIN_SL || m.genesysStat().isPresent())
            .toList();
    private static final String ADOPT = """
            UPDATE queue_interval SET %s, revision = revision + 1, updated_at = now()
            WHERE queue_id = ? AND media_type = ? AND interval_start = ?
            RETURNING revision, is_final""".formatted(ADOPTED.stream().map(m -> m.column() + " = ?")
            .collect(Collectors.joining(", ")));

    private final JdbcTemplate jdbc;

    public QueueIntervals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<IntervalRow> events(Interval range) {
        return jdbc.query("SELECT queue_id, media_type, interval_start, interval_end, " + COLUMNS
                        + " FROM queue_interval WHERE interval_start >= ? AND interval_start < ?",
                (rs, n) -> row(rs), Timestamp.from(range.start()), Timestamp.from(range.end()));
    }

    public List<IntervalRow> api(Interval range) {
        return jdbc.query("SELECT queue_id, media_type, interval_start, interval_end, " + COLUMNS
                        + " FROM queue_interval_api WHERE interval_start >= ? AND interval_start < ?",
                (rs, n) -> row(rs), Timestamp.from(range.start()), Timestamp.from(range.end()));
    }


    /**
     * Stores API components for an interval. The revision is above both the previous API revision and the
     * event row's, so a sink keyed on (row, revision) sees a new version whichever source the view shows.
     * Unchanged figures write nothing and return empty.
     */
    public Optional<Change> upsertApi(IntervalRow r) {
        IntervalComponents c = r.components();
        List<Object> args = new ArrayList<>(List.of(r.key().queueId(), r.key().mediaType(),
                Timestamp.from(r.interval().start()), Timestamp.from(r.interval().end())));
        args.addAll(values(c));
        args.addAll(List.of(r.key().queueId(), r.key().mediaType(), Timestamp.from(r.interval().start())));
        List<Integer> revisions = jdbc.query(UPSERT_API, (rs, n) -> rs.getInt(1), args.toArray());
        return revisions.stream().findFirst().map(rev -> new Change(r.key(), r.interval().start(), rev, true));
    }

    /**
     * Events cover the interval again: drop the API row so the view shows the event row, lifting the event row's
     * revision to at least the API row's so sinks never see a revision go backwards.
     */
    public void releaseApi(QueueMedia key, Instant intervalStart) {
        jdbc.update("""
                UPDATE queue_interval e SET revision = GREATEST(e.revision, a.revision), updated_at = now()
                FROM queue_interval_api a
                WHERE a.queue_id = e.queue_id AND a.media_type = e.media_type AND a.interval_start = e.interval_start
                  AND e.queue_id = ? AND e.media_type = ? AND e.interval_start = ?""",
                key.queueId(), key.mediaType(), Timestamp.from(intervalStart));
        jdbc.update("DELETE FROM queue_interval_api WHERE queue_id = ? AND media_type = ? AND interval_start = ?",
                key.queueId(), key.mediaType(), Timestamp.from(intervalStart));
    }

    /**
     * Replaces the event-derived components with Genesys's (a reconciliation adoption): the row is locked so the
     * engine's concurrent delta upserts wait instead of being overwritten, its revision is bumped, and the caller
     * logs the change like any restatement.
     */
    public Change adopt(IntervalRow r) {
        jdbc.update("INSERT INTO queue_interval (queue_id, media_type, interval_start, interval_end) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                r.key().queueId(), r.key().mediaType(), Timestamp.from(r.interval().start()), Timestamp.from(r.interval().end()));
        jdbc.query("SELECT 1 FROM queue_interval WHERE queue_id = ? AND media_type = ? AND interval_start = ? FOR UPDATE",
                (rs, n) -> 1, r.key().queueId(), r.key().mediaType(), Timestamp.from(r.interval().start()));
        IntervalComponents c = r.components();
        List<Object> args = new ArrayList<>(ADOPTED.stream().map(m -> (Object) c.get(m)).toList());
        args.addAll(List.of(r.key().queueId(), r.key().mediaType(), Timestamp.from(r.interval().start())));
        return jdbc.queryForObject(ADOPT,
                (rs, n) -> new Change(r.key(), r.interval().start(), rs.getInt(1), rs.getBoolean(2)), args.toArray());
    }

    /** Appends to kpi_change_log; call last in the transaction. */
    public void logChanges(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>();
        for (Change ch : changes) {
            args.add(new Object[] {ch.key().queueId(), ch.key().mediaType(), Timestamp.from(ch.intervalStart()),
                    ch.revision(), ch.isFinal()});
        }
        jdbc.batchUpdate("INSERT INTO kpi_change_log (row_kind, queue_id, media_type, interval_start, revision, is_final) "
                + "VALUES ('queue', ?, ?, ?, ?, ?)", args);
    }

    /** Each stored column in {@link #COLUMNS} order, formatted with {@code format} (its one argument: the column). */
    private static String joined(String format) {
        return COMPONENT_COLUMNS.stream().map(c -> format.formatted(c)).collect(Collectors.joining(", "));
    }

    private static List<Object> values(IntervalComponents c) {
        return Arrays.stream(c.toArray()).boxed().map(Object.class::cast).toList();
    }

    private static IntervalRow row(ResultSet rs) throws SQLException {
        return new IntervalRow(new QueueMedia(rs.getString("queue_id"), rs.getString("media_type")),
                new Interval(rs.getTimestamp("interval_start").toInstant(), rs.getTimestamp("interval_end").toInstant()),
                IntervalComponents.read(m -> rs.getLong(m.column())));
    }
}
