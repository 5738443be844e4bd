package io.streamvane.ingress.websocket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/** The websocket topics Streamvane subscribes, and their split over channels. */
final class Topics {

    private Topics() {
    }

    static List<String> of(List<String> queueIds, List<String> userIds) {
        var topics = new LinkedHashSet<String>();
        queueIds.stream().distinct().forEach(q -> topics.add("v2.analytics.queues." + q + ".observations"));
        userIds.stream().distinct().forEach(u -> topics.add("v2.users." + u + ".activity"));
        return List.copyOf(topics);
    }

    /** Consecutive chunks of at most {@code perChannel} topics: one channel (and socket) each. */
    static List<List<String>> perChannel(List<String> topics, int perChannel) {
        var chunks = new ArrayList<List<String>>();
        for (int from = 0; from < topics.size(); from += perChannel) {
            chunks.add(List.copyOf(topics.subList(from, Math.min(topics.size(), from + perChannel))));
        }
        return chunks;
    }

    static List<String> merge(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
