package io.streamvane.scheduler.admin;

import io.streamvane.platform.problem.Problems;
import io.streamvane.scheduler.gapfill.GapFiller;
import io.streamvane.scheduler.genesys.GenesysClient;
import io.streamvane.scheduler.jobs.JobRunner;
import io.streamvane.scheduler.jobs.ScheduledJobs;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Small operational API under {@code /api/v1/scheduler}. Errors are problem+json ({@link SchedulerAdminProblems}). */
@RestController
@RequestMapping("/api/v1/scheduler")
@ConditionalOnBean(JobRunner.class)
class SchedulerAdminController {

    static final String UNKNOWN_JOB = "unknown-job";
    static final String INVALID_RANGE = "invalid-range";

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
    JobsOverview jobs() {
        return new JobsOverview(List.copyOf(jobs.names()), client.apiCalls(), client.retries(), client.tokenRequests(),
                client.circuitBreaker().getState().name());
    }

    /** Runs the job now on this replica, unless another replica holds its lock (then ran = false). */
    @PostMapping("/jobs/{name}/run")
    JobRun run(@PathVariable String name) {
        if (!jobs.knows(name)) {
            throw Problems.exception(HttpStatus.NOT_FOUND, UNKNOWN_JOB, "Unknown job",
                    "no job named '" + name + "'; known: " + jobs.names());
        }
        return new JobRun(name, jobs.run(name));
    }

    /** Records the range as a manual gap and starts the gap-fill job in the background; poll /gaps for progress. */
    @PostMapping("/backfills")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BackfillAccepted backfill(@RequestBody BackfillRequest req) {
        if (req.from() == null || req.to() == null || !req.from().isBefore(req.to())) {
            throw Problems.exception(HttpStatus.BAD_REQUEST, INVALID_RANGE, "Invalid range", "from must be before to");
        }
        long id = gapFiller.requestBackfill(req.from(), req.to());
        CompletableFuture.runAsync(() -> jobs.runScheduled(ScheduledJobs.GAP_FILL));
        return BackfillAccepted.open(id);
    }

    @GetMapping("/gaps")
    List<GapView> gaps(@RequestParam(defaultValue = "100") int limit) {
        return jdbc.query("""
                SELECT g.id, g.source, g.gap_start, g.gap_end, g.status, g.attempts, g.last_error, g.recorded_at, g.filled_at,
                       count(c.*) FILTER (WHERE c.status = 'done') AS chunks_done, count(c.*) AS chunks_planned
                FROM ingest_gap g LEFT JOIN gap_fill_chunk c ON c.gap_id = g.id
                GROUP BY g.id ORDER BY g.gap_start DESC LIMIT ?""", GapView::from, limit);
    }

    @GetMapping("/drift")
    List<DriftRow> drift(@RequestParam Instant from, @RequestParam Instant to,
                         @RequestParam(required = false) String queueId) {
        return jdbc.query("""
                SELECT queue_id, media_type, interval_start, interval_end, pass, metric, events_value, api_value, drift,
                       exceeds_tolerance, adopted, checked_at
                FROM reconcile_drift WHERE interval_start >= ? AND interval_start < ? AND (?::text IS NULL OR queue_id = ?)
                ORDER BY interval_start, queue_id, media_type, pass, metric""",
                DriftRow::from, Timestamp.from(from), Timestamp.from(to), queueId, queueId);
    }
}
