package io.streamvane.engine.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings, defaults in code.
 *
 * @param enabled         run workers and periodic jobs (false: beans only, e.g. for tests or replay-only nodes)
 * @param workers         inbox worker threads per process
 * @param batchSize       events claimed per transaction
 * @param pollInterval    fallback poll when no NOTIFY arrives
 * @param replay          recomputing a range from raw_event (admin endpoint and after SL settings changes)
 */
@ConfigurationProperties("streamvane.engine")
public record EngineProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int workers,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue Finality finality,
        @DefaultValue AcdSessions acdSessions,
        @DefaultValue ServiceLevel serviceLevel,
        @DefaultValue Replay replay) {

    /** @param sweepInterval how often intervals are checked for finality (the rule's settings are streamvane.kpi) */
    public record Finality(@DefaultValue("5s") Duration sweepInterval) {
    }

    /** @param sweepInterval how often waiting sessions past {@code streamvane.kpi.acd-session-expiry} are expired */
    public record AcdSessions(@DefaultValue("1m") Duration sweepInterval) {
    }

    /**
     * @param refreshInterval how often the stored SL policy (streamvane.kpi.service-level and the thresholds synced
     *                        from Genesys) is re-read
     */
    public record ServiceLevel(@DefaultValue("1m") Duration refreshInterval) {
    }

    /**
     * @param chunk                  range restated per transaction: the longest pause of the live projection
     * @param segmentSpan            how far apart in event time the events of one agent segment may lie
     * @param onSettingsChange       replay recent buckets when stored per-queue SL settings change
     * @param settingsChangeHorizon  how far back that replay reaches
     */
    public record Replay(@DefaultValue("1h") Duration chunk, @DefaultValue("12h") Duration segmentSpan,
            @DefaultValue("true") boolean onSettingsChange, @DefaultValue("2d") Duration settingsChangeHorizon) {
    }
}
