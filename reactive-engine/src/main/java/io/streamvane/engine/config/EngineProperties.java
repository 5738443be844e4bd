package io.streamvane.engine.config;

import io.streamvane.model.kpi.Granularity;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings, defaults in code.
 *
 * @param enabled         run workers and periodic jobs (false: beans only, e.g. for tests or replay-only nodes)
 * @param workers         inbox worker threads per process
 * @param batchSize       events claimed per transaction
 * @param pollInterval    fallback poll when no NOTIFY arrives
 * @param baseGranularity bucket length stored
 * @param replay          recomputing a range from raw_event (admin endpoint and after SL settings changes)
 */
@ConfigurationProperties("streamvane.engine")
public record EngineProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int workers,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("PT15M") Granularity baseGranularity,
        @DefaultValue Finality finality,
        @DefaultValue AcdSessions acdSessions,
        @DefaultValue ServiceLevel serviceLevel,
        @DefaultValue Replay replay) {

    /**
     * @param sweepInterval     how often intervals are checked for finality
     * @param sourceIdleTimeout a source whose watermark was not updated for this long no longer holds finality back
     */
    public record Finality(@DefaultValue("5s") Duration sweepInterval, @DefaultValue("30m") Duration sourceIdleTimeout) {
    }

    public record AcdSessions(@DefaultValue("4h") Duration expireAfter, @DefaultValue("1m") Duration sweepInterval) {
    }

    /** Configured SL layers (SPEC §2 defaults apply to everything unset). */
    public record ServiceLevel(@DefaultValue("1m") Duration refreshInterval, Layer global,
            Map<String, Layer> mediaType, Map<String, Layer> queue) {
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

    public record Layer(Duration threshold, Duration shortAbandonThreshold, Boolean includeAbandons,
            Boolean excludeShortAbandons, Boolean includeFlowOuts) {

        public io.streamvane.model.kpi.ServiceLevelOverride toOverride() {
            return new io.streamvane.model.kpi.ServiceLevelOverride(threshold, shortAbandonThreshold, includeAbandons,
                    excludeShortAbandons, includeFlowOuts);
        }
    }
}
