package io.streamvane.scheduler.admin;

import io.streamvane.scheduler.gapfill.GapFiller;
import io.streamvane.scheduler.genesys.GenesysClient;
import io.streamvane.scheduler.jobs.JobRunner;
import io.streamvane.scheduler.jobs.ScheduledJobs;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Small operational API under {@code /api/v1/scheduler}. */
@RestController
@RequestMapping("/api/v1/scheduler")
@ConditionalOnBean(JobRunner.class)
class SchedulerAdminController {

    record BackfillRequest(Instant from, Instant to) {
    }

    private final JobRunner jobs;
    private final GapFiller gapFiller;
    private final GenesysClient client;
    private final JdbcTemplate jdbc;

    SchedulerAdminController(JobRunner jobs, GapFiller gapFiller, GenesysClient client, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.gapFiller = gapFiller;
        this.client = client;
        this.jdbc = jdbc;
    }

    @GetMapping("/jobs")
    Map<String, Object> jobs() {
        return Map.of("jobs", jobs.names(), "genesysRequests", client.apiCalls(), "genesysRetries", client.retries(),
                "tokenRequests", client.tokenRequests(), "circuitBreaker", client.circuitBreaker().getState().name());
    }

    /** Runs the job now on this replica, unless another replica holds its lock (then ran = false). */
    @PostMapping("/jobs/{name}/run")
    ResponseEntity<Map<String, Object>> run(@PathVariable String name) {
        if (!jobs.knows(name)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(Map.of("job", name, "ran", jobs.run(name)));
    }

    /** Records the range as a manual gap and starts the gap-fill job in the background; poll /gaps for progress. */
    @PostMapping("/backfills")
    ResponseEntity<Map<String, Object>> backfill(@RequestBody BackfillRequest req) {
        if (req.from() == null || req.to() == null || !req.from().isBefore(req.to())) {
            return ResponseEntity.badRequest().body(Map.of("error", "from must be before to"));
        }
        long id = gapFiller.requestBackfill(req.from(), req.to());
        CompletableFuture.runAsync(() -> jobs.runScheduled(ScheduledJobs.GAP_FILL));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("gapId", id, "status", "open"));
    }

    @GetMapping("/gaps")
    List<Map<String, Object>> gaps(@RequestParam(defaultValue = "100") int limit) {
        return jdbc.queryForList("""
                SELECT g.id, g.source, g.gap_start, g.gap_end, g.status, g.attempts, g.last_error, g.recorded_at, g.filled_at,
                       count(c.*) FILTER (WHERE c.status = 'done') AS chunks_done, count(c.*) AS chunks_planned
                FROM ingest_gap g LEFT JOIN gap_fill_chunk c ON c.gap_id = g.id
                GROUP BY g.id ORDER BY g.gap_start DESC LIMIT ?""", limit);
    }

    @GetMapping("/drift")
    List<Map<String, Object>> drift(@RequestParam Instant from, @RequestParam Instant to,
                                    @RequestParam(required = false) String queueId) {
        return jdbc.queryForList("""
                SELECT queue_id, media_type, interval_start, interval_end, pass, metric, events_value, api_value, drift,
                       exceeds_tolerance, adopted, checked_at
                FROM reconcile_drift WHERE interval_start >= ? AND interval_start < ? AND (?::text IS NULL OR queue_id = ?)
                ORDER BY interval_start, queue_id, media_type, pass, metric""",
                Timestamp.from(from), Timestamp.from(to), queueId, queueId);
    }
}
