package io.streamvane.platform.kpi;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.model.kpi.ServiceLevelLayers;
import io.streamvane.model.kpi.ServiceLevelOverride;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.kpi.*}: every setting that changes what a KPI means, read by every service. Every field is
 * optional; an unset one takes {@link KpiSettings#DEFAULTS} (the SPEC §2 defaults, kept there alone), and an unset
 * service-level field inherits from the layer below ({@link io.streamvane.model.kpi.ServiceLevelPolicy}).
 *
 * <pre>
 * streamvane.kpi:
 *   base-granularity: PT15M
 *   allowed-lateness: 5m
 *   acd-session-expiry: 4h
 *   source-idle-timeout: 30m
 *   service-level:
 *     sl-threshold: 20s
 *     include-flow-outs: false
 *     media-types: { chat: { sl-threshold: 60s } }
 *     queues: { q-1: { sl-threshold: 30s } }
 *     queue-media-types: { q-1: { email: { sl-threshold: 4h } } }
 * </pre>
 */
@Validated
@ConfigurationProperties("streamvane.kpi")
public record KpiProperties(
        @Valid ServiceLevel serviceLevel,
        Granularity baseGranularity,
        Duration allowedLateness,
        Duration acdSessionExpiry,
        Duration sourceIdleTimeout) {

    /** The settings these properties give, defaults filled in. */
    public KpiSettings toSettings() {
        KpiSettings d = KpiSettings.DEFAULTS;
        return new KpiSettings(
                serviceLevel == null ? d.serviceLevel() : serviceLevel.toLayers(),
                baseGranularity == null ? d.baseGranularity() : baseGranularity,
                allowedLateness == null ? d.allowedLateness() : allowedLateness,
                acdSessionExpiry == null ? d.acdSessionExpiry() : acdSessionExpiry,
                sourceIdleTimeout == null ? d.sourceIdleTimeout() : sourceIdleTimeout);
    }

    @AssertTrue(message = "allowed-lateness must not be negative; acd-session-expiry and source-idle-timeout must be "
            + "positive")
    boolean isTimingSane() {
        return (allowedLateness == null || !allowedLateness.isNegative())
                && (acdSessionExpiry == null || (!acdSessionExpiry.isNegative() && !acdSessionExpiry.isZero()))
                && (sourceIdleTimeout == null || (!sourceIdleTimeout.isNegative() && !sourceIdleTimeout.isZero()));
    }

    /** The global layer's fields, and the layers by media type, queue, and queue and media type. */
    public record ServiceLevel(
            Duration slThreshold,
            Duration shortAbandonThreshold,
            Boolean includeAbandons,
            Boolean excludeShortAbandons,
            Boolean includeFlowOuts,
            Map<String, @Valid Layer> mediaTypes,
            Map<String, @Valid Layer> queues,
            Map<String, Map<String, @Valid Layer>> queueMediaTypes) {

        ServiceLevelLayers toLayers() {
            Map<String, ServiceLevelOverride> media = new HashMap<>();
            Map<String, ServiceLevelOverride> byQueue = new HashMap<>();
            Map<QueueMedia, ServiceLevelOverride> both = new HashMap<>();
            if (mediaTypes != null) {
                mediaTypes.forEach((m, l) -> media.put(m, l.toOverride()));
            }
            if (queues != null) {
                queues.forEach((q, l) -> byQueue.put(q, l.toOverride()));
            }
            if (queueMediaTypes != null) {
                queueMediaTypes.forEach((q, byMedia) ->
                        byMedia.forEach((m, l) -> both.put(new QueueMedia(q, m), l.toOverride())));
            }
            ServiceLevelOverride global = new Layer(slThreshold, shortAbandonThreshold, includeAbandons,
                    excludeShortAbandons, includeFlowOuts).toOverride();
            return new ServiceLevelLayers(global.applyTo(KpiSettings.DEFAULTS.serviceLevel().global()), media,
                    byQueue, both);
        }

        @AssertTrue(message = "service-level thresholds must not be negative")
        boolean isThresholdSane() {
            return new Layer(slThreshold, shortAbandonThreshold, null, null, null).isThresholdSane();
        }
    }

    /** One partial layer: an unset field inherits. */
    public record Layer(Duration slThreshold, Duration shortAbandonThreshold, Boolean includeAbandons,
            Boolean excludeShortAbandons, Boolean includeFlowOuts) {

        ServiceLevelOverride toOverride() {
            return new ServiceLevelOverride(slThreshold, shortAbandonThreshold, includeAbandons, excludeShortAbandons,
                    includeFlowOuts);
        }

        @AssertTrue(message = "service-level thresholds must not be negative")
        boolean isThresholdSane() {
            return (slThreshold == null || !slThreshold.isNegative())
                    && (shortAbandonThreshold == null || !shortAbandonThreshold.isNegative());
        }
    }
}
