package io.streamvane.egress.api;

import io.streamvane.egress.kpi.ServiceLevelPolicySource;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.Rollup;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads queue interval rows from {@code queue_interval_effective} (event rows, replaced by API gap-fill rows where
 * a recorded gap says so), rolls base buckets up with the shared {@link Rollup}, zero-fills and derives KPIs with
 * {@link DerivedKpis} under the queue's resolved settings.
 */
@Component
public class QueueIntervalReader {

    private final JdbcClient jdbc;
    private final ServiceLevelPolicySource policies;

    public QueueIntervalReader(JdbcClient jdbc, ServiceLevelPolicySource policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    /** Whether the queue is known: in the queue dimension or in any interval row. */
    boolean exists(String queueId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM queue WHERE queue_id = :q)
                            OR EXISTS (SELECT 1 FROM queue_interval_effective WHERE queue_id = :q)""")
                .param("q", queueId).query(Boolean.class).single();
    }

    /** The media types with at least one row for the queue: the series to zero-fill (SPEC §3.1). */
    List<String> mediaTypes(String queueId, String mediaType) {
        return jdbc.sql("""
                        SELECT DISTINCT media_type FROM queue_interval_effective
                        WHERE queue_id = :q AND (CAST(:m AS text) IS NULL OR media_type = :m)
                        ORDER BY media_type""")
                .param("q", queueId).param("m", mediaType).query(String.class).list();
    }

    /**
     * The rows of {@code [from, to)} at {@code granularity} for every media type of the queue, exactly as the
     * intervals endpoint answers them (first page of the largest page size): the port other egress views read.
     */
    public List<QueueIntervalRow> rows(String queueId, Instant from, Instant to, String granularity) {
        return read(queueId, IntervalQuery.of(from, to, granularity, null, IntervalQuery.MAX_LIMIT)).rows();
    }

    record Result(List<QueueIntervalRow> rows, Instant nextFrom) {
    }

    Result read(String queueId, IntervalQuery query) {
        List<String> media = mediaTypes(queueId, query.mediaType());
        IntervalQuery.Page page = query.page(media.size());
        if (media.isEmpty() || page.buckets().isEmpty()) {
            return new Result(List.of(), null);
        }
        Instant first = page.buckets().get(0).start();
        Instant last = page.buckets().get(page.buckets().size() - 1).end();
        Map<String, Map<Instant, IntervalComponents>> base = new HashMap<>();
        Map<String, Map<Instant, BucketMeta>> meta = new HashMap<>();
        Granularity target = query.granularity();
        jdbc.sql("""
                        SELECT media_type, interval_start, offered, answered, answered_within_sl, abandoned,
                               short_abandoned, flow_outs, answer_wait_ms, abandon_wait_ms, handled, handle_ms,
                               talk_ms, hold_ms, acw_ms, revision, is_final
                        FROM queue_interval_effective
                        WHERE queue_id = :q AND media_type IN (:media)
                          AND interval_start >= :first AND interval_start < :last""")
                .param("q", queueId).param("media", media)
                .param("first", Timestamp.from(first)).param("last", Timestamp.from(last))
                .query(rs -> {
                    String m = rs.getString("media_type");
                    Instant start = rs.getTimestamp("interval_start").toInstant();
                    base.computeIfAbsent(m, k -> new HashMap<>()).put(start, new IntervalComponents(
                            rs.getLong("offered"), rs.getLong("answered"), rs.getLong("answered_within_sl"),
                            rs.getLong("abandoned"), rs.getLong("short_abandoned"), rs.getLong("flow_outs"),
                            rs.getLong("answer_wait_ms"), rs.getLong("abandon_wait_ms"), rs.getLong("handled"),
                            rs.getLong("handle_ms"), rs.getLong("talk_ms"), rs.getLong("hold_ms"),
                            rs.getLong("acw_ms")));
                    meta.computeIfAbsent(m, k -> new HashMap<>()).merge(target.bucketStart(start),
                            BucketMeta.EMPTY.plus(rs.getInt("revision"), rs.getBoolean("is_final")),
                            (a, b) -> new BucketMeta(a.stored() + b.stored(), a.revision() + b.revision(),
                                    a.allStoredFinal() && b.allStoredFinal()));
                });
        Map<String, Instant> latestFinalEnd = latestFinalEnd(queueId, media);
        ServiceLevelPolicy policy = policies.current();

        List<QueueIntervalRow> rows = new ArrayList<>();
        Map<String, NavigableMap<Instant, IntervalComponents>> rolled = new HashMap<>();
        for (String m : media) {
            rolled.put(m, Rollup.rollUp(base.getOrDefault(m, Map.of()), target));
        }
        for (Interval bucket : page.buckets()) {
            for (String m : media) {
                IntervalComponents c = rolled.get(m).getOrDefault(bucket.start(), IntervalComponents.ZERO);
                BucketMeta bm = meta.getOrDefault(m, Map.of()).getOrDefault(bucket.start(), BucketMeta.EMPTY);
                rows.add(QueueIntervalRow.of(queueId, m, bucket.start(), bucket.end(), c,
                        DerivedKpis.of(c, policy.resolve(queueId, m)),
                        bm.isFinal(bucket, Granularity.DEFAULT_BASE, latestFinalEnd.get(m)), bm.revision()));
            }
        }
        return new Result(rows, page.nextFrom());
    }

    private Map<String, Instant> latestFinalEnd(String queueId, List<String> media) {
        Map<String, Instant> result = new TreeMap<>();
        jdbc.sql("""
                        SELECT media_type, max(interval_end) AS latest FROM queue_interval_effective
                        WHERE queue_id = :q AND media_type IN (:media) AND is_final
                        GROUP BY media_type""")
                .param("q", queueId).param("media", media)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return result;
    }
}
