package io.streamvane.simulator.model;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The default organisation. Its ids are name-based UUIDs, independent of the seed, so the fake REST API, the demo
 * and the tests can refer to the same queues whatever seed a run uses.
 */
public final class DefaultContactCenter {

    private static final String[] QUEUE_NAMES = {"Sales", "Support", "Billing", "Retention", "Claims", "Onboarding"};
    /** Shift starts (hours after simulation start) cycled over agents: a few night agents, most in the day. */
    private static final int[] SHIFT_START_HOURS = {0, 6, 7, 8, 9, 10, 11, 12, 13, 16};

    private DefaultContactCenter() {
    }

    public static String stableId(String kind, int index) {
        return UUID.nameUUIDFromBytes(("streamvane-sim/" + kind + "/" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public static String divisionId() {
        return stableId("division", 0);
    }

    public static List<QueueSpec> queues(int count) {
        List<QueueSpec> queues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<MediaType, QueueMediaSettings> media = new LinkedHashMap<>();
            media.put(MediaType.VOICE, new QueueMediaSettings(Duration.ofSeconds(20), 0.8, Duration.ofMinutes(5),
                    40 - 6 * (i % 4)));
            media.put(MediaType.CHAT, new QueueMediaSettings(Duration.ofSeconds(60), 0.8, Duration.ofMinutes(10),
                    14 - 2 * (i % 4)));
            String name = i < QUEUE_NAMES.length ? QUEUE_NAMES[i] : "Queue " + (i + 1);
            queues.add(new QueueSpec(stableId("queue", i), name, divisionId(), media));
        }
        return queues;
    }

    /** Each agent joins two neighbouring queues; every agent takes voice, every other one also chat. */
    public static List<AgentSpec> agents(int count, int queueCount) {
        List<AgentSpec> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> memberships = queueCount == 1
                    ? List.of(stableId("queue", 0))
                    : List.of(stableId("queue", i % queueCount), stableId("queue", (i + 1) % queueCount));
            EnumSet<MediaType> media = i % 2 == 0 ? EnumSet.of(MediaType.VOICE, MediaType.CHAT)
                    : EnumSet.of(MediaType.VOICE);
            Shift shift = new Shift(Duration.ofHours(SHIFT_START_HOURS[i % SHIFT_START_HOURS.length]),
                    Duration.ofHours(8), Duration.ofHours(4).plusMinutes(5L * (i % 6)), Duration.ofMinutes(30));
            agents.add(new AgentSpec(stableId("user", i), String.format("Agent %02d", i + 1), memberships, media, shift));
        }
        return agents;
    }

    public static List<String> wrapupCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(stableId("wrapup", i));
        }
        return codes;
    }
}
