package io.streamvane.benchmarks;

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

    static Exactness compare(DataSource ds, GroundTruth truth, Instant start) throws SQLException {
        Map<QueueBucket, QueueComponents> stored = new HashMap<>();
        int finalRows = 0;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT queue_id, media_type, interval_start, offered, answered, answered_within_sl, abandoned, "
                        + "short_abandoned, flow_outs, answer_wait_ms, abandon_wait_ms, handled, handle_ms, talk_ms, "
                        + "hold_ms, acw_ms, is_final FROM queue_interval")) {
            while (rs.next()) {
                long[] v = new long[13];
                for (int i = 0; i < 13; i++) {
                    v[i] = rs.getLong(4 + i);
                }
                stored.put(new QueueBucket(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                        new QueueComponents(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                                v[12]));
                if (rs.getBoolean(17)) {
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
