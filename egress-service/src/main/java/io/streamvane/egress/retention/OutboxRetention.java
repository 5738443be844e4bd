package io.streamvane.egress.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.model.store.StoreLocks;
import io.streamvane.model.store.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the push sinks no longer need: settled deliveries older than their limit (delivered and superseded
 * after {@code delivered}, dead-lettered after {@code deadLettered}; pending and in-flight never) and change-log rows
 * older than {@code changeLog} that every configured sink's cursor has passed.
 *
 * <p>Nothing depends on an old delivered row existing: take-over and zero-fill only move forward from their durable
 * cursors ({@code last_change_id}, {@code zero_filled_until}), so a purged row is not enqueued again, and a replay
 * inserts the row afresh under its stable payload id.
 *
 * <p>Every egress replica runs it. Each batch is one short transaction ({@link Transactions}, redone whole after a
 * deadlock) that starts with a non-waiting advisory lock; a replica that finds another one purging ends its run
 * (ingress's raw-partition maintenance does the same). Ages are measured on the database clock, which stamped the rows.
 */
public final class OutboxRetention {

    /** How long settled rows are kept, and rows deleted per transaction. */
    public record Limits(Duration delivered, Duration deadLettered, Duration changeLog, int batchSize) {
    }

    /** What one run deleted, in how many transactions; cut short when another replica was purging. */
    public record Purged(long deliveries, long changeLog, int batches) {
    }

    static final String DELIVERIES = "sink_delivery";
    static final String CHANGE_LOG = "kpi_change_log";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(" + StoreLocks.SINK_RETENTION + ")";

    /** One kind of row to delete: its table and the statement deleting one batch of it. */
    private record Step(String table, String sql) {
    }

    private final Transactions transactions;
    private final Limits limits;
    private final String[] sinks;
    private final List<Step> steps;
    private final Map<String, Counter> deleted;

    /**
     * @param sinks the sinks configured in this instance: the change log is kept for them (a cursor row of a sink no
     *              longer configured holds nothing back); none = the change log is trimmed by age alone
     */
    public OutboxRetention(DataSource dataSource, Limits limits, List<String> sinks, MeterRegistry meters) {
        this.transactions = new Transactions(dataSource);
        this.limits = limits;
        this.sinks = sinks.toArray(String[]::new);
        int batch = limits.batchSize();
        this.steps = List.of(new Step(DELIVERIES, settled("delivered", limits.delivered(), batch)),
                new Step(DELIVERIES, settled("superseded", limits.delivered(), batch)),
                new Step(DELIVERIES, settled("dead_lettered", limits.deadLettered(), batch)),
                new Step(CHANGE_LOG, passedByEverySink(limits.changeLog(), batch)));
        this.deleted = Map.of(DELIVERIES, counter(meters, DELIVERIES), CHANGE_LOG, counter(meters, CHANGE_LOG));
    }

    private static Counter counter(MeterRegistry meters, String table) {
        return Counter.builder("streamvane.sink.retention.deleted").tag("table", table)
                .description("Rows the sink outbox retention deleted").register(meters);
    }

    /*
     * Status, age and batch size are literals, not parameters: a generic plan for "status = $1 AND updated_at < $2"
     * can neither match the partial index sink_delivery_settled_idx (V15) nor know how few rows are due, and falls
     * back to a table scan. SKIP LOCKED leaves a row a replay or retry is changing to the next run, and FOR UPDATE
     * re-checks the status of a row changed since the statement began.
     */
    private static String settled(String status, Duration age, int batchSize) {
        return "DELETE FROM sink_delivery WHERE id IN (SELECT id FROM sink_delivery WHERE status = '" + status
                + "' AND updated_at < " + ago(age) + " LIMIT " + batchSize + " FOR UPDATE SKIP LOCKED)";
    }

    private static String passedByEverySink(Duration age, int batchSize) {
        return "DELETE FROM kpi_change_log WHERE id IN (SELECT id FROM kpi_change_log WHERE changed_at < " + ago(age)
                + " AND id <= coalesce((SELECT min(last_change_id) FROM sink_cursor WHERE sink_name = ANY (?)), "
                + Long.MAX_VALUE + ") ORDER BY id LIMIT " + batchSize + ")";
    }

    private static String ago(Duration age) {
        return "now() - make_interval(secs => " + BigDecimal.valueOf(age.toMillis(), 3).toPlainString() + ")";
    }

    /** Deletes every row past its limit, batch by batch, unless another replica is at it. */
    public Purged runOnce() throws SQLException {
        long deliveries = 0;
        long changes = 0;
        int batches = 0;
        run:
        for (Step step : steps) {
            int n;
            do {
                OptionalInt batch = deleteBatch(step);
                if (batch.isEmpty()) {
                    LOG.debug("sink outbox retention: another replica is purging");
                    break run;
                }
                n = batch.getAsInt();
                batches++;
                deleted.get(step.table()).increment(n);
                if (step.table().equals(DELIVERIES)) {
                    deliveries += n;
                } else {
                    changes += n;
                }
            } while (n == limits.batchSize() && !Thread.currentThread().isInterrupted());
        }
        if (deliveries + changes > 0) {
            LOG.info("sink outbox retention deleted {} deliveries and {} change-log rows in {} transactions",
                    deliveries, changes, batches);
        }
        return new Purged(deliveries, changes, batches);
    }

    /** One batch in its own transaction; empty when another replica holds the job's lock. */
    private OptionalInt deleteBatch(Step step) throws SQLException {
        return transactions.inTransaction(c -> {
            if (!tryLock(c)) {
                return OptionalInt.empty();
            }
            try (PreparedStatement ps = c.prepareStatement(step.sql())) {
                if (step.table().equals(CHANGE_LOG)) {
                    ps.setArray(1, c.createArrayOf("text", sinks));
                }
                return OptionalInt.of(ps.executeUpdate());
            }
        });
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
