package io.streamvane.scheduler.gapfill;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.scheduler.store.IntervalRow;
import io.streamvane.scheduler.store.QueueAggregates;
import io.streamvane.scheduler.store.QueueIntervals;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills each pending {@code ingest_gap} from the conversation aggregates API. The gap is widened to whole base
 * buckets and cut into chunks (one request each); every chunk's rows and its "done" mark commit together, so a
 * crash resumes at the first pending chunk. Source policy: the rows go to {@code queue_interval_api}, and the
 * {@code queue_interval_effective} view shows them instead of the event rows for every interval overlapping the
 * gap, until reconciliation finds that events cover the interval again.
 */
public class GapFiller {

    private static final Logger log = LoggerFactory.getLogger(GapFiller.class);

    /** What a gap's fill has reached. */
    public record Progress(long gapId, String status, int chunksDone, int chunksPlanned, long apiRequests) {
    }

    private record Gap(long id, Instant start, Instant end) {
    }

    private final QueueAggregates aggregates;
    private final QueueIntervals intervals;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final GapFillSettings settings;
    private final Clock clock;

    public GapFiller(QueueAggregates aggregates, QueueIntervals intervals, JdbcTemplate jdbc, TransactionTemplate tx,
                     GapFillSettings settings, Clock clock) {
        this.aggregates = aggregates;
        this.intervals = intervals;
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a range to backfill on demand, as a gap of source {@code manual}. */
    public long requestBackfill(Instant from, Instant to) {
        return jdbc.queryForObject("INSERT INTO ingest_gap (source, gap_start, gap_end) VALUES ('manual', ?, ?) RETURNING id",
                Long.class, Timestamp.from(from), Timestamp.from(to));
    }

    /** Works every open, filling or failed gap, oldest first; a failing gap does not stop the others. */
    public List<Progress> fillPending() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM ingest_gap WHERE status IN ('open', 'filling', 'failed') "
                + "ORDER BY gap_start", Long.class);
        List<Progress> done = new ArrayList<>();
        for (long id : ids) {
            try {
                done.add(fill(id));
            } catch (RuntimeException e) {
                log.warn("gap {} not filled this run: {}", id, e.getMessage());
                done.add(progress(id, 0));
            }
        }
        return done;
    }

    public Progress fill(long gapId) {
        Gap gap = jdbc.queryForObject("SELECT id, gap_start, gap_end FROM ingest_gap WHERE id = ?",
                (rs, n) -> new Gap(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()), gapId);
        List<Interval> plan = plan(gap);
        for (Interval c : plan) {
            jdbc.update("INSERT INTO gap_fill_chunk (gap_id, chunk_start, chunk_end) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    gapId, Timestamp.from(c.start()), Timestamp.from(c.end()));
        }
        jdbc.update("UPDATE ingest_gap SET status = 'filling', attempts = attempts + 1, version = version + 1 WHERE id = ?", gapId);
        List<Interval> pending = jdbc.query("SELECT chunk_start, chunk_end FROM gap_fill_chunk WHERE gap_id = ? AND status = 'pending' "
                        + "ORDER BY chunk_start LIMIT ?",
                (rs, n) -> new Interval(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()),
                gapId, settings.maxChunksPerRun());
        long requests = 0;
        for (Interval chunk : pending) {
            List<IntervalRow> fetched;
            try {
                fetched = aggregates.fetch(chunk);
                requests++;
            } catch (RuntimeException e) {
                jdbc.update("UPDATE ingest_gap SET status = 'failed', last_error = ?, version = version + 1 WHERE id = ?",
                        String.valueOf(e.getMessage()), gapId);
                throw e;
            }
            tx.executeWithoutResult(s -> store(gapId, chunk, fetched));
        }
        Instant coveredTo = plan.isEmpty() ? null : plan.get(plan.size() - 1).end();
        boolean wholeGapPlanned = coveredTo != null && !coveredTo.isBefore(gap.end());
        Integer stillPending = jdbc.queryForObject("SELECT count(*) FROM gap_fill_chunk WHERE gap_id = ? AND status = 'pending'",
                Integer.class, gapId);
        if (wholeGapPlanned && stillPending == 0) {
            jdbc.update("UPDATE ingest_gap SET status = 'filled', filled_at = now(), last_error = NULL, version = version + 1 "
                    + "WHERE id = ?", gapId);
        }
        return progress(gapId, requests);
    }

    public Progress progress(long gapId, long requests) {
        return jdbc.queryForObject("""
                        SELECT g.status, count(c.*) FILTER (WHERE c.status = 'done'), count(c.*)
                        FROM ingest_gap g LEFT JOIN gap_fill_chunk c ON c.gap_id = g.id WHERE g.id = ? GROUP BY g.status""",
                (rs, n) -> new Progress(gapId, rs.getString(1), rs.getInt(2), rs.getInt(3), requests), gapId);
    }

    /**
     * Chunks from the bucket holding the gap's start to the end of the bucket holding its end, each ending on or
     * before the last closed bucket; chunk bounds are deterministic, so later runs add chunks without overlap.
     */
    List<Interval> plan(Gap gap) {
        Granularity base = aggregates.base();
        Instant from = base.bucketStart(gap.start());
        Instant lastBucketStart = base.bucketStart(gap.end().minusNanos(1));
        Instant to = lastBucketStart.plus(base.duration());
        Instant closedUntil = base.bucketStart(clock.instant().minus(settings.closedLag()));
        List<Interval> chunks = new ArrayList<>();
        for (Instant s = from; s.isBefore(to); s = s.plus(settings.chunk())) {
            Instant e = s.plus(settings.chunk()).isAfter(to) ? to : s.plus(settings.chunk());
            if (e.isAfter(closedUntil)) {
                break;
            }
            chunks.add(new Interval(s, e));
        }
        return chunks;
    }

    private void store(long gapId, Interval chunk, List<IntervalRow> fetched) {
        List<QueueIntervals.Change> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IntervalRow r : fetched) {
            seen.add(r.key().queueId() + '|' + r.key().mediaType() + '|' + r.interval().start());
            intervals.upsertApi(r).ifPresent(changes::add);
        }
        // "No data" is an answer: an interval the events (or an earlier fill) have a row for, but Genesys omits,
        // had zero in Genesys.
        List<IntervalRow> existing = new ArrayList<>(intervals.events(chunk));
        existing.addAll(intervals.api(chunk));
        for (IntervalRow r : existing) {
            if (seen.add(r.key().queueId() + '|' + r.key().mediaType() + '|' + r.interval().start())) {
                intervals.upsertApi(new IntervalRow(r.key(), r.interval(), IntervalComponents.ZERO)).ifPresent(changes::add);
            }
        }
        jdbc.update("UPDATE gap_fill_chunk SET status = 'done', rows_written = ?, done_at = now() "
                + "WHERE gap_id = ? AND chunk_start = ?", changes.size(), gapId, Timestamp.from(chunk.start()));
        intervals.logChanges(changes);
    }
}
