package io.streamvane.platform.kpi;

import io.streamvane.model.kpi.AlertMetric;
import io.streamvane.model.kpi.AlertOverride;
import io.streamvane.model.kpi.AlertPolicy;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.model.kpi.ServiceLevelLayers;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.QueueTimeZones;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.kpi.*}: every setting that changes what a KPI means, read by every service. Every field is
 * optional; an unset one takes {@link KpiSettings#DEFAULTS} (the SPEC §2 defaults, kept there alone), and an unset
 * service-level field inherits from the layer below ({@link io.streamvane.model.kpi.ServiceLevelPolicy}).
 * {@code thresholds} are the wallboard's warning and critical levels, layered the same way ({@link AlertPolicy}).
 *
 * <pre>
 * streamvane.kpi:
 *   base-granularity: PT15M
 *   allowed-lateness: 5m
 *   acd-session-expiry: 4h
 *   source-idle-timeout: 30m
 *   time-zone: Europe/London
 *   queue-time-zones: { q-sydney: Australia/Sydney }
 *   sl-target: 0.8
 *   service-level:
 *     sl-threshold: 20s
 *     include-flow-outs: false
 *     media-types: { chat: { sl-threshold: 60s } }
 *     queues: { q-1: { sl-threshold: 30s } }
 *     queue-media-types: { q-1: { email: { sl-threshold: 4h } } }
 *   thresholds:
 *     service-level: { warning: 0.8, critical: 0.6 }
 *     longest-wait: { warning: 60s, critical: 180s }
 *     media-types: { chat: { longest-wait: { warning: 120s, critical: 300s } } }
 *     queues: { q-1: { waiting: { critical: 25 } } }
 *     queue-media-types: { q-1: { email: { asa: { warning: 1h, critical: 4h } } } }
 * </pre>
 */
@Validated
@ConfigurationProperties("streamvane.kpi")
public record KpiProperties(
        @Valid ServiceLevel serviceLevel,
        Granularity baseGranularity,
        Duration allowedLateness,
        Duration acdSessionExpiry,
        Duration sourceIdleTimeout,
        ZoneId timeZone,
        Map<String, ZoneId> queueTimeZones,
        @DecimalMin("0") @DecimalMax("1") Double slTarget,
        Thresholds thresholds) {

    /** Refuses, while binding, a time zone that is an offset or that the base granularity cannot sum into. */
    public KpiProperties {
        zones(timeZone, queueTimeZones).requireAlignedTo(
                baseGranularity == null ? KpiSettings.DEFAULTS.baseGranularity() : baseGranularity);
    }

    private static QueueTimeZones zones(ZoneId timeZone, Map<String, ZoneId> queueTimeZones) {
        return new QueueTimeZones(timeZone == null ? KpiSettings.DEFAULTS.timeZones().defaultZone() : timeZone,
                queueTimeZones);
    }

    /**
     * The settings these properties give, defaults filled in. The alert thresholds are not among them: they decide
     * how a wallboard colours a value, not what any KPI counts, so they stay out of the settings every service
     * publishes to the store and compares at start-up (a colour change must not refuse a service's start or restate
     * intervals, and publishing them would need a table of their own). They are still bound here, in the one tree,
     * and validated at every service's start.
     */
    public KpiSettings toSettings() {
        KpiSettings d = KpiSettings.DEFAULTS;
        return new KpiSettings(
                serviceLevel == null ? d.serviceLevel() : serviceLevel.toLayers(),
                baseGranularity == null ? d.baseGranularity() : baseGranularity,
                allowedLateness == null ? d.allowedLateness() : allowedLateness,
                acdSessionExpiry == null ? d.acdSessionExpiry() : acdSessionExpiry,
                sourceIdleTimeout == null ? d.sourceIdleTimeout() : sourceIdleTimeout,
                zones(timeZone, queueTimeZones),
                slTarget == null ? d.slTarget() : slTarget);
    }

    /** The wallboard's alert thresholds, defaults filled in. */
    public AlertPolicy toAlertPolicy() {
        return thresholds == null ? AlertPolicy.DEFAULTS : thresholds.toPolicy();
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
            Keyed<ServiceLevelOverride> keyed = Keyed.of(mediaTypes, queues, queueMediaTypes, Layer::toOverride);
            ServiceLevelOverride global = new Layer(slThreshold, shortAbandonThreshold, includeAbandons,
                    excludeShortAbandons, includeFlowOuts).toOverride();
            return new ServiceLevelLayers(global.applyTo(KpiSettings.DEFAULTS.serviceLevel().global()),
                    keyed.mediaTypes(), keyed.queues(), keyed.queueMediaTypes());
        }

        @AssertTrue(message = "service-level thresholds must not be negative")
        boolean isThresholdSane() {
            return new Layer(slThreshold, shortAbandonThreshold, null, null, null).isThresholdSane();
        }
    }

    /**
     * The keyed layers of a layered tree (by media type, by queue, by queue and media type), each converted: the
     * service-level settings and the alert thresholds are laid out alike. Unset maps are empty.
     */
    record Keyed<T>(Map<String, T> mediaTypes, Map<String, T> queues, Map<QueueMedia, T> queueMediaTypes) {

        static <L, T> Keyed<T> of(Map<String, L> mediaTypes, Map<String, L> queues,
                Map<String, Map<String, L>> queueMediaTypes, Function<L, T> convert) {
            Map<String, T> media = new HashMap<>();
            Map<String, T> byQueue = new HashMap<>();
            Map<QueueMedia, T> both = new HashMap<>();
            if (mediaTypes != null) {
                mediaTypes.forEach((m, l) -> media.put(m, convert.apply(l)));
            }
            if (queues != null) {
                queues.forEach((q, l) -> byQueue.put(q, convert.apply(l)));
            }
            if (queueMediaTypes != null) {
                queueMediaTypes.forEach((q, byMedia) ->
                        byMedia.forEach((m, l) -> both.put(new QueueMedia(q, m), convert.apply(l))));
            }
            return new Keyed<>(media, byQueue, both);
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

    /**
     * {@code streamvane.kpi.thresholds}: warning and critical levels per metric, globally and by layer; an unset bound
     * inherits. The record refuses values the {@link AlertPolicy} refuses (a bound out of range, a critical level
     * better than its warning level, also where the two come from different layers), naming the property, so a bad
     * tree fails the start while binding.
     */
    public record Thresholds(
            Fraction serviceLevel,
            Wait longestWait,
            Count waiting,
            Fraction abandonRate,
            Wait asa,
            Map<String, ThresholdLayer> mediaTypes,
            Map<String, ThresholdLayer> queues,
            Map<String, Map<String, ThresholdLayer>> queueMediaTypes) {

        public Thresholds {
            policy(new ThresholdLayer(serviceLevel, longestWait, waiting, abandonRate, asa), mediaTypes, queues,
                    queueMediaTypes);
        }

        AlertPolicy toPolicy() {
            return policy(new ThresholdLayer(serviceLevel, longestWait, waiting, abandonRate, asa), mediaTypes,
                    queues, queueMediaTypes);
        }

        private static AlertPolicy policy(ThresholdLayer global, Map<String, ThresholdLayer> mediaTypes,
                Map<String, ThresholdLayer> queues, Map<String, Map<String, ThresholdLayer>> queueMediaTypes) {
            Keyed<AlertOverride> keyed = Keyed.of(mediaTypes, queues, queueMediaTypes, ThresholdLayer::toOverride);
            return new AlertPolicy(global.toOverride(), keyed.mediaTypes(), keyed.queues(), keyed.queueMediaTypes());
        }
    }

    /** One partial layer of thresholds: an unset metric or bound inherits. */
    public record ThresholdLayer(Fraction serviceLevel, Wait longestWait, Count waiting, Fraction abandonRate,
            Wait asa) {

        AlertOverride toOverride() {
            AlertOverride o = AlertOverride.NONE;
            if (serviceLevel != null) {
                o = o.with(AlertMetric.SERVICE_LEVEL, serviceLevel.warning(), serviceLevel.critical());
            }
            if (longestWait != null) {
                o = o.with(AlertMetric.LONGEST_WAIT, Wait.seconds(longestWait.warning()),
                        Wait.seconds(longestWait.critical()));
            }
            if (waiting != null) {
                o = o.with(AlertMetric.WAITING, Count.value(waiting.warning()), Count.value(waiting.critical()));
            }
            if (abandonRate != null) {
                o = o.with(AlertMetric.ABANDON_RATE, abandonRate.warning(), abandonRate.critical());
            }
            if (asa != null) {
                o = o.with(AlertMetric.ASA, Wait.seconds(asa.warning()), Wait.seconds(asa.critical()));
            }
            return o;
        }
    }

    /** Bounds of a fraction (0..1), e.g. {@code { warning: 0.8, critical: 0.6 }}. */
    public record Fraction(Double warning, Double critical) {
    }

    /** Bounds of a wait, e.g. {@code { warning: 60s, critical: 3m }}. */
    public record Wait(Duration warning, Duration critical) {

        static Double seconds(Duration d) {
            return d == null ? null : d.toMillis() / 1000.0;
        }
    }

    /** Bounds of a count of contacts, e.g. {@code { warning: 5, critical: 15 }}. */
    public record Count(Long warning, Long critical) {

        static Double value(Long n) {
            return n == null ? null : n.doubleValue();
        }
    }
}
