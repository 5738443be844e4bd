package io.streamvane.engine.inbox;

import io.streamvane.engine.projection.Projector;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.ParseResult;
import io.streamvane.model.store.InboxShard;
import io.streamvane.model.store.StoreFailure;
import io.streamvane.model.store.StoreLocks;
import io.streamvane.model.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claim-project-delete cycle per call, in a single transaction: the claimed rows are deleted and the projection
 * written before commit, so a crash redoes the whole batch and a commit means every event counted exactly once.
 * Any number of consumers (threads or replicas) may run at once: SKIP LOCKED hands each a disjoint batch, and each
 * transaction claims from one inbox shard no other holds.
 */
public final class InboxConsumer {

    private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);

    /** Shared by projection, exclusive for replay: a replay chunk never sees half a projected batch. */
    public static final String REPLAY_LOCK_SQL = "SELECT pg_advisory_xact_lock_shared(" + StoreLocks.REPLAY + ")";

    // The wait since acceptance is measured on the database clock (enqueued_at is ingress's transaction time), so
    // a skew between the database and this JVM cannot distort the latency; the JVM only adds claim-to-commit.
    // The claim takes up to InboxShard.PER_CLAIM shards that no other transaction holds, those with the oldest rows
    // first, then up to n rows of them in seq order. Rows of one conversation or one agent are in one shard, so
    // concurrent workers fold disjoint segments and histories instead of queueing on each other's row locks; SKIP
    // LOCKED keeps any claim safe. The heads are one index probe per shard; OFFSET 0 keeps the lock calls after the
    // sort, so LIMIT stops them once enough shards are held. "= ANY (ARRAY(...))" deletes by primary key: "IN" may be
    // planned as a semi-join over a sequential scan of the inbox while its statistics are stale.
    private static final String CLAIM = "WITH heads AS (SELECT s AS shard, (SELECT seq FROM engine_inbox "
            + "WHERE shard = s ORDER BY seq LIMIT 1) AS oldest FROM generate_series(0, " + (InboxShard.COUNT - 1)
            + ") AS s), mine AS (SELECT shard FROM (SELECT shard FROM heads WHERE oldest IS NOT NULL "
            + "ORDER BY oldest OFFSET 0) h WHERE pg_try_advisory_xact_lock(" + StoreLocks.INBOX_SHARD + ", shard) "
            + "LIMIT " + InboxShard.PER_CLAIM + ") "
            + "DELETE FROM engine_inbox WHERE seq = ANY (ARRAY(SELECT seq FROM engine_inbox "
            + "WHERE shard IN (SELECT shard FROM mine) ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)) RETURNING seq, "
            + "payload, (extract(epoch FROM clock_timestamp() - enqueued_at) * 1000000)::bigint";

    /** Told, after each projection commit, how long each projected inbox row took from acceptance to that commit. */
    @FunctionalInterface
    public interface ProjectionLatency {
        void record(Duration acceptedToCommitted);
    }

    /** What one transaction consumed: inbox rows, events projected, and each projected row's wait when claimed. */
    private record Batch(int rows, int events, List<Duration> waitedUntilClaim, long claimedAtNanos) {
        static final Batch EMPTY = new Batch(0, 0, List.of(), 0);
    }

    private final Transactions tx;
    private final Projector projector;
    private final EventParser parser;
    private final ProjectionLatency latency;
    private final AtomicLong projected = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public InboxConsumer(Transactions tx, Projector projector, EventParser parser) {
        this(tx, projector, parser, acceptedToCommitted -> { });
    }

    public InboxConsumer(Transactions tx, Projector projector, EventParser parser, ProjectionLatency latency) {
        this.tx = tx;
        this.projector = projector;
        this.parser = parser;
        this.latency = latency;
    }

    /**
     * Claims up to {@code limit} events, projects and commits them; returns how many inbox rows it consumed (0 when
     * none was free). A batch that fails with a {@link StoreFailure#DEFECT} is redone one event at a time,
     * and a single event that still fails is dropped from the inbox and logged (it stays in raw_event for replay),
     * so one poison event cannot stall the queue.
     */
    public int processBatch(int limit) throws SQLException {
        try {
            return committed(tx.inTransaction(c -> claimAndProject(c, limit, new long[1])));
        } catch (SQLException | RuntimeException e) {
            if (limit > 1 && !isTransient(e)) {
                log.warn("batch of up to {} events failed, redoing one by one: {}", limit, e.toString());
                int done = 0;
                for (int i = 0; i < limit; i++) {
                    int n = processOneOrDrop();
                    if (n == 0) {
                        break;
                    }
                    done += n;
                }
                return done;
            }
            throw e;
        }
    }

    /** Drains the inbox on this thread until no free row is left; for tests and replay. Returns rows consumed. */
    public int drain(int batchSize) throws SQLException {
        int total = 0;
        for (int n; (n = processBatch(batchSize)) > 0; ) {
            total += n;
        }
        return total;
    }

    public long projectedCount() {
        return projected.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    private int processOneOrDrop() throws SQLException {
        long[] failedSeq = {-1};
        try {
            return committed(tx.inTransaction(c -> {
                failedSeq[0] = -1;
                return claimAndProject(c, 1, failedSeq);
            }));
        } catch (SQLException | RuntimeException e) {
            if (isTransient(e) || failedSeq[0] < 0) {
                throw e;
            }
            log.error("dropping inbox event seq={} that cannot be projected (kept in raw_event)", failedSeq[0], e);
            tx.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM engine_inbox WHERE seq = ?")) {
                    ps.setLong(1, failedSeq[0]);
                    return ps.executeUpdate();
                }
            });
            dropped.incrementAndGet();
            return 1;
        }
    }

    /**
     * Counts and times a batch only once its transaction committed: a rolled-back or retried attempt projected
     * nothing, and the latency ends where the projection becomes visible.
     */
    private int committed(Batch batch) {
        projected.addAndGet(batch.events());
        long sinceClaim = System.nanoTime() - batch.claimedAtNanos();
        for (Duration waited : batch.waitedUntilClaim()) {
            latency.record(waited.plusNanos(sinceClaim));
        }
        return batch.rows();
    }

    private Batch claimAndProject(Connection c, int limit, long[] lastSeq) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(REPLAY_LOCK_SQL)) {
            lock.execute();
        }
        List<GenesysEvent> events = new ArrayList<>();
        List<Duration> waited = new ArrayList<>();
        int claimed = 0;
        long claimedAt;
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                claimedAt = System.nanoTime();
                while (rs.next()) {
                    claimed++;
                    lastSeq[0] = rs.getLong(1);
                    List<GenesysEvent> decoded = decode(rs.getLong(1), rs.getString(2));
                    if (!decoded.isEmpty()) {
                        events.addAll(decoded);
                        waited.add(Duration.ofNanos(Math.max(0, rs.getLong(3)) * 1000));
                    }
                }
            }
        }
        if (claimed == 0) {
            return Batch.EMPTY;
        }
        projector.project(c, events);
        return new Batch(claimed, events.size(), waited, claimedAt);
    }

    /** The payload is a Notification envelope; the shared parser turns it into the same event ingress accepted. */
    private List<GenesysEvent> decode(long seq, String payload) {
        ParseResult result = parser.parse(payload);
        if (result instanceof ParseResult.Items items && items.rejections().isEmpty()) {
            return items.acceptedEvents();
        }
        log.error("inbox event seq={} does not parse; skipped: {}", seq, result);
        dropped.incrementAndGet();
        return List.of();
    }

    /** Only a defect may be the event's fault: a store that is away or a lost race would fail any event. */
    private static boolean isTransient(Exception e) {
        return StoreFailure.of(e) != StoreFailure.DEFECT;
    }
}
