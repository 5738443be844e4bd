package io.streamvane.model.kpi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the {@link ServiceLevelSettings} for a queue and media type. Layers, each overriding only the fields it
 * sets, from weakest to strongest:
 * <ol>
 *   <li>{@link ServiceLevelSettings#DEFAULTS} (20 s, 10 s, abandons in, short abandons out, flow-outs out);</li>
 *   <li>configured global override;</li>
 *   <li>configured override for the media type;</li>
 *   <li>the SL threshold synced from the Genesys queue ({@code mediaSettings.<media>.serviceLevel.durationMs});</li>
 *   <li>configured override for the queue;</li>
 *   <li>configured override for the queue and media type.</li>
 * </ol>
 * Why: a synced threshold is what Genesys itself uses for that queue, so it beats anything configured for all
 * queues, but an operator who names a queue explicitly has decided against Genesys and wins. Genesys syncs only the
 * threshold; the short-abandon threshold and the three options are org-wide there, so they come from configuration.
 * Immutable: synced thresholds are swapped in with {@link #withSyncedThresholds(Map)}.
 */
public final class ServiceLevelPolicy {

    private final ServiceLevelLayers layers;
    private final Map<QueueMedia, Duration> synced;

    ServiceLevelPolicy(ServiceLevelLayers layers, Map<QueueMedia, Duration> synced) {
        this.layers = Objects.requireNonNull(layers, "layers");
        synced.values().forEach(d -> ServiceLevelSettings.requireNonNegative(d, "synced threshold"));
        this.synced = Map.copyOf(synced);
    }

    /** Built-in defaults only. */
    public static ServiceLevelPolicy defaults() {
        return ServiceLevelLayers.DEFAULTS.policy(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The configured layers, without the synced thresholds. */
    public ServiceLevelLayers layers() {
        return layers;
    }

    /**
     * The settings for one queue row. Either key may be null (SPEC §1.2: all event fields are optional); layers that
     * need a missing key are skipped.
     */
    public ServiceLevelSettings resolve(String queueId, String mediaType) {
        String media = MediaTypes.normalise(mediaType);
        ServiceLevelSettings s = layers.global();
        if (media != null) {
            s = layers.mediaTypes().getOrDefault(media, ServiceLevelOverride.NONE).applyTo(s);
        }
        if (queueId != null && media != null) {
            Duration threshold = synced.get(new QueueMedia(queueId, media));
            if (threshold != null) {
                s = s.withSlThreshold(threshold);
            }
        }
        if (queueId != null) {
            s = layers.queues().getOrDefault(queueId, ServiceLevelOverride.NONE).applyTo(s);
        }
        if (queueId != null && media != null) {
            s = layers.queueMediaTypes().getOrDefault(new QueueMedia(queueId, media), ServiceLevelOverride.NONE)
                    .applyTo(s);
        }
        return s;
    }

    /** This policy with the synced thresholds replaced by {@code thresholds} (the latest full sync). */
    public ServiceLevelPolicy withSyncedThresholds(Map<QueueMedia, Duration> thresholds) {
        return new ServiceLevelPolicy(layers, thresholds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceLevelPolicy p && layers.equals(p.layers) && synced.equals(p.synced);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layers, synced);
    }

    @Override
    public String toString() {
        return "ServiceLevelPolicy[" + layers + ", synced=" + synced + "]";
    }

    /** Collects configured layers; keys are normalised like {@link QueueMedia}. */
    public static final class Builder {
        private ServiceLevelOverride global = ServiceLevelOverride.NONE;
        private final Map<String, ServiceLevelOverride> byMediaType = new HashMap<>();
        private final Map<String, ServiceLevelOverride> byQueue = new HashMap<>();
        private final Map<QueueMedia, ServiceLevelOverride> byQueueAndMediaType = new HashMap<>();
        private final Map<QueueMedia, Duration> synced = new HashMap<>();

        private Builder() {
        }

        public Builder global(ServiceLevelOverride override) {
            global = Objects.requireNonNull(override, "override");
            return this;
        }

        public Builder mediaType(String mediaType, ServiceLevelOverride override) {
            byMediaType.put(MediaTypes.normalise(Objects.requireNonNull(mediaType, "mediaType")),
                    Objects.requireNonNull(override, "override"));
            return this;
        }

        public Builder queue(String queueId, ServiceLevelOverride override) {
            byQueue.put(Objects.requireNonNull(queueId, "queueId"), Objects.requireNonNull(override, "override"));
            return this;
        }

        public Builder queueAndMediaType(String queueId, String mediaType, ServiceLevelOverride override) {
            byQueueAndMediaType.put(new QueueMedia(queueId, mediaType), Objects.requireNonNull(override, "override"));
            return this;
        }

        public Builder syncedThreshold(String queueId, String mediaType, Duration threshold) {
            synced.put(new QueueMedia(queueId, mediaType),
                    ServiceLevelSettings.requireNonNegative(threshold, "synced threshold"));
            return this;
        }

        public ServiceLevelPolicy build() {
            return new ServiceLevelPolicy(new ServiceLevelLayers(global.applyTo(ServiceLevelSettings.DEFAULTS),
                    byMediaType, byQueue, byQueueAndMediaType), synced);
        }
    }
}
