package io.streamvane.benchmarks;

import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.simulator.truth.GroundTruth;
import io.streamvane.simulator.truth.QueueBucket;
import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.simulator.truth.QueueMediaKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * {@code queue_interval} against the ground truth, row by row and component by component. The rows compared are the
 * full grid: every configured queue × media type × 15-minute bucket from the simulation start to the last bucket
 * with data on either side (a bucket missing from the table counts as all zeros), plus any table row outside it.
 */
record Exactness(int rows, int equal, int finalRows, List<String> mismatches) {

    private static final Duration BUCKET = Duration.ofMinutes(15);

    double percent() {
        return rows == 0 ? 0 : 100.0 * equal / rows;
    }

    private static long column(ResultSet rs, String field) {
        try {
            return rs.getLong(QueueMetric.ofField(field).column());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Exactness compare(DataSource ds, GroundTruth truth, Instant start) throws SQLException {
        Map<QueueBucket, QueueComponents> stored = new HashMap<>();
        int finalRows = 0;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT * FROM queue_interval")) {
            while (rs.next()) {
                // Every component of the truth, by name: a component the store lacks fails the run.
                stored.put(new QueueBucket(rs.getString("queue_id"), rs.getString("media_type"),
                        rs.getTimestamp("interval_start").toInstant()), QueueComponents.byName(name -> column(rs, name)));
                if (rs.getBoolean("is_final")) {
                    finalRows++;
                }
            }
        }
        Instant first = floor(start);
        Instant last = first;
        for (QueueBucket b : truth.queueBuckets().keySet()) {
            last = b.intervalStart().isAfter(last) ? b.intervalStart() : last;
        }
        for (QueueBucket b : stored.keySet()) {
            last = b.intervalStart().isAfter(last) ? b.intervalStart() : last;
        }
        TreeSet<QueueBucket> keys = new TreeSet<>(stored.keySet());
        for (QueueMediaKey qm : truth.queueMedia()) {
            for (Instant t = first; !t.isAfter(last); t = t.plus(BUCKET)) {
                keys.add(new QueueBucket(qm.queueId(), qm.mediaType(), t));
            }
        }
        keys.addAll(truth.queueBuckets().keySet());
        int equal = 0;
        List<String> mismatches = new ArrayList<>();
        for (QueueBucket key : keys) {
            QueueComponents expected = truth.queueBuckets().getOrDefault(key, QueueComponents.ZERO);
            QueueComponents actual = stored.getOrDefault(key, QueueComponents.ZERO);
            if (expected.equals(actual)) {
                equal++;
            } else {
                mismatches.add(key.queueId() + " " + key.mediaType() + " " + key.intervalStart() + ": expected "
                        + expected + ", stored " + (stored.containsKey(key) ? actual : "no row"));
            }
        }
        return new Exactness(keys.size(), equal, finalRows, List.copyOf(mismatches));
    }

    private static Instant floor(Instant t) {
        long ms = BUCKET.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }
}
