package io.streamvane.model.kpi;

import java.util.Map;
import java.util.Objects;

/**
 * The service-level target each queue and media type is measured against ("SL vs target"): the one Genesys sets on
 * the queue ({@code mediaSettings.<media>.serviceLevel.percentage}, synced), else the configured default
 * ({@code streamvane.kpi.sl-target}). A target judges a service level; it changes no count.
 *
 * @param defaultTarget fraction 0..1
 * @param synced        fraction 0..1 per queue and media type, as synced from Genesys
 */
public record ServiceLevelTargets(double defaultTarget, Map<QueueMedia, Double> synced) {

    public ServiceLevelTargets {
        requireFraction(defaultTarget, "defaultTarget");
        synced = Map.copyOf(Objects.requireNonNull(synced, "synced"));
        synced.values().forEach(t -> requireFraction(t, "synced target"));
    }

    /** The target of one queue and media type. */
    public double of(String queueId, String mediaType) {
        return synced.getOrDefault(new QueueMedia(queueId, mediaType), defaultTarget);
    }

    static double requireFraction(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction between 0 and 1: " + v);
        }
        return v;
    }
}
