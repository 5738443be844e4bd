package io.streamvane.engine.replay;

import io.streamvane.engine.projection.IntervalWriter;
import io.streamvane.engine.projection.RangeRestatement;
import io.streamvane.model.store.StoreLocks;
import io.streamvane.model.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a time range: its base buckets are restated chunk by chunk ({@link RangeRestatement}), each chunk in one
 * transaction holding the replay lock exclusively, so the live projection keeps running and only pauses for the
 * length of one chunk. Progress (chunks done, rows changed, status) is committed with each chunk into
 * {@code engine_replay}. Running a replay again over unchanged data changes no row and writes no change-log row.
 */
public final class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    /** Exclusive side of {@code InboxConsumer.REPLAY_LOCK_SQL}: waits for projecting transactions, blocks new ones. */
    static final String EXCLUSIVE_LOCK_SQL = "SELECT pg_advisory_xact_lock(" + StoreLocks.REPLAY + ")";

    /**
     * @param chunk       length of range restated per transaction (the longest pause of the live projection)
     * @param segmentSpan how far apart in event time the events of one agent segment may lie
     */
    public record Settings(Duration chunk, Duration segmentSpan) {
    }

    /** A replay run as persisted in engine_replay. */
    public record Progress(long id, Instant from, Instant to, int chunksTotal, int chunksDone, long rowsChanged,
            String status, Instant startedAt, Instant finishedAt) {
    }

    private final Transactions tx;
    private final RangeRestatement restatement;
    private final Settings settings;
    private final ExecutorService runner;
    private final Clock clock;

    public ReplayService(Transactions tx, RangeRestatement restatement, Settings settings, ExecutorService runner,
            Clock clock) {
        this.tx = tx;
        this.restatement = restatement;
        this.settings = settings;
        this.runner = runner;
        this.clock = clock;
    }

    /** Records a replay of {@code [from, to)} (widened to whole buckets) and runs it in the background; its id. */
    public long start(Instant from, Instant to) throws SQLException {
        long id = create(from, to);
        runner.execute(() -> {
            try {
                execute(id);
            } catch (Exception e) {
                log.error("replay {} failed", id, e);
            }
        });
        return id;
    }

    /** Replays {@code [from, to)} on this thread and returns the finished run. */
    public Progress run(Instant from, Instant to) throws SQLException {
        return execute(create(from, to));
    }

    /** Replays the last {@code horizon} up to now, in the background (after a service-level settings change). */
    public long startRecent(Duration horizon) throws SQLException {
        Instant now = clock.instant();
        return start(now.minus(horizon), now);
    }

    public Optional<Progress> progress(long id) throws SQLException {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, range_start, range_end, chunks_total, "
                    + "chunks_done, rows_changed, status, started_at, finished_at FROM engine_replay WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Timestamp finished = rs.getTimestamp(9);
                    return Optional.of(new Progress(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getInt(5), rs.getLong(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant(),
                            finished == null ? null : finished.toInstant()));
                }
            }
        });
    }

    private long create(Instant from, Instant to) throws SQLException {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("replay range must satisfy from < to, got [" + from + ", " + to + ")");
        }
        Instant start = restatement.base().bucketStart(from);
        Instant end = alignUp(to);
        int chunks = (int) Math.max(1, (Duration.between(start, end).toMillis() + settings.chunk().toMillis() - 1)
                / settings.chunk().toMillis());
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO engine_replay (range_start, range_end, "
                    + "chunks_total) VALUES (?, ?, ?) RETURNING id")) {
                ps.setTimestamp(1, Timestamp.from(start));
                ps.setTimestamp(2, Timestamp.from(end));
                ps.setInt(3, chunks);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private Progress execute(long id) throws SQLException {
        Progress p = progress(id).orElseThrow();
        log.info("replay {} of [{}, {}) in {} chunks", id, p.from(), p.to(), p.chunksTotal());
        try {
            for (Instant chunkStart = p.from(); chunkStart.isBefore(p.to()); ) {
                Instant chunkEnd = min(chunkStart.plus(settings.chunk()), p.to());
                Instant from = chunkStart;
                tx.inTransaction(c -> replayChunk(c, id, from, chunkEnd));
                chunkStart = chunkEnd;
            }
            finish(id, "done");
        } catch (SQLException | RuntimeException e) {
            finish(id, "failed");
            throw e;
        }
        Progress done = progress(id).orElseThrow();
        log.info("replay {} done: {} rows changed", id, done.rowsChanged());
        return done;
    }

    private int replayChunk(Connection c, long id, Instant from, Instant to) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(EXCLUSIVE_LOCK_SQL)) {
            lock.execute();
        }
        List<IntervalWriter.ChangedRow> changed = restatement.restate(c, from, to, settings.segmentSpan());
        try (PreparedStatement ps = c.prepareStatement("UPDATE engine_replay SET chunks_done = chunks_done + 1, "
                + "rows_changed = rows_changed + ? WHERE id = ?")) {
            ps.setLong(1, changed.size());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        IntervalWriter.logChanges(c, changed);
        return changed.size();
    }

    private void finish(long id, String status) throws SQLException {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE engine_replay SET status = ?, finished_at = now() "
                    + "WHERE id = ?")) {
                ps.setString(1, status);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private Instant alignUp(Instant t) {
        Instant start = restatement.base().bucketStart(t);
        return start.equals(t) ? t : start.plus(restatement.base().duration());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
