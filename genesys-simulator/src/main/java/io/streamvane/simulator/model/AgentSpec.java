package io.streamvane.simulator.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** An agent: the queues they are a member of and the media they are skilled for. */
public record AgentSpec(String id, String name, List<String> queueIds, Set<MediaType> media, Shift shift) {

    public AgentSpec {
        queueIds = List.copyOf(queueIds);
        // EnumSet keeps a stable iteration order, which the seeded simulation relies on.
        EnumSet<MediaType> copy = EnumSet.noneOf(MediaType.class);
        copy.addAll(media);
        media = Collections.unmodifiableSet(copy);
    }
}
