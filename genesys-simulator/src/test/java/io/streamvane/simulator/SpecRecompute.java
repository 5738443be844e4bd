package io.streamvane.simulator;

import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.truth.AgentBucket;
import io.streamvane.simulator.truth.AgentComponents;
import io.streamvane.simulator.truth.QueueBucket;
import io.streamvane.simulator.truth.QueueComponents;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * SPEC §2 attribution applied to parsed events, written independently of the simulator's ground truth: distinct
 * events by identity, offered at acd.start, outcomes at acd.end, agent segments completing at their latest
 * user.end / acw event time.
 */
final class SpecRecompute {

    private static final long BUCKET_MS = Duration.ofMinutes(15).toMillis();
    private static final long SHORT_ABANDON_MS = 10_000;

    private record Segment(String queueId, String mediaType, String userId, long completedAt, long interacting,
                           long held, long acw) {
    }

    final Map<QueueBucket, QueueComponents> queues = new TreeMap<>();
    final Map<AgentBucket, AgentComponents> agents = new TreeMap<>();

    static SpecRecompute of(SimulationConfig config, Collection<Unwrapped> events) {
        SpecRecompute r = new SpecRecompute();
        Map<String, Unwrapped> distinct = new LinkedHashMap<>();
        events.forEach(e -> distinct.putIfAbsent(e.identity(), e));
        Map<String, Segment> segments = new HashMap<>();
        for (Unwrapped e : distinct.values()) {
            if (!e.isDetail()) {
                continue;
            }
            var b = e.body();
            String queueId = b.path("queueId").asString();
            String media = b.path("mediaType").asString().toLowerCase(Locale.ROOT);
            long at = b.path("eventTime").asLong();
            switch (e.kind()) {
                case "acd.start" -> r.add(queueId, media, at, QueueComponents.offer());
                case "acd.end" -> {
                    long wait = b.path("connectedDurationMs").asLong();
                    long sl = config.queue(queueId).media().get(io.streamvane.simulator.model.MediaType
                            .valueOf(media.toUpperCase(Locale.ROOT))).serviceLevelThreshold().toMillis();
                    QueueComponents c = switch (b.path("acdOutcome").asString()) {
                        case "ANSWERED" -> QueueComponents.answer(wait, wait <= sl);
                        case "ABANDON" -> QueueComponents.abandon(wait, wait < SHORT_ABANDON_MS, wait <= sl);
                        case "FLOW_OUT" -> QueueComponents.flowOut(wait);
                        default -> QueueComponents.ZERO;
                    };
                    r.add(queueId, media, at, c);
                }
                case "user.end", "acw" -> {
                    if (e.kind().equals("user.end")) {
                        r.addUserEnd(queueId, media, at, b);
                    }
                    String key = b.path("conversationId").asString() + "|" + b.path("participantId").asString();
                    Segment s = segments.getOrDefault(key,
                            new Segment(queueId, media, b.path("userId").asString(), at, 0, 0, 0));
                    boolean end = e.kind().equals("user.end");
                    segments.put(key, new Segment(s.queueId(), s.mediaType(), s.userId(), Math.max(s.completedAt(), at),
                            s.interacting() + (end ? b.path("interactingDurationMs").asLong() : 0),
                            s.held() + (end ? b.path("heldDurationMs").asLong() : 0),
                            s.acw() + (end ? 0 : b.path("wrapupDurationMs").asLong())));
                }
                default -> {
                }
            }
        }
        for (Segment s : segments.values()) {
            // Interacting and held are disjoint phases: talk is the interacting time as reported.
            long talk = s.interacting();
            long handled = talk > 0 || s.acw() > 0 ? 1 : 0;
            if (handled == 0) {
                continue; // an alert nobody answered contributes nothing
            }
            AgentComponents a = new AgentComponents(handled, talk + s.held() + s.acw(), talk, s.held(), s.acw());
            r.agents.merge(new AgentBucket(s.userId(), bucket(s.completedAt())), a, AgentComponents::plus);
            r.add(s.queueId(), s.mediaType(), s.completedAt(), QueueComponents.handle(a));
        }
        return r;
    }

    /** An alert with any ringing time; a missed one when it timed out unanswered; an agent's transfer. */
    private void addUserEnd(String queueId, String media, long at, JsonNode b) {
        long alerting = b.path("alertingDurationMs").asLong();
        boolean engaged = b.path("interactingDurationMs").asLong() > 0 || b.path("heldDurationMs").asLong() > 0;
        String disconnect = b.path("disconnectType").asString();
        if (alerting > 0) {
            add(queueId, media, at, QueueComponents.alert(alerting));
        }
        if (alerting > 0 && !engaged && disconnect.equals("NO_ANSWER_TRANSFER")) {
            add(queueId, media, at, QueueComponents.missedAlert(alerting));
        }
        if (engaged && (disconnect.equals("TRANSFER") || disconnect.equals("CONSULT_TRANSFER"))) {
            add(queueId, media, at, QueueComponents.transfer(disconnect.equals("CONSULT_TRANSFER")));
        }
    }

    private void add(String queueId, String media, long at, QueueComponents c) {
        queues.merge(new QueueBucket(queueId, media, bucket(at)), c, QueueComponents::plus);
    }

    private static Instant bucket(long at) {
        return Instant.ofEpochMilli(Math.floorDiv(at, BUCKET_MS) * BUCKET_MS);
    }
}
