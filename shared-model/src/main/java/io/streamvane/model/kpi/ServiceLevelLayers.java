package io.streamvane.model.kpi;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configured service-level layers (SPEC §2): the global settings, complete because the defaults are already
 * applied, and the partial overrides by media type, by queue and by queue and media type. Together with the
 * thresholds synced from Genesys they make a {@link ServiceLevelPolicy}. Media-type keys are normalised, so two
 * spellings of one media type are one layer.
 */
public record ServiceLevelLayers(
        ServiceLevelSettings global,
        Map<String, ServiceLevelOverride> mediaTypes,
        Map<String, ServiceLevelOverride> queues,
        Map<QueueMedia, ServiceLevelOverride> queueMediaTypes) {

    /** SPEC §2 defaults and nothing else. */
    public static final ServiceLevelLayers DEFAULTS =
            new ServiceLevelLayers(ServiceLevelSettings.DEFAULTS, Map.of(), Map.of(), Map.of());

    public ServiceLevelLayers {
        Objects.requireNonNull(global, "global");
        Map<String, ServiceLevelOverride> media = new HashMap<>();
        Objects.requireNonNull(mediaTypes, "mediaTypes").forEach((m, o) ->
                media.put(MediaTypes.normalise(Objects.requireNonNull(m, "media type")), Objects.requireNonNull(o)));
        mediaTypes = Map.copyOf(media);
        queues = Map.copyOf(queues);
        queueMediaTypes = Map.copyOf(queueMediaTypes);
    }

    /** The policy these layers give with {@code synced} Genesys thresholds. */
    public ServiceLevelPolicy policy(Map<QueueMedia, java.time.Duration> synced) {
        return new ServiceLevelPolicy(this, synced);
    }
}
