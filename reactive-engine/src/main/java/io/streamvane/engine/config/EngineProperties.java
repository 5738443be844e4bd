package io.streamvane.engine.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Engine settings ({@code streamvane.engine.*}), defaults in code.
 *
 * @param enabled         run workers and periodic jobs (false: beans only, e.g. for tests or replay-only nodes)
 * @param workers         inbox worker threads per process
 * @param batchSize       events claimed per transaction
 * @param pollInterval    fallback poll when no NOTIFY arrives
 * @param finality        the finality sweep
 * @param acdSessions     the expiry of waiting ACD sessions
 * @param serviceLevel    the refresh of the stored SL policy
 * @param replay          recomputing a range from raw_event (admin endpoint and after SL settings changes)
 */
@Validated
@ConfigurationProperties("streamvane.engine")
public record EngineProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @Max(64) @DefaultValue("2") int workers,
        @Min(1) @Max(100_000) @DefaultValue("500") int batchSize,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration pollInterval,
        @NotNull @Valid @DefaultValue Finality finality,
        @NotNull @Valid @DefaultValue AcdSessions acdSessions,
        @NotNull @Valid @DefaultValue ServiceLevel serviceLevel,
        @NotNull @Valid @DefaultValue Replay replay) {

    /** @param sweepInterval how often intervals are checked for finality (the rule's settings are streamvane.kpi) */
    public record Finality(@NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration sweepInterval) {
    }

    /** @param sweepInterval how often waiting sessions past {@code streamvane.kpi.acd-session-expiry} are expired */
    public record AcdSessions(@NotNull @DurationMin(millis = 1) @DefaultValue("1m") Duration sweepInterval) {
    }

    /**
     * @param refreshInterval how often the stored SL policy (streamvane.kpi.service-level and the thresholds synced
     *                        from Genesys) is re-read
     */
    public record ServiceLevel(@NotNull @DurationMin(millis = 1) @DefaultValue("1m") Duration refreshInterval) {
    }

    /**
     * @param chunk                  range restated per transaction: the longest pause of the live projection
     * @param segmentSpan            how far apart in event time the events of one agent segment may lie
     * @param onSettingsChange       replay recent buckets when stored per-queue SL settings change
     * @param settingsChangeHorizon  how far back that replay reaches
     */
    public record Replay(
            @NotNull @DurationMin(millis = 1) @DefaultValue("1h") Duration chunk,
            @NotNull @DurationMin(seconds = 0) @DefaultValue("12h") Duration segmentSpan,
            @DefaultValue("true") boolean onSettingsChange,
            @NotNull @DurationMin(seconds = 0) @DefaultValue("2d") Duration settingsChangeHorizon) {
    }
}
