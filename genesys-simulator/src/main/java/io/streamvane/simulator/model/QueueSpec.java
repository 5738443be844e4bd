package io.streamvane.simulator.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** A routing queue; its media types are the keys of {@code media}. */
public record QueueSpec(String id, String name, String divisionId, Map<MediaType, QueueMediaSettings> media) {

    public QueueSpec {
        // EnumMap, not Map.copyOf: iteration order must not vary between JVM runs, or seeded output would.
        media = Collections.unmodifiableMap(new EnumMap<>(media));
    }

    public Set<MediaType> mediaTypes() {
        return media.keySet();
    }

    public boolean serves(MediaType mediaType) {
        return media.containsKey(mediaType);
    }
}
