package io.streamvane.scheduler.agents;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.scheduler.genesys.Analytics;
import io.streamvane.scheduler.genesys.GenesysClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls {@code tAgentRoutingStatus} and {@code tSystemPresence} per agent and base interval from
 * {@code /analytics/users/aggregates/query} into {@code agent_interval_api}, at each pass of the queue reconciliation
 * (T+1h, T+48h: the closed intervals that reached the pass's age since its last run; cursor
 * {@code user-aggregates <pass>} in {@code reconcile_cursor}, hour chunks, catching up at most {@code maxCatchUp}); a
 * later pass replaces what an earlier one stored. Agents come from the {@code app_user} dimension, at most 100 {@code userId}
 * predicates per request (the documented limit). The {@code agent_status_drift} view puts Genesys's time in each
 * routing status and in each system presence beside the event-derived {@code agent_interval}. Each fetch counts the
 * rows where the two differ ({@code streamvane.scheduler.agent.drift}, by metric); nothing is adopted: the events'
 * time is exact once the status clock has counted the interval, so a drift is a defect or an ingest loss to look at,
 * not a figure to overwrite.
 */
public class UserAggregates {

    /** Each pass's cursor in {@code reconcile_cursor} is this and the pass's name, e.g. {@code user-aggregates T+1h}. */
    public static final String CURSOR = "user-aggregates";
    static final List<String> METRICS = List.of("tAgentRoutingStatus", "tSystemPresence");

    /** A comparison pass: its name (in cursors and metrics) and how old an interval is when it is compared. */
    public record Pass(String name, Duration age) {
    }

    /** What a run did; {@code driftRows}: rows of agent_status_drift where Genesys and the events differ. */
    public record Result(int chunks, long apiRequests, int rows, long driftRows) {
    }

    private final GenesysClient client;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Granularity base;
    private final List<Pass> passes;
    private final Duration chunk;
    private final Duration maxCatchUp;
    private final int usersPerRequest;
    private final MeterRegistry meters;

    public UserAggregates(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, Granularity base,
                          List<Pass> passes, Duration chunk, Duration maxCatchUp, int usersPerRequest,
                          MeterRegistry meters) {
        this.client = client;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.base = base;
        this.passes = List.copyOf(passes);
        this.chunk = chunk;
        this.maxCatchUp = maxCatchUp;
        this.usersPerRequest = Math.min(100, Math.max(1, usersPerRequest));
        this.meters = meters;
    }

    /** Every pass, each from its cursor up to the last bucket that reached the pass's age. */
    public Result run() {
        Result total = new Result(0, 0, 0, 0);
        for (Pass pass : passes) {
            Result r = run(pass);
            total = new Result(total.chunks() + r.chunks(), total.apiRequests() + r.apiRequests(),
                    total.rows() + r.rows(), total.driftRows() + r.driftRows());
        }
        return total;
    }

    private Result run(Pass pass) {
        String cursor = CURSOR + " " + pass.name();
        Instant until = base.bucketStart(clock.instant().minus(pass.age()));
        Instant floor = until.minus(maxCatchUp);
        Instant from = jdbc.query("SELECT reconciled_until FROM reconcile_cursor WHERE pass = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), cursor).stream().findFirst().orElse(until.minus(chunk));
        if (from.isBefore(floor)) {
            from = floor;
        }
        Result total = new Result(0, 0, 0, 0);
        for (Instant s = from; s.isBefore(until); ) {
            Instant e = s.plus(chunk).isAfter(until) ? until : s.plus(chunk);
            Result r = fetch(new Interval(s, e), pass.name());
            total = new Result(total.chunks() + 1, total.apiRequests() + r.apiRequests(), total.rows() + r.rows(),
                    total.driftRows() + r.driftRows());
            jdbc.update("INSERT INTO reconcile_cursor (pass, reconciled_until) VALUES (?, ?) ON CONFLICT (pass) "
                    + "DO UPDATE SET reconciled_until = EXCLUDED.reconciled_until, updated_at = now()", cursor, Timestamp.from(e));
            s = e;
        }
        return total;
    }

    /** One range for every known agent (also for an on-demand backfill); drift is counted under {@code pass}. */
    public Result fetch(Interval range, String pass) {
        List<String> users = jdbc.queryForList("SELECT user_id FROM app_user ORDER BY user_id", String.class);
        long requests = 0;
        int rows = 0;
        for (int i = 0; i < users.size(); i += usersPerRequest) {
            List<String> batch = users.subList(i, Math.min(users.size(), i + usersPerRequest));
            Analytics.AggregationQuery q = new Analytics.AggregationQuery(Analytics.isoInterval(range), base.name(), null,
                    List.of("userId"), Analytics.Filter.anyOf("userId", batch), METRICS);
            Analytics.AggregateResponse response = client.post(Analytics.USER_AGGREGATES, q, Analytics.AggregateResponse.class);
            requests++;
            rows += tx.execute(s -> store(range, batch, response));
        }
        return new Result(1, requests, rows, countDrift(range, pass));
    }

    /**
     * Drift rows of the range, among the intervals the engine has counted whole: an agent whose current status or
     * presence is not yet counted to an interval's end (the status clock follows the watermark) is not compared there.
     */
    private long countDrift(Interval range, String pass) {
        long total = 0;
        String counted = "NOT EXISTS (SELECT 1 FROM %s h WHERE h.user_id = d.user_id AND h.ended_at IS NULL "
                + "AND h.counted_until < d.interval_start + make_interval(secs => ?))";
        for (Map<String, Object> m : jdbc.queryForList("SELECT metric, count(*) AS n FROM agent_status_drift d "
                + "WHERE interval_start >= ? AND interval_start < ? AND api_ms IS DISTINCT FROM coalesce(events_ms, 0) "
                + "AND " + counted.formatted("routing_status_history") + " AND "
                + counted.formatted("presence_history") + " GROUP BY metric", Timestamp.from(range.start()),
                Timestamp.from(range.end()), base.duration().toSeconds(), base.duration().toSeconds())) {
            long n = ((Number) m.get("n")).longValue();
            meters.counter("streamvane.scheduler.agent.drift", "pass", pass, "metric", (String) m.get("metric"))
                    .increment(n);
            total += n;
        }
        return total;
    }

    private int store(Interval range, List<String> batch, Analytics.AggregateResponse response) {
        // Replace the range for these agents: a status Genesys no longer reports had zero time.
        for (String user : batch) {
            jdbc.update("DELETE FROM agent_interval_api WHERE user_id = ? AND interval_start >= ? AND interval_start < ?",
                    user, Timestamp.from(range.start()), Timestamp.from(range.end()));
        }
        int n = 0;
        for (Analytics.AggregateResult r : response == null ? List.<Analytics.AggregateResult>of() : response.resultsOrEmpty()) {
            Map<String, String> g = r.group();
            if (g == null || g.get("userId") == null || r.data() == null) {
                continue;
            }
            for (Analytics.DataPoint p : r.data()) {
                Interval bucket = Analytics.parseInterval(p.interval());
                for (Analytics.MetricValue m : p.metrics() == null ? List.<Analytics.MetricValue>of() : p.metrics()) {
                    if (m.qualifier() == null || m.stats() == null || m.stats().sum() == null) {
                        continue;
                    }
                    n += jdbc.update("""
                                    INSERT INTO agent_interval_api (user_id, interval_start, interval_end, metric, qualifier, value_ms)
                                    VALUES (?, ?, ?, ?, ?, ?)
                                    ON CONFLICT (user_id, interval_start, metric, qualifier) DO UPDATE SET
                                        value_ms = excluded.value_ms, interval_end = excluded.interval_end, fetched_at = now()""",
                            g.get("userId"), Timestamp.from(bucket.start()), Timestamp.from(bucket.end()), m.metric(),
                            m.qualifier(), Math.round(m.stats().sum()));
                }
            }
        }
        return n;
    }
}
