package io.streamvane.model.kpi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the {@link AlertThresholds} for a queue and media type, with the layering of {@link ServiceLevelPolicy}, each
 * layer setting only the bounds it names, from weakest to strongest: {@link AlertThresholds#DEFAULTS}, the configured
 * global layer, the media type's, the queue's, the queue and media type's. (Genesys syncs no alert levels, so there is
 * no synced layer.) Every combination of layers that a queue and media type can resolve to is checked when the policy
 * is made, so a misordered pair, even one made of bounds from two layers, fails the start and not a snapshot.
 */
public final class AlertPolicy {

    /** Where the layers live in the settings tree, for messages that name the property to fix. */
    static final String PREFIX = "streamvane.kpi.thresholds";

    public static final AlertPolicy DEFAULTS = new AlertPolicy(AlertOverride.NONE, Map.of(), Map.of(), Map.of());

    private final AlertOverride global;
    private final Map<String, AlertOverride> mediaTypes;
    private final Map<String, AlertOverride> queues;
    private final Map<QueueMedia, AlertOverride> queueMediaTypes;

    /** Media-type keys are normalised ({@link MediaTypes}), so two spellings of one media type are one layer. */
    public AlertPolicy(AlertOverride global, Map<String, AlertOverride> mediaTypes, Map<String, AlertOverride> queues,
            Map<QueueMedia, AlertOverride> queueMediaTypes) {
        this.global = Objects.requireNonNull(global, "global");
        Map<String, AlertOverride> media = new HashMap<>();
        mediaTypes.forEach((m, o) -> media.put(MediaTypes.normalise(Objects.requireNonNull(m, "media type")),
                Objects.requireNonNull(o)));
        this.mediaTypes = Map.copyOf(media);
        this.queues = Map.copyOf(queues);
        this.queueMediaTypes = Map.copyOf(queueMediaTypes);
        checkEveryCombination();
    }

    /**
     * The thresholds for one tile. Either key may be null; layers that need a missing key are skipped, like
     * {@link ServiceLevelPolicy#resolve}.
     */
    public AlertThresholds resolve(String queueId, String mediaType) {
        return resolve(layers(queueId, MediaTypes.normalise(mediaType)), queueId, mediaType);
    }

    private record Layer(String path, AlertOverride override) {
    }

    private List<Layer> layers(String queueId, String media) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("", global));
        if (media != null && mediaTypes.containsKey(media)) {
            layers.add(new Layer("media-types." + media, mediaTypes.get(media)));
        }
        if (queueId != null && queues.containsKey(queueId)) {
            layers.add(new Layer("queues." + queueId, queues.get(queueId)));
        }
        if (queueId != null && media != null) {
            AlertOverride both = queueMediaTypes.get(new QueueMedia(queueId, media));
            if (both != null) {
                layers.add(new Layer("queue-media-types." + queueId + "." + media, both));
            }
        }
        return layers;
    }

    /** Each bound from the strongest layer that sets it; a misordered result names that layer's property. */
    private static AlertThresholds resolve(List<Layer> layers, String queueId, String mediaType) {
        Map<AlertMetric, AlertThreshold> result = new EnumMap<>(AlertMetric.class);
        for (AlertMetric m : AlertMetric.values()) {
            double warning = AlertThresholds.DEFAULTS.get(m).warning();
            double critical = AlertThresholds.DEFAULTS.get(m).critical();
            String setBy = null;
            for (Layer layer : layers) {
                AlertOverride.Bounds b = layer.override().byMetric().get(m);
                if (b != null) {
                    warning = b.warning() != null ? b.warning() : warning;
                    critical = b.critical() != null ? b.critical() : critical;
                    setBy = layer.path();
                }
            }
            try {
                result.put(m, new AlertThreshold(m, warning, critical));
            } catch (IllegalArgumentException e) {
                String where = queueId == null && mediaType == null ? ""
                        : " (as inherited by queue " + (queueId == null ? "any" : queueId) + ", media type "
                        + (mediaType == null ? "any" : mediaType) + ")";
                throw new IllegalArgumentException(property(setBy, m) + ": " + e.getMessage() + where);
            }
        }
        return new AlertThresholds(result);
    }

    private static String property(String layerPath, AlertMetric m) {
        return PREFIX + "." + (layerPath == null || layerPath.isEmpty() ? "" : layerPath + ".") + m.key();
    }

    private void checkEveryCombination() {
        checkRanges("", global);
        mediaTypes.forEach((m, o) -> checkRanges("media-types." + m, o));
        queues.forEach((q, o) -> checkRanges("queues." + q, o));
        queueMediaTypes.forEach((qm, o) -> checkRanges("queue-media-types." + qm.queueId() + "." + qm.mediaType(), o));
        resolve(null, null);
        mediaTypes.keySet().forEach(m -> resolve(null, m));
        for (String q : queues.keySet()) {
            resolve(q, null);
            mediaTypes.keySet().forEach(m -> resolve(q, m));
        }
        queueMediaTypes.keySet().forEach(qm -> resolve(qm.queueId(), qm.mediaType()));
    }

    private static void checkRanges(String path, AlertOverride o) {
        o.byMetric().forEach((m, b) -> {
            check(path, m, "warning", b.warning());
            check(path, m, "critical", b.critical());
        });
    }

    private static void check(String path, AlertMetric m, String field, Double v) {
        if (v != null) {
            try {
                AlertThreshold.requireInRange(m, field, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property(path, m) + "." + field + ": " + e.getMessage());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertPolicy p && global.equals(p.global) && mediaTypes.equals(p.mediaTypes)
                && queues.equals(p.queues) && queueMediaTypes.equals(p.queueMediaTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(global, mediaTypes, queues, queueMediaTypes);
    }

    @Override
    public String toString() {
        return "AlertPolicy[global=" + global + ", mediaTypes=" + mediaTypes + ", queues=" + queues
                + ", queueMediaTypes=" + queueMediaTypes + "]";
    }
}
