package io.streamvane.scheduler.jobs;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The schedule of each job (fixed delays from {@link JobsSettings}, nothing when {@code jobs.enabled} is false); the
 * work and the lock live in {@link JobRunner}.
 */
public class ScheduledJobs implements SchedulingConfigurer {

    public static final String REFERENCE_SYNC = "reference-sync";
    public static final String GAP_FILL = "gap-fill";
    public static final String RECONCILE = "reconcile";
    public static final String OBSERVATION_POLL = "observation-poll";
    public static final String USER_AGGREGATES = "user-aggregates";
    public static final String WFM_INTRADAY = "wfm-intraday";

    private final JobRunner runner;
    private final JobsSettings settings;

    public ScheduledJobs(JobRunner runner, JobsSettings settings) {
        this.runner = runner;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.enabled()) {
            return;
        }
        settings.schedules().forEach((job, schedule) -> registrar.addFixedDelayTask(
                new FixedDelayTask(() -> runner.runScheduled(job), schedule.every(), schedule.initialDelay())));
    }
}
