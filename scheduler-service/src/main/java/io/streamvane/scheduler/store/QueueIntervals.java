package io.streamvane.scheduler.store;

import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMedia;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final String COLUMNS = "offered, answered, answered_within_sl, abandoned, short_abandoned, flow_outs, "
            + "answer_wait_ms, abandon_wait_ms, handled, handle_ms, talk_ms, hold_ms, acw_ms";

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
        List<Integer> revisions = jdbc.query("""
                        INSERT INTO queue_interval_api (queue_id, media_type, interval_start, interval_end, %s,
                                                        revision, is_final, finalised_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                COALESCE((SELECT e.revision FROM queue_interval e WHERE e.queue_id = ? AND e.media_type = ?
                                          AND e.interval_start = ?), -1) + 1, true, now(), now())
                        ON CONFLICT (queue_id, media_type, interval_start) DO UPDATE SET
                            offered = EXCLUDED.offered, answered = EXCLUDED.answered,
                            answered_within_sl = EXCLUDED.answered_within_sl, abandoned = EXCLUDED.abandoned,
                            short_abandoned = EXCLUDED.short_abandoned, flow_outs = EXCLUDED.flow_outs,
                            answer_wait_ms = EXCLUDED.answer_wait_ms, abandon_wait_ms = EXCLUDED.abandon_wait_ms,
                            handled = EXCLUDED.handled, handle_ms = EXCLUDED.handle_ms, talk_ms = EXCLUDED.talk_ms,
                            hold_ms = EXCLUDED.hold_ms, acw_ms = EXCLUDED.acw_ms,
                            revision = GREATEST(queue_interval_api.revision + 1, EXCLUDED.revision),
                            updated_at = now()
                        WHERE (queue_interval_api.offered, queue_interval_api.answered, queue_interval_api.answered_within_sl,
                               queue_interval_api.abandoned, queue_interval_api.short_abandoned, queue_interval_api.flow_outs,
                               queue_interval_api.answer_wait_ms, queue_interval_api.abandon_wait_ms, queue_interval_api.handled,
                               queue_interval_api.handle_ms, queue_interval_api.talk_ms, queue_interval_api.hold_ms,
                               queue_interval_api.acw_ms)
                              IS DISTINCT FROM
                              (EXCLUDED.offered, EXCLUDED.answered, EXCLUDED.answered_within_sl, EXCLUDED.abandoned,
                               EXCLUDED.short_abandoned, EXCLUDED.flow_outs, EXCLUDED.answer_wait_ms, EXCLUDED.abandon_wait_ms,
                               EXCLUDED.handled, EXCLUDED.handle_ms, EXCLUDED.talk_ms, EXCLUDED.hold_ms, EXCLUDED.acw_ms)
                        RETURNING revision
                        """.formatted(COLUMNS),
                (rs, n) -> rs.getInt(1),
                r.key().queueId(), r.key().mediaType(), Timestamp.from(r.interval().start()), Timestamp.from(r.interval().end()),
                c.offered(), c.answered(), c.answeredWithinSl(), c.abandoned(), c.shortAbandoned(), c.flowOuts(),
                c.answerWaitMs(), c.abandonWaitMs(), c.handled(), c.handleMs(), c.talkMs(), c.holdMs(), c.acwMs(),
                r.key().queueId(), r.key().mediaType(), Timestamp.from(r.interval().start()));
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
        return jdbc.queryForObject("""
                        UPDATE queue_interval SET offered = ?, answered = ?, answered_within_sl = ?, abandoned = ?,
                            short_abandoned = ?, flow_outs = ?, answer_wait_ms = ?, abandon_wait_ms = ?, handled = ?,
                            handle_ms = ?, talk_ms = ?, hold_ms = ?, acw_ms = ?, revision = revision + 1, updated_at = now()
                        WHERE queue_id = ? AND media_type = ? AND interval_start = ?
                        RETURNING revision, is_final""",
                (rs, n) -> new Change(r.key(), r.interval().start(), rs.getInt(1), rs.getBoolean(2)),
                c.offered(), c.answered(), c.answeredWithinSl(), c.abandoned(), c.shortAbandoned(), c.flowOuts(),
                c.answerWaitMs(), c.abandonWaitMs(), c.handled(), c.handleMs(), c.talkMs(), c.holdMs(), c.acwMs(),
                r.key().queueId(), r.key().mediaType(), Timestamp.from(r.interval().start()));
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

    private static IntervalRow row(ResultSet rs) throws SQLException {
        return new IntervalRow(new QueueMedia(rs.getString("queue_id"), rs.getString("media_type")),
                new Interval(rs.getTimestamp("interval_start").toInstant(), rs.getTimestamp("interval_end").toInstant()),
                new IntervalComponents(rs.getLong("offered"), rs.getLong("answered"), rs.getLong("answered_within_sl"),
                        rs.getLong("abandoned"), rs.getLong("short_abandoned"), rs.getLong("flow_outs"),
                        rs.getLong("answer_wait_ms"), rs.getLong("abandon_wait_ms"), rs.getLong("handled"),
                        rs.getLong("handle_ms"), rs.getLong("talk_ms"), rs.getLong("hold_ms"), rs.getLong("acw_ms")));
    }
}
