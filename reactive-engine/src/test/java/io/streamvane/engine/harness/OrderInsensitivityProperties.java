package io.streamvane.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.engine.inbox.InboxConsumer;
import io.streamvane.engine.projection.Projector;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever the order, duplication or split across concurrent workers, the engine's tables equal one straightforward
 * in-memory fold of SPEC §2 over the set of distinct events.
 *
 * <p>Size, chosen to keep the module's test run short on a shared machine: 8 tries per property, each over 1–15
 * generated conversations of 2–6 events (acd.start, acd.end and, when answered, one or two user.end with an alert and
 * a disconnectType, maybe a missed alert of another agent, maybe an acw), so up to 90 distinct events per try (about
 * 40 on average; duplicates add a third again). The alert, missed-alert and transfer columns are checked against a
 * reference of their own ({@link #referenceQueueNewer}). Every try covers two
 * queues × two media × ~9 buckets and segments whose completion moves between buckets; one database is reused,
 * cleaned between tries.
 */
class OrderInsensitivityProperties {

    private static final Instant BASE = Instant.parse("2025-03-03T09:00:00Z");
    private static EngineHarness engine;

    /** One generated conversation: an ACD visit and, when answered, one agent segment. */
    record Conversation(int n, String queue, String media, long startSec, long waitMs, String outcome, String user,
            long interactingMs, long heldMs, long dialingMs, long userEndAfterSec, boolean acw, long acwAfterSec,
            long wrapupMs, boolean secondUserEnd, long alertingMs, String disconnectType, boolean missedAlert) {

        String conv() {
            return "c" + n;
        }

        Instant start() {
            return BASE.plusSeconds(startSec);
        }

        Instant end() {
            return start().plusMillis(waitMs);
        }

        Instant userEnd() {
            return end().plusSeconds(userEndAfterSec);
        }

        Instant secondUserEndTime() {
            return userEnd().plusSeconds(400);
        }

        Instant acwTime() {
            return userEnd().plusSeconds(acwAfterSec);
        }

        boolean answered() {
            return outcome.equals("ANSWERED");
        }

        long contactingMs() {
            return dialingMs / 2;
        }

        /** An earlier agent let the contact ring out before this one took it. */
        Instant missedAlertTime() {
            return end().minusSeconds(2);
        }

        long missedAlertMs() {
            return alertingMs + 1_000;
        }

        List<String> events() {
            List<String> e = new ArrayList<>();
            e.add(Events.acdStart(conv(), "s" + n, queue, media, start()));
            e.add(Events.acdEnd(conv(), "s" + n, queue, media, end(), outcome, waitMs));
            if (answered()) {
                e.add(Events.userEnd(conv(), "a" + n, user, queue, media, userEnd(), interactingMs, heldMs,
                        dialingMs, contactingMs(), alertingMs, disconnectType));
                if (missedAlert) {
                    e.add(Events.userEnd(conv(), "m" + n, "u9", queue, media, missedAlertTime(), 0, 0,
                            missedAlertMs(), "NO_ANSWER_TRANSFER"));
                }
                if (secondUserEnd) {
                    e.add(Events.userEnd(conv(), "a" + n, user, queue, media, secondUserEndTime(), interactingMs / 2,
                            0));
                }
                if (acw) {
                    e.add(Events.acw(conv(), "a" + n, user, queue, media, acwTime(), wrapupMs));
                }
            }
            return e;
        }
    }

    @Provide
    Arbitrary<List<Conversation>> conversations() {
        Arbitrary<Conversation> one = Combinators.combine(
                Combinators.combine(Arbitraries.of("q1", "q2"), Arbitraries.of("voice", "chat"),
                        Arbitraries.longs().between(0, 7200), Arbitraries.longs().between(0, 60_000),
                        Arbitraries.of("ANSWERED", "ANSWERED", "ABANDON", "FLOW_OUT", "WEIRD"),
                        Arbitraries.of("u1", "u2", "u3")).as(Acd::new),
                // No talk and no hold are frequent, so the rules that turn on "did the agent take it" get exercised.
                Combinators.combine(orNone(Arbitraries.longs().between(1, 900_000)),
                        orNone(Arbitraries.longs().between(1, 200_000)),
                        Arbitraries.longs().between(0, 20_000),
                        Arbitraries.longs().between(0, 1800), Arbitraries.of(true, false),
                        Arbitraries.longs().between(0, 1200), Arbitraries.longs().between(0, 120_000),
                        Arbitraries.of(true, false, false)).as(Agent::new),
                Combinators.combine(Arbitraries.longs().between(0, 30_000),
                        Arbitraries.of("PEER", "CLIENT", "TRANSFER", "CONSULT_TRANSFER", "CONFERENCE_TRANSFER",
                                "NO_ANSWER_TRANSFER"),
                        Arbitraries.of(true, false, false)).as(Alerting::new))
                .as((a, g, al) -> new Conversation(0, a.queue, a.media, a.startSec, a.waitMs, a.outcome, a.user,
                        g.interactingMs, g.heldMs, g.dialingMs, g.userEndAfterSec, g.acw, g.acwAfterSec, g.wrapupMs,
                        g.second, al.alertingMs, al.disconnectType, al.missed));
        return one.list().ofMinSize(1).ofMaxSize(15).map(list -> {
            List<Conversation> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Conversation c = list.get(i);
                numbered.add(new Conversation(i, c.queue, c.media, c.startSec, c.waitMs, c.outcome, c.user,
                        c.interactingMs, c.heldMs, c.dialingMs, c.userEndAfterSec, c.acw, c.acwAfterSec, c.wrapupMs,
                        c.secondUserEnd, c.alertingMs, c.disconnectType, c.missedAlert));
            }
            return numbered;
        });
    }

    record Acd(String queue, String media, long startSec, long waitMs, String outcome, String user) {
    }

    record Alerting(long alertingMs, String disconnectType, boolean missed) {
    }

    private static Arbitrary<Long> orNone(Arbitrary<Long> some) {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)), Tuple.of(2, some));
    }

    record Agent(long interactingMs, long heldMs, long dialingMs, long userEndAfterSec, boolean acw, long acwAfterSec,
            long wrapupMs, boolean second) {
    }

    @Property(tries = 8)
    void anyPermutationGivesTheReferenceTables(@ForAll("conversations") List<Conversation> convs,
            @ForAll long seed) throws Exception {
        EngineHarness e = engine();
        List<String> events = allEvents(convs);
        Random random = new Random(seed);
        Collections.shuffle(events, random);
        for (int i = 0; i < events.size(); ) {
            int chunk = 1 + random.nextInt(6);
            e.feed(events.subList(i, Math.min(events.size(), i + chunk)));
            e.drain();
            i += chunk;
        }
        assertMatchesReference(e, convs);
    }

    @Property(tries = 8)
    void randomDuplicatesChangeNothing(@ForAll("conversations") List<Conversation> convs, @ForAll long seed)
            throws Exception {
        EngineHarness e = engine();
        List<String> events = allEvents(convs);
        Random random = new Random(seed);
        List<String> withDuplicates = new ArrayList<>(events);
        for (String event : events) {
            while (random.nextInt(3) == 0) {
                withDuplicates.add(event);
            }
        }
        Collections.shuffle(withDuplicates, random);
        for (int i = 0; i < withDuplicates.size(); ) {
            int chunk = 1 + random.nextInt(8);
            e.feed(withDuplicates.subList(i, Math.min(withDuplicates.size(), i + chunk)));
            e.drain();
            i += chunk;
        }
        assertMatchesReference(e, convs);
    }

    @Property(tries = 8)
    void twoConcurrentWorkersGiveTheReferenceTables(@ForAll("conversations") List<Conversation> convs,
            @ForAll long seed) throws Exception {
        EngineHarness e = engine();
        List<String> events = allEvents(convs);
        Collections.shuffle(events, new Random(seed));
        e.feed(events);
        InboxConsumer second = new InboxConsumer(e.transactions(),
                new Projector(Granularity.PT15M, ServiceLevelPolicy::defaults), new EventParser());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> w1 = () -> drainInSmallBatches(e.consumer(), new Random(seed));
            Callable<Integer> w2 = () -> drainInSmallBatches(second, new Random(seed + 1));
            List<Future<Integer>> done = pool.invokeAll(List.of(w1, w2));
            assertThat(done.get(0).get() + done.get(1).get()).isEqualTo(events.size());
        } finally {
            pool.shutdownNow();
        }
        assertMatchesReference(e, convs);
    }

    private static int drainInSmallBatches(InboxConsumer consumer, Random random) throws Exception {
        int total = 0;
        for (int n; (n = consumer.processBatch(1 + random.nextInt(4))) > 0; ) {
            total += n;
        }
        return total;
    }

    private static List<String> allEvents(List<Conversation> convs) {
        List<String> all = new ArrayList<>();
        convs.forEach(c -> all.addAll(c.events()));
        return all;
    }

    private static synchronized EngineHarness engine() throws Exception {
        if (engine == null) {
            engine = new EngineHarness();
        }
        engine.truncateAll();
        return engine;
    }

    // ---- the reference fold, straight from SPEC §2 -------------------------------------------------------------

    private static String bucket(Instant t) {
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, 900)).toString();
    }

    private static void add(Map<String, long[]> rows, String key, long[] values) {
        long[] row = rows.computeIfAbsent(key, k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            row[i] += values[i];
        }
    }

    /** queue key → [offered, answered, withinSl, abandoned, shortAbandoned, flowOuts, answerWait, abandonWait,
     *  handled, handle, talk, hold, acw]. */
    static Map<String, List<Long>> referenceQueue(List<Conversation> convs) {
        Map<String, long[]> rows = new TreeMap<>();
        for (Conversation c : convs) {
            add(rows, c.queue + "|" + c.media + "|" + bucket(c.start()), new long[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0});
            long w = c.waitMs;
            long[] end = switch (c.outcome) {
                case "ANSWERED" -> new long[] {0, 1, w <= 20_000 ? 1 : 0, 0, 0, 0, w, 0, 0, 0, 0, 0, 0};
                case "ABANDON" -> new long[] {0, 0, 0, 1, w < 10_000 ? 1 : 0, 0, 0, w, 0, 0, 0, 0, 0};
                case "FLOW_OUT" -> new long[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
                default -> new long[13];
            };
            add(rows, c.queue + "|" + c.media + "|" + bucket(c.end()), end);
            if (c.answered()) {
                long[] s = segment(c);
                add(rows, c.queue + "|" + c.media + "|" + bucket(completion(c)),
                        new long[] {0, 0, 0, 0, 0, 0, 0, 0, s[0], s[1], s[2], s[3], s[4]});
            }
        }
        return nonZero(rows);
    }

    /** The components added with alerts and transfers, in {@link #NEWER} order. */
    static final String NEWER = "abandoned_within_sl, short_abandon_wait_ms, flow_out_wait_ms, held, wrapped_up, "
            + "alerts, alert_ms, not_responding, not_responding_ms, transferred, blind_transferred, "
            + "consult_transferred, dialing_ms, contacting_ms";

    /** queue key → the {@link #NEWER} components, straight from SPEC §2 and Genesys' disconnect reasons. */
    static Map<String, List<Long>> referenceQueueNewer(List<Conversation> convs) {
        Map<String, long[]> rows = new TreeMap<>();
        for (Conversation c : convs) {
            String key = c.queue + "|" + c.media + "|";
            long w = c.waitMs;
            if (c.outcome.equals("ABANDON")) {
                add(rows, key + bucket(c.end()), row(0, w <= 20_000 ? 1 : 0, 1, w < 10_000 ? w : 0));
            } else if (c.outcome.equals("FLOW_OUT")) {
                add(rows, key + bucket(c.end()), row(2, w));
            }
            if (!c.answered()) {
                continue;
            }
            boolean engaged = c.interactingMs > 0 || c.heldMs > 0;
            boolean transfer = engaged && c.disconnectType.endsWith("TRANSFER")
                    && !c.disconnectType.equals("NO_ANSWER_TRANSFER");
            boolean missed = !engaged && c.alertingMs > 0 && c.disconnectType.equals("NO_ANSWER_TRANSFER");
            add(rows, key + bucket(c.userEnd()), row(7, missed ? 1 : 0, 8, missed ? c.alertingMs : 0));
            add(rows, key + bucket(c.userEnd()), row(5, c.alertingMs > 0 ? 1 : 0, 6, c.alertingMs,
                    9, transfer ? 1 : 0, 10, transfer && c.disconnectType.equals("TRANSFER") ? 1 : 0,
                    11, transfer && c.disconnectType.equals("CONSULT_TRANSFER") ? 1 : 0));
            if (c.missedAlert) {
                add(rows, key + bucket(c.missedAlertTime()), row(5, 1, 6, c.missedAlertMs(), 7, 1, 8,
                        c.missedAlertMs()));
            }
            add(rows, key + bucket(completion(c)), row(3, c.heldMs > 0 ? 1 : 0, 4, c.acw ? 1 : 0, 12, c.dialingMs,
                    13, c.contactingMs()));
        }
        return nonZero(rows);
    }

    /** A {@link #NEWER} row from (index, value) pairs. */
    private static long[] row(long... indexAndValue) {
        long[] row = new long[14];
        for (int i = 0; i < indexAndValue.length; i += 2) {
            row[(int) indexAndValue[i]] = indexAndValue[i + 1];
        }
        return row;
    }

    /** user key → [handled, handle, talk, hold, acw]. */
    static Map<String, List<Long>> referenceAgent(List<Conversation> convs) {
        Map<String, long[]> rows = new TreeMap<>();
        for (Conversation c : convs) {
            if (c.answered()) {
                add(rows, c.user + "|" + bucket(completion(c)), segment(c));
            }
        }
        return nonZero(rows);
    }

    /** [handled, handle, talk, hold, acw] of the conversation's agent segment; interacting and held are disjoint. */
    private static long[] segment(Conversation c) {
        long talk = c.interactingMs + (c.secondUserEnd ? c.interactingMs / 2 : 0);
        long hold = c.heldMs;
        long acw = c.acw ? c.wrapupMs : 0;
        long handled = talk > 0 || c.acw ? 1 : 0;
        return new long[] {handled, talk + hold + acw + c.dialingMs + c.contactingMs(), talk, hold, acw};
    }

    private static Instant completion(Conversation c) {
        Instant t = c.userEnd();
        if (c.secondUserEnd && c.secondUserEndTime().isAfter(t)) {
            t = c.secondUserEndTime();
        }
        if (c.acw && c.acwTime().isAfter(t)) {
            t = c.acwTime();
        }
        return t;
    }

    private static Map<String, List<Long>> nonZero(Map<String, long[]> rows) {
        Map<String, List<Long>> out = new TreeMap<>();
        rows.forEach((k, v) -> {
            List<Long> values = new ArrayList<>();
            boolean any = false;
            for (long x : v) {
                values.add(x);
                any |= x != 0;
            }
            if (any) {
                out.put(k, values);
            }
        });
        return out;
    }

    private static void assertMatchesReference(EngineHarness e, List<Conversation> convs) throws Exception {
        Map<String, long[]> queue = new TreeMap<>();
        for (Map<String, Object> r : e.rows("SELECT queue_id || '|' || media_type || '|' || "
                + "to_char(interval_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS k, offered, answered, "
                + "answered_within_sl, abandoned, short_abandoned, flow_outs, answer_wait_ms, abandon_wait_ms, handled, "
                + "handle_ms, talk_ms, hold_ms, acw_ms FROM queue_interval")) {
            queue.put((String) r.get("k"), r.values().stream().skip(1).mapToLong(v -> (Long) v).toArray());
        }
        Map<String, long[]> agent = new TreeMap<>();
        for (Map<String, Object> r : e.rows("SELECT user_id || '|' || "
                + "to_char(interval_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS k, handled, "
                + "handle_ms, talk_ms, hold_ms, acw_ms FROM agent_interval")) {
            agent.put((String) r.get("k"), r.values().stream().skip(1).mapToLong(v -> (Long) v).toArray());
        }
        assertThat(nonZero(queue)).isEqualTo(referenceQueue(convs));
        Map<String, long[]> newer = new TreeMap<>();
        for (Map<String, Object> r : e.rows("SELECT queue_id || '|' || media_type || '|' || "
                + "to_char(interval_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS k, " + NEWER
                + " FROM queue_interval")) {
            newer.put((String) r.get("k"), r.values().stream().skip(1).mapToLong(v -> (Long) v).toArray());
        }
        assertThat(nonZero(newer)).isEqualTo(referenceQueueNewer(convs));
        assertThat(nonZero(agent)).isEqualTo(referenceAgent(convs));
        assertThat(e.rows("SELECT 1 FROM engine_inbox")).isEmpty();
    }
}
