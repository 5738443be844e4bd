package io.streamvane.scheduler.jobs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.scheduler.jobs.*}: the schedule of every job and its ShedLock, defaults in code. Each job has a
 * record of its own because each has its own default {@code every}; a job's {@code initial-delay} overrides the
 * shared one, for jobs that should wait until the data they compare is complete.
 *
 * @param enabled        schedule the jobs (false: the admin API's "run now" only)
 * @param initialDelay   first run after start-up, for every job without one of its own
 * @param lockAtMostFor  a run's lock is released after this long even if the replica holding it died
 * @param lockAtLeastFor a run's lock is held at least this long, so replicas with skewed clocks do not run it twice
 */
@Validated
@ConfigurationProperties("streamvane.scheduler.jobs")
public record JobsSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("PT30S") Duration initialDelay,
        @NotNull @DurationMin(millis = 1) @DefaultValue("PT30M") Duration lockAtMostFor,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("PT5S") Duration lockAtLeastFor,
        @NotNull @Valid @DefaultValue ReferenceSync referenceSync,
        @NotNull @Valid @DefaultValue GapFill gapFill,
        @NotNull @Valid @DefaultValue Reconcile reconcile,
        @NotNull @Valid @DefaultValue ObservationPoll observationPoll,
        @NotNull @Valid @DefaultValue UserAggregates userAggregates,
        @NotNull @Valid @DefaultValue WfmIntraday wfmIntraday) {

    /** A job's fixed delay between runs and its own first delay (null: the shared {@code initial-delay}). */
    public interface Schedule {
        Duration every();

        Duration initialDelay();
    }

    /** The resolved schedule of one job. */
    public record FixedDelay(Duration every, Duration initialDelay) {
    }

    public record ReferenceSync(@NotNull @DurationMin(millis = 1) @DefaultValue("PT1H") Duration every,
            @DurationMin(seconds = 0) Duration initialDelay) implements Schedule {
    }

    public record GapFill(@NotNull @DurationMin(millis = 1) @DefaultValue("PT1M") Duration every,
            @DurationMin(seconds = 0) Duration initialDelay) implements Schedule {
    }

    public record Reconcile(@NotNull @DurationMin(millis = 1) @DefaultValue("PT15M") Duration every,
            @DurationMin(seconds = 0) Duration initialDelay) implements Schedule {
    }

    public record ObservationPoll(@NotNull @DurationMin(millis = 1) @DefaultValue("PT1M") Duration every,
            @DurationMin(seconds = 0) Duration initialDelay) implements Schedule {
    }

    public record UserAggregates(@NotNull @DurationMin(millis = 1) @DefaultValue("PT15M") Duration every,
            @DurationMin(seconds = 0) Duration initialDelay) implements Schedule {
    }

    public record WfmIntraday(@NotNull @DurationMin(millis = 1) @DefaultValue("PT15M") Duration every,
            @DurationMin(seconds = 0) Duration initialDelay) implements Schedule {
    }

    @AssertTrue(message = "lock-at-least-for must not exceed lock-at-most-for")
    boolean isLockSane() {
        return lockAtMostFor == null || lockAtLeastFor == null || lockAtLeastFor.compareTo(lockAtMostFor) <= 0;
    }

    /** Every job's schedule by its name (the names of {@link ScheduledJobs}), initial delays resolved. */
    public Map<String, FixedDelay> schedules() {
        Map<String, FixedDelay> byJob = new LinkedHashMap<>();
        put(byJob, ScheduledJobs.REFERENCE_SYNC, referenceSync);
        put(byJob, ScheduledJobs.GAP_FILL, gapFill);
        put(byJob, ScheduledJobs.RECONCILE, reconcile);
        put(byJob, ScheduledJobs.OBSERVATION_POLL, observationPoll);
        put(byJob, ScheduledJobs.USER_AGGREGATES, userAggregates);
        put(byJob, ScheduledJobs.WFM_INTRADAY, wfmIntraday);
        return byJob;
    }

    private void put(Map<String, FixedDelay> byJob, String job, Schedule schedule) {
        byJob.put(job, new FixedDelay(schedule.every(),
                schedule.initialDelay() != null ? schedule.initialDelay() : initialDelay));
    }
}
