package io.streamvane.egress.kpi;

import io.streamvane.model.kpi.ServiceLevelOverride;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code streamvane.kpi.service-level.*}: configured service-level layers (SPEC §2). Every field is optional; an
 * unset field inherits from the layer below (see {@link io.streamvane.model.kpi.ServiceLevelPolicy}).
 *
 * <pre>
 * streamvane.kpi.service-level:
 *   sl-threshold: 20s
 *   include-flow-outs: false
 *   media-types: { chat: { sl-threshold: 60s } }
 *   queues: { q-1: { sl-threshold: 30s } }
 *   queue-media-types: { q-1: { email: { sl-threshold: 4h } } }
 * </pre>
 */
@ConfigurationProperties("streamvane.kpi.service-level")
public record ServiceLevelProperties(
        Duration slThreshold,
        Duration shortAbandonThreshold,
        Boolean includeAbandons,
        Boolean excludeShortAbandons,
        Boolean includeFlowOuts,
        Map<String, Layer> mediaTypes,
        Map<String, Layer> queues,
        Map<String, Map<String, Layer>> queueMediaTypes) {

    public ServiceLevelProperties {
        mediaTypes = mediaTypes == null ? Map.of() : Map.copyOf(mediaTypes);
        queues = queues == null ? Map.of() : Map.copyOf(queues);
        queueMediaTypes = queueMediaTypes == null ? Map.of() : Map.copyOf(queueMediaTypes);
    }

    public ServiceLevelOverride global() {
        return new Layer(slThreshold, shortAbandonThreshold, includeAbandons, excludeShortAbandons, includeFlowOuts)
                .toOverride();
    }

    /** One configured layer. */
    public record Layer(Duration slThreshold, Duration shortAbandonThreshold, Boolean includeAbandons,
            Boolean excludeShortAbandons, Boolean includeFlowOuts) {

        public ServiceLevelOverride toOverride() {
            return new ServiceLevelOverride(slThreshold, shortAbandonThreshold, includeAbandons, excludeShortAbandons,
                    includeFlowOuts);
        }
    }
}
