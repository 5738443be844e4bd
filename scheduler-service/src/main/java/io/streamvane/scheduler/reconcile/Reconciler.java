package io.streamvane.scheduler.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.scheduler.store.IntervalRow;
import io.streamvane.scheduler.store.QueueAggregates;
import io.streamvane.scheduler.store.QueueIntervals;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For each pass (T+1h, T+48h): asks the aggregates API for the intervals that reached the pass's age since the
 * last run (one request per chunk), compares them with the event-derived rows, and records every non-zero drift
 * per interval and metric. Then, per interval:
 * <ul>
 *   <li>overlapping a gap (API figures stand): the API row takes Genesys's latest figures; once the events equal
 *       them, the API row is released and the events stand again;</li>
 *   <li>otherwise, when the pass adopts and drift exceeds the tolerance: Genesys's figures replace the event row,
 *       bumping its revision, and a kpi_change_log row tells the sinks (a normal restatement).</li>
 * </ul>
 */
public class Reconciler {

    /** What one pass compared. */
    public record Summary(String pass, int chunks, int intervalsCompared, int intervalsWithDrift, int adopted, long apiRequests) {
        Summary plus(Summary o) {
            return new Summary(pass, chunks + o.chunks, intervalsCompared + o.intervalsCompared,
                    intervalsWithDrift + o.intervalsWithDrift, adopted + o.adopted, apiRequests + o.apiRequests);
        }
    }

    private final QueueAggregates aggregates;
    private final QueueIntervals intervals;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ReconcileSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    public Reconciler(QueueAggregates aggregates, QueueIntervals intervals, JdbcTemplate jdbc, TransactionTemplate tx,
                      ReconcileSettings settings, Clock clock, MeterRegistry meters) {
        this.aggregates = aggregates;
        this.intervals = intervals;
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    public List<Summary> runAllPasses() {
        return settings.passes().stream().map(this::run).toList();
    }

    /** Compares from the pass's cursor up to the last bucket that has reached the pass's age. */
    public Summary run(ReconcileSettings.Pass pass) {
        Instant until = aggregates.base().bucketStart(clock.instant().minus(pass.age()));
        Instant floor = until.minus(settings.maxCatchUp());
        Instant from = jdbc.query("SELECT reconciled_until FROM reconcile_cursor WHERE pass = ?",
                        (rs, n) -> rs.getTimestamp(1).toInstant(), pass.name()).stream().findFirst()
                .orElse(until.minus(settings.chunk()));
        if (from.isBefore(floor)) {
            from = floor;
        }
        Summary total = new Summary(pass.name(), 0, 0, 0, 0, 0);
        for (Instant s = from; s.isBefore(until); ) {
            Instant e = s.plus(settings.chunk()).isAfter(until) ? until : s.plus(settings.chunk());
            Interval chunk = new Interval(s, e);
            total = total.plus(reconcile(chunk, pass));
            jdbc.update("INSERT INTO reconcile_cursor (pass, reconciled_until) VALUES (?, ?) ON CONFLICT (pass) "
                    + "DO UPDATE SET reconciled_until = EXCLUDED.reconciled_until, updated_at = now()", pass.name(), Timestamp.from(e));
            s = e;
        }
        return total;
    }

    /** Compares one range (on demand from the admin API, or a chunk of a pass). */
    public Summary reconcile(Interval range, ReconcileSettings.Pass pass) {
        List<IntervalRow> api = aggregates.fetch(range);
        return tx.execute(status -> compare(range, pass, api));
    }

    private Summary compare(Interval range, ReconcileSettings.Pass pass, List<IntervalRow> apiRows) {
        Map<String, IntervalRow> api = index(apiRows);
        Map<String, IntervalRow> events = index(intervals.events(range));
        Map<String, IntervalRow> keys = new LinkedHashMap<>(events);
        api.forEach(keys::putIfAbsent);
        List<QueueIntervals.Change> changes = new ArrayList<>();
        int withDrift = 0;
        int adopted = 0;
        for (Map.Entry<String, IntervalRow> k : keys.entrySet()) {
            IntervalRow any = k.getValue();
            IntervalComponents e = events.containsKey(k.getKey()) ? events.get(k.getKey()).components() : IntervalComponents.ZERO;
            IntervalComponents a = api.containsKey(k.getKey()) ? api.get(k.getKey()).components() : IntervalComponents.ZERO;
            IntervalRow apiRow = new IntervalRow(any.key(), any.interval(), a);
            List<Drift.Difference> diffs = Drift.between(e, a);
            boolean exceeds = diffs.stream().anyMatch(d -> settings.tolerance().exceeded(d.drift(), d.apiValue()));
            boolean underGap = overlapsGap(any.interval());
            boolean adopt = false;
            if (underGap) {
                if (diffs.isEmpty() && gapsFilled(any.interval())) {
                    intervals.releaseApi(any.key(), any.interval().start());
                } else {
                    intervals.upsertApi(apiRow).ifPresent(changes::add);
                }
            } else if (exceeds && pass.adopt()) {
                changes.add(intervals.adopt(apiRow));
                adopt = true;
                adopted++;
            }
            recordDrift(any.key(), any.interval(), pass, diffs, adopt);
            if (!diffs.isEmpty()) {
                withDrift++;
            }
        }
        intervals.logChanges(changes);
        return new Summary(pass.name(), 1, keys.size(), withDrift, adopted, 1);
    }

    private void recordDrift(QueueMedia key, Interval interval, ReconcileSettings.Pass pass, List<Drift.Difference> diffs,
                             boolean adopted) {
        jdbc.update("DELETE FROM reconcile_drift WHERE queue_id = ? AND media_type = ? AND interval_start = ? AND pass = ?",
                key.queueId(), key.mediaType(), Timestamp.from(interval.start()), pass.name());
        for (Drift.Difference d : diffs) {
            jdbc.update("""
                            INSERT INTO reconcile_drift (queue_id, media_type, interval_start, interval_end, pass, metric,
                                events_value, api_value, drift, exceeds_tolerance, adopted)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    key.queueId(), key.mediaType(), Timestamp.from(interval.start()), Timestamp.from(interval.end()),
                    pass.name(), d.metric(), d.eventsValue(), d.apiValue(), d.drift(),
                    settings.tolerance().exceeded(d.drift(), d.apiValue()), adopted);
            meters.counter("streamvane.scheduler.reconcile.drift", "pass", pass.name(), "metric", d.metric()).increment();
            meters.summary("streamvane.scheduler.reconcile.drift.magnitude", "pass", pass.name(), "metric", d.metric())
                    .record(Math.abs(d.drift()));
        }
    }

    private boolean overlapsGap(Interval i) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM ingest_gap WHERE status <> 'dismissed' "
                + "AND gap_start < ? AND gap_end > ?)", Boolean.class, Timestamp.from(i.end()), Timestamp.from(i.start())));
    }

    private boolean gapsFilled(Interval i) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT NOT EXISTS (SELECT 1 FROM ingest_gap WHERE status NOT IN "
                + "('dismissed', 'filled') AND gap_start < ? AND gap_end > ?)", Boolean.class,
                Timestamp.from(i.end()), Timestamp.from(i.start())));
    }

    private static Map<String, IntervalRow> index(List<IntervalRow> rows) {
        Map<String, IntervalRow> m = new LinkedHashMap<>();
        for (IntervalRow r : rows) {
            m.put(r.key().queueId() + '|' + r.key().mediaType() + '|' + r.interval().start(), r);
        }
        return m;
    }
}
