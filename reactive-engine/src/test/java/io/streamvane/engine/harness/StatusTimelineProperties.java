package io.streamvane.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.model.kpi.AgentMetric;
import io.streamvane.model.kpi.RoutingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Time in routing status and in presence against a reference computed from the sorted history: whatever the order
 * the changes arrive in, and wherever the status clock (the finality sweep) moves between them, after the next sweep
 * every agent_interval column equals the history split at bucket boundaries, the last state counted to the furthest
 * clock position.
 */
class StatusTimelineProperties {

    private static final String USER = "6f0b5c1e-2d3a-4b8e-9f10-0a1b2c3d4e99";
    private static final Instant T0 = Instant.parse("2025-03-04T08:00:00Z");
    private static final Duration BUCKET = Duration.ofMinutes(15);
    private static final List<String> STATUSES = List.of("IDLE", "INTERACTING", "OFF_QUEUE", "COMMUNICATING");
    private static final List<String> PRESENCES = List.of("ON_QUEUE", "BREAK", "OFFLINE", "AVAILABLE", "MEAL");

    private static EngineHarness engine;

    /** A routing status ({@code routing}) or presence change, {@code minute} minutes after T0. */
    record Change(boolean routing, String value, int minute) {
        Instant start() {
            return T0.plus(Duration.ofMinutes(minute));
        }

        String payload() {
            return routing ? Events.routingStatus(USER, value, start())
                    : "{\"topicName\":\"v2.users." + USER + ".presence\",\"version\":\"2\",\"eventBody\":{"
                            + "\"source\":\"PURECLOUD\",\"presenceDefinition\":{\"id\":\"def-" + value
                            + "\",\"systemPresence\":\"" + value + "\"},\"primary\":true,\"message\":\"\","
                            + "\"modifiedDate\":\"" + start() + "\"}}";
        }

        AgentMetric metric() {
            return routing ? AgentMetric.of(RoutingStatus.valueOf(value)) : AgentMetric.ofSystemPresence(value);
        }
    }

    @BeforeContainer
    static void start() {
        engine = new EngineHarness();
    }

    @AfterContainer
    static void stop() {
        engine = null;
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        // Minutes on a coarse grid, so that equal starts (ties) and bucket boundaries are common.
        Arbitrary<Change> routing = Combinators.combine(Arbitraries.of(STATUSES), Arbitraries.integers().between(0, 24))
                .as((s, m) -> new Change(true, s, m * 5));
        Arbitrary<Change> presence = Combinators.combine(Arbitraries.of(PRESENCES),
                Arbitraries.integers().between(0, 24)).as((p, m) -> new Change(false, p, m * 5));
        return Arbitraries.oneOf(routing, presence).list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 25)
    void anyOrderAndAnyClockGiveTheSortedHistory(@ForAll("changes") List<Change> changes, @ForAll long seed,
            @ForAll("clockMinutes") List<Integer> clock) throws Exception {
        engine.truncateAll();
        List<Change> order = new ArrayList<>(changes);
        Collections.shuffle(order, new Random(seed));
        int furthest = 0;
        for (int i = 0; i < order.size(); i++) {
            engine.feed(order.get(i).payload());
            engine.drain();
            if (i < clock.size()) {
                // The watermark trails the newest event time by the allowed lateness (5 minutes).
                engine.advanceWatermark(T0.plus(Duration.ofMinutes(clock.get(i) + 5)));
                engine.sweep();
                furthest = Math.max(furthest, clock.get(i) / 15 * 15);
            }
        }
        // The sweep runs on: a history that began after the clock last moved is counted at its next run.
        engine.sweep();
        assertThat(stored()).isEqualTo(reference(changes, furthest));
    }

    @Provide
    Arbitrary<List<Integer>> clockMinutes() {
        return Arbitraries.integers().between(0, 150).list().ofMaxSize(6);
    }

    /** The history by kind, sorted, ties keeping the least value; each state to the next start or the clock. */
    private static Map<String, Long> reference(List<Change> changes, int clockMinute) {
        Map<String, Long> out = new TreeMap<>();
        for (boolean routing : new boolean[] {true, false}) {
            TreeMap<Integer, Change> byStart = new TreeMap<>();
            changes.stream().filter(c -> c.routing() == routing).sorted(Comparator.comparing(Change::value))
                    .forEach(c -> byStart.putIfAbsent(c.minute(), c));
            if (byStart.isEmpty()) {
                continue;
            }
            int end = Math.max(clockMinute, byStart.lastKey());
            for (Map.Entry<Integer, Change> e : byStart.entrySet()) {
                Integer next = byStart.higherKey(e.getKey());
                int to = next != null ? next : end;
                for (int m = e.getKey(); m < to; m++) {
                    String key = e.getValue().metric().column() + "@" + T0.plus(BUCKET.multipliedBy(m / 15));
                    out.merge(key, 60_000L, Long::sum);
                }
            }
        }
        return out;
    }

    private static Map<String, Long> stored() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> row : engine.rows("SELECT * FROM agent_interval")) {
            for (AgentMetric m : AgentMetric.values()) {
                long v = ((Number) row.get(m.column())).longValue();
                if (m.family() != AgentMetric.Family.HANDLE && v != 0) {
                    out.put(m.column() + "@" + row.get("interval_start"), v);
                }
            }
        }
        return out;
    }
}
