package io.streamvane.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.EmissionConfig;
import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.sink.HttpEventSink;
import io.streamvane.simulator.truth.QueueBucket;
import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Process-level fault injection: ingress ×1 and engine ×2 as separate JVMs ({@code java -jar} on the built service
 * jars) on one fresh PostgreSQL database. A simulated window is posted through HTTP ingress by
 * {@link HttpEventSink}, re-posting on 5xx or a failed connection as a real producer does, while ingress and engine
 * processes are {@code kill -9}ed at random points and restarted, round after round. Afterwards every simulated
 * event is in {@code raw_event} exactly once, {@code engine_inbox} is empty, and {@code queue_interval} equals the
 * simulator's ground truth in every bucket.
 *
 * <p>Default size fits CI (a 20-minute window, 4 kill rounds). Soak: {@code -Dstreamvane.reliability.soak=true}
 * (a 4-hour window, 20 kill rounds), or set {@code streamvane.reliability.rounds} / {@code .minutes} directly.
 */
class KillNineIT {

    static final boolean SOAK = Boolean.getBoolean("streamvane.reliability.soak");
    static final int ROUNDS = Integer.getInteger("streamvane.reliability.rounds", SOAK ? 20 : 4);
    static final int MINUTES = Integer.getInteger("streamvane.reliability.minutes", SOAK ? 240 : 20);
    static final long SEED = Long.getLong("streamvane.reliability.seed", 20261128L);
    static final String KEY = "sv-kill9-" + UUID.randomUUID();

    final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(ServiceProcess::stop);
    }

    static Path root() {
        String configured = System.getProperty("streamvane.reliability.root");
        Path module = Path.of("").toAbsolutePath();
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : module.getFileName().toString().equals("reliability-tests") ? module.getParent() : module;
        return root.toAbsolutePath();
    }

    static Path jar(String service) {
        Path jar = root().resolve(service).resolve("target").resolve(service + ".jar");
        assertThat(jar).as("built service jar (run through ./mvnw verify, which packages it first)").exists();
        return jar;
    }

    @Test
    void killNineOfIngressAndEnginesLosesNothingAndCountsNothingTwice() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofMinutes(MINUTES + 60L));
        SimulationConfig config = SimulationConfig.defaults().withSeed(SEED).withWindow(start,
                Duration.ofMinutes(MINUTES));
        // 2 % duplicates, 30 s reordering and 0.5 % poison; no late deliveries (lateness is not under test here).
        FaultConfig faults = new FaultConfig(0.02, Duration.ofSeconds(30), 0, Duration.ZERO, null, Duration.ZERO,
                0.005);
        Simulator sim = Simulator.run(config, EmissionConfig.defaults().withFaults(faults));
        List<ScheduledMessage> messages = sim.messages();

        TestDatabase db = TestDatabases.fresh();
        List<String> dbArgs = new ArrayList<>();
        db.springProperties().forEach((k, v) -> dbArgs.add("--" + k + "=" + v));
        List<String> common = new ArrayList<>(dbArgs);
        common.add("--streamvane.security.api-keys[0].name=reliability");
        common.add("--streamvane.security.api-keys[0].key=" + KEY);
        common.add("--streamvane.security.api-keys[0].scopes[0]=admin");
        common.add("--logging.level.root=WARN");
        Path logs = root().resolve("reliability-tests/target/reliability-logs/" + System.currentTimeMillis());

        ServiceProcess ingress = new ServiceProcess("ingress", jar("ingress-service"), common, logs);
        List<String> engineArgs = new ArrayList<>(common);
        engineArgs.add("--streamvane.engine.poll-interval=200ms");
        ServiceProcess engine1 = new ServiceProcess("engine-1", jar("reactive-engine"), engineArgs, logs);
        ServiceProcess engine2 = new ServiceProcess("engine-2", jar("reactive-engine"), engineArgs, logs);
        processes.addAll(List.of(ingress, engine1, engine2));
        ingress.start();
        ingress.awaitHealthy(Duration.ofMinutes(3)); // migrates the schema first, alone
        engine1.start();
        engine2.start();
        engine1.awaitHealthy(Duration.ofMinutes(3));
        engine2.awaitHealthy(Duration.ofMinutes(3));

        HttpEventSink sink = HttpEventSink.forBaseUrl(ingress.baseUrl(), KEY);
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicLong reposts = new AtomicLong();
        AtomicInteger kills = new AtomicInteger();
        Map<String, Integer> killsBy = new TreeMap<>();
        // Pace the posting so the kill rounds fall mid-stream: about 12 s of posting per round.
        long pauseNanos = Duration.ofSeconds(12L * ROUNDS).toNanos() / Math.max(1, messages.size());

        Thread producer = new Thread(() -> {
            try {
                for (ScheduledMessage m : messages) {
                    while (!postedFinally(sink, m)) {
                        reposts.incrementAndGet();
                        Thread.sleep(200);
                    }
                    if (pauseNanos > 0) {
                        Thread.sleep(pauseNanos / 1_000_000, (int) (pauseNanos % 1_000_000));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                posting.set(false);
            }
        }, "producer");
        producer.start();

        Random random = new Random(SEED);
        List<ServiceProcess> victims = List.of(ingress, engine1, engine2);
        for (int round = 0; round < ROUNDS; round++) {
            Thread.sleep(2000 + random.nextInt(6000));
            // Every round kills one process; every other round also kills a second one at once.
            List<ServiceProcess> chosen = new ArrayList<>(List.of(victims.get(random.nextInt(victims.size()))));
            if (round % 2 == 1) {
                ServiceProcess second = victims.get(random.nextInt(victims.size()));
                if (!chosen.contains(second)) {
                    chosen.add(second);
                }
            }
            for (ServiceProcess victim : chosen) {
                victim.kill();
                kills.incrementAndGet();
                killsBy.merge(victim.name(), 1, Integer::sum);
            }
            Thread.sleep(random.nextInt(1500));
            for (ServiceProcess victim : chosen) {
                victim.start();
            }
            for (ServiceProcess victim : chosen) {
                victim.awaitHealthy(Duration.ofMinutes(3));
            }
        }
        producer.join(Duration.ofMinutes(SOAK ? 120 : 10).toMillis());
        assertThat(posting.get()).as("producer finished").isFalse();

        // Drained: the engines have worked off every inbox item.
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (count(db, "SELECT count(*) FROM engine_inbox") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }

        long events = sim.events().size();
        long rows = count(db, "SELECT count(*) FROM raw_event");
        long distinct = count(db, "SELECT count(DISTINCT identity_digest) FROM raw_event");
        long inbox = count(db, "SELECT count(*) FROM engine_inbox");

        Map<String, QueueComponents> expected = new TreeMap<>();
        for (Map.Entry<QueueBucket, QueueComponents> e : sim.groundTruth().queueBuckets().entrySet()) {
            if (!e.getValue().isZero()) {
                QueueBucket b = e.getKey();
                expected.merge(key(b.queueId(), b.mediaType(), b.intervalStart()), e.getValue(),
                        QueueComponents::plus);
            }
        }
        Map<String, QueueComponents> actual = queueIntervals(db);
        int mismatched = 0;
        List<String> differences = new ArrayList<>();
        for (String k : union(expected, actual)) {
            QueueComponents want = expected.getOrDefault(k, QueueComponents.ZERO);
            QueueComponents got = actual.getOrDefault(k, QueueComponents.ZERO);
            if (!withoutSl(want).equals(withoutSl(got))) {
                mismatched++;
                if (differences.size() < 10) {
                    differences.add(k + ": expected " + want + " but was " + got);
                }
            }
        }
        long offeredWant = expected.values().stream().mapToLong(QueueComponents::offered).sum();
        long offeredGot = actual.values().stream().mapToLong(QueueComponents::offered).sum();

        System.out.printf("[reliability] kill -9 rounds: %d, processes killed: %d %s, messages: %d, events: %d, "
                        + "reposts after 5xx/connection failure: %d, statuses: %s%n", ROUNDS, kills.get(), killsBy,
                messages.size(), events, reposts.get(), sink.statusCounts());
        System.out.printf("[reliability] raw_event rows: %d (distinct identities %d), lost: %d, double-counted: %d, "
                        + "engine_inbox left: %d, queue buckets compared: %d, mismatched: %d, offered %d vs truth %d%n",
                rows, distinct, Math.max(0, events - distinct), rows - distinct, inbox,
                union(expected, actual).size(), mismatched, offeredGot, offeredWant);

        assertThat(rows).as("raw_event rows = distinct identities (nothing stored twice)").isEqualTo(distinct);
        assertThat(distinct).as("every simulated event stored (nothing lost)").isEqualTo(events);
        assertThat(inbox).as("no stuck work items").isZero();
        assertThat(differences).as("queue_interval vs ground truth").isEmpty();
        assertThat(kills.get()).isGreaterThanOrEqualTo(ROUNDS);
    }

    /**
     * answered_within_sl depends on the service-level threshold, which the simulator takes per queue (chat: longer)
     * and the engine from its own policy (defaults here): it is compared apart, not as a loss/double-count signal.
     */
    static QueueComponents withoutSl(QueueComponents q) {
        return new QueueComponents(q.offered(), q.answered(), 0, q.abandoned(), q.shortAbandoned(), q.flowOuts(),
                q.answerWaitMs(), q.abandonWaitMs(), q.handled(), q.handleMs(), q.talkMs(), q.holdMs(), q.acwMs());
    }

    /** True once the message got a final answer (2xx, or a 4xx for poison); false on 5xx or no connection. */
    static boolean postedFinally(HttpEventSink sink, ScheduledMessage m) {
        Map<Integer, Long> before = sink.statusCounts();
        sink.accept(m.message());
        Map<Integer, Long> after = sink.statusCounts();
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            if (e.getKey() < 500 && e.getValue() > before.getOrDefault(e.getKey(), 0L)) {
                return true;
            }
        }
        return false;
    }

    static String key(String queueId, String mediaType, Instant start) {
        return queueId + "|" + mediaType.toLowerCase() + "|" + start;
    }

    static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return new ArrayList<>(keys);
    }

    static Map<String, QueueComponents> queueIntervals(TestDatabase db) throws SQLException {
        Map<String, QueueComponents> out = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT queue_id, media_type, interval_start, offered, answered, "
                        + "answered_within_sl, abandoned, short_abandoned, flow_outs, answer_wait_ms, abandon_wait_ms, "
                        + "handled, handle_ms, talk_ms, hold_ms, acw_ms FROM queue_interval")) {
            while (rs.next()) {
                QueueComponents q = new QueueComponents(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                        rs.getLong(14), rs.getLong(15), rs.getLong(16));
                if (!q.isZero()) {
                    out.merge(key(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), q,
                            QueueComponents::plus);
                }
            }
        }
        return out;
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
