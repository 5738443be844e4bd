package io.streamvane.scheduler.jobs;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The schedule of each job (fixed delays from application.yml); the work and the lock live in {@link JobRunner}.
 * A job's own {@code initial-delay} overrides the shared one, for jobs that should wait until the data they compare
 * is complete.
 */
public class ScheduledJobs {

    public static final String REFERENCE_SYNC = "reference-sync";
    public static final String GAP_FILL = "gap-fill";
    public static final String RECONCILE = "reconcile";
    public static final String OBSERVATION_POLL = "observation-poll";
    public static final String USER_AGGREGATES = "user-aggregates";
    public static final String WFM_INTRADAY = "wfm-intraday";

    private final JobRunner runner;

    public ScheduledJobs(JobRunner runner) {
        this.runner = runner;
    }

    @Scheduled(fixedDelayString = "${streamvane.scheduler.jobs.reference-sync.every:PT1H}",
            initialDelayString = "${streamvane.scheduler.jobs.reference-sync.initial-delay:${streamvane.scheduler.jobs.initial-delay:PT30S}}")
    void referenceSync() {
        runner.runScheduled(REFERENCE_SYNC);
    }

    @Scheduled(fixedDelayString = "${streamvane.scheduler.jobs.gap-fill.every:PT1M}",
            initialDelayString = "${streamvane.scheduler.jobs.gap-fill.initial-delay:${streamvane.scheduler.jobs.initial-delay:PT30S}}")
    void gapFill() {
        runner.runScheduled(GAP_FILL);
    }

    @Scheduled(fixedDelayString = "${streamvane.scheduler.jobs.reconcile.every:PT15M}",
            initialDelayString = "${streamvane.scheduler.jobs.reconcile.initial-delay:${streamvane.scheduler.jobs.initial-delay:PT30S}}")
    void reconcile() {
        runner.runScheduled(RECONCILE);
    }

    @Scheduled(fixedDelayString = "${streamvane.scheduler.jobs.observation-poll.every:PT1M}",
            initialDelayString = "${streamvane.scheduler.jobs.observation-poll.initial-delay:${streamvane.scheduler.jobs.initial-delay:PT30S}}")
    void observationPoll() {
        runner.runScheduled(OBSERVATION_POLL);
    }

    @Scheduled(fixedDelayString = "${streamvane.scheduler.jobs.user-aggregates.every:PT15M}",
            initialDelayString = "${streamvane.scheduler.jobs.user-aggregates.initial-delay:${streamvane.scheduler.jobs.initial-delay:PT30S}}")
    void userAggregates() {
        runner.runScheduled(USER_AGGREGATES);
    }

    @Scheduled(fixedDelayString = "${streamvane.scheduler.jobs.wfm-intraday.every:PT15M}",
            initialDelayString = "${streamvane.scheduler.jobs.wfm-intraday.initial-delay:${streamvane.scheduler.jobs.initial-delay:PT30S}}")
    void wfmIntraday() {
        runner.runScheduled(WFM_INTRADAY);
    }
}
