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
        @DefaultValue ServiceLevel serviceLevel) {

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

    public record Layer(Duration threshold, Duration shortAbandonThreshold, Boolean includeAbandons,
            Boolean excludeShortAbandons, Boolean includeFlowOuts) {

        public io.streamvane.model.kpi.ServiceLevelOverride toOverride() {
            return new io.streamvane.model.kpi.ServiceLevelOverride(threshold, shortAbandonThreshold, includeAbandons,
                    excludeShortAbandons, includeFlowOuts);
        }
    }
}
