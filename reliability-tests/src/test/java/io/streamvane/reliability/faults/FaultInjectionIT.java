package io.streamvane.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.streamvane.simulator.EmissionConfig;
import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.events.Delivery;
import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.model.ArrivalProfile;
import io.streamvane.simulator.model.DefaultContactCenter;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.sink.HttpEventSink;
import io.streamvane.simulator.truth.QueueBucket;
import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.testsupport.ServiceLevelSeed;
import io.streamvane.testsupport.TestBroker;
import io.streamvane.testsupport.TestBrokers;
import io.streamvane.testsupport.servicebus.DeadLetter;
import io.streamvane.testsupport.servicebus.FakeServiceBus;
import io.streamvane.testsupport.webhook.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Process-level fault injection over the whole pipeline. Ingress ×1, engine ×2 and egress ×2 run as separate JVMs
 * ({@code java -jar} on the built service jars) on a PostgreSQL cluster this test owns. A simulated window reaches
 * ingress over both its transports, message by message in turn: every other message is posted over HTTP by
 * {@link HttpEventSink}, re-posting on 5xx or a failed connection as a real producer does; the others are sent to a
 * Service Bus queue on a {@link FakeServiceBus} in this JVM, which the ingress process consumes with the real SDK
 * processor (peek-lock). The fake outlives every ingress kill: what a killed ingress held locked expires after
 * {@link #SB_LOCK} and is delivered again, and deduplication absorbs what it had already stored.
 * Egress pushes every revision to RabbitMQ (through a {@link TcpProxy}) and every final row to a signed WFM webhook
 * ({@link WebhookReceiver}). Meanwhile:
 * <ul>
 * <li>ingress, engine and egress processes are {@code kill -9}ed at random points and restarted, round after round;
 * <li>PostgreSQL is restarted twice under the running services: a fast shutdown and a crash (SIGKILL to the
 * postmaster); the services must come back healthy by themselves;
 * <li>RabbitMQ and the webhook receiver are unreachable for {@link #OUTAGE}.
 * </ul>
 * Afterwards every simulated event is in {@code raw_event} exactly once, {@code engine_inbox} is empty, every
 * {@code queue_interval} row equals the simulator's ground truth on all 13 components, no delivery is pending or
 * dead-lettered, and each sink holds every row at the store's revision (duplicates identical). On the broker every
 * Service Bus message was completed exactly once, or, exactly when nothing in it can be stored (all poison),
 * dead-lettered with a reason; none was dead-lettered for its delivery count and none is left ready or locked.
 *
 * <p>Demand is flat over the window (the simulator's peak rate, not its time-of-day curve), so the volume does not
 * depend on the hour the test runs at. Default size fits CI (a 20-minute window, 4 kill rounds, 2 PostgreSQL restarts,
 * 2-minute sink outage; 719 events in 370 messages, half of them over each transport). Soak:
 * {@code -Dstreamvane.reliability.soak=true} (a 4-hour window at 60× the arrival rate and staff, 173,672 events in
 * 89,764 messages; 20 rounds, a restart every 5th round, 10-minute outage), or set
 * {@code streamvane.reliability.rate-scale / .rounds / .minutes / .outage-seconds / .seed}.
 */
class FaultInjectionIT {

    static final boolean SOAK = Boolean.getBoolean("streamvane.reliability.soak");
    static final int ROUNDS = Integer.getInteger("streamvane.reliability.rounds", SOAK ? 20 : 4);
    static final int MINUTES = Integer.getInteger("streamvane.reliability.minutes", SOAK ? 240 : 20);
    /**
     * Arrival rate and staff over the simulator's base (40 agents on 4 queues). Events do not grow in proportion to
     * the window (agents' own events are a fixed part), so the soak's volume is set here: 60 over 4 hours carries
     * 173,672 events in 89,764 messages (seed 20261128), about 100× the 1,699 events of the soak before it.
     */
    static final double RATE_SCALE = Double.parseDouble(System.getProperty("streamvane.reliability.rate-scale",
            SOAK ? "60" : "1"));
    static final Duration OUTAGE = Duration.ofSeconds(
            Integer.getInteger("streamvane.reliability.outage-seconds", SOAK ? 600 : 120));
    static final long SEED = Long.getLong("streamvane.reliability.seed", 20261128L);
    static final String KEY = "sv-faults-" + UUID.randomUUID();
    static final String EXCHANGE = "streamvane.kpi";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    static final String SB_QUEUE = "genesys-events";
    /** Short, so that what a killed ingress held locked comes back within the test. */
    static final Duration SB_LOCK = Duration.ofSeconds(5);
    /**
     * Far above what faults alone can cost a healthy message, so that reaching it would be a bug: each kill of ingress
     * costs the messages it held one attempt (their locks expire), and a database outage at most about one more
     * (StoreGate holds refused messages rather than abandoning them). The figures print the maximum reached.
     */
    static final int SB_MAX_DELIVERY_COUNT = 100;

    final List<AutoCloseable> resources = new ArrayList<>();
    final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        processes.forEach(ServiceProcess::stop);
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
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
    void killsDatabaseRestartsAndSinkOutagesLoseNothingCountNothingTwiceAndEverySinkGetsEveryRow() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofMinutes(MINUTES + 60L));
        SimulationConfig base = SimulationConfig.defaults();
        SimulationConfig config = base.withSeed(SEED).withWindow(start, Duration.ofMinutes(MINUTES))
                .withProfile(new ArrivalProfile(Collections.nCopies(24, 1.0), base.profile().siteZone()))
                .withArrivalRateScale(base.arrivalRateScale() * RATE_SCALE)
                .withStaff(base.queues(), DefaultContactCenter.agents(
                        (int) Math.ceil(base.agents().size() * RATE_SCALE), base.queues().size()));
        // 2 % duplicates, 30 s reordering and 0.5 % poison; no late deliveries (lateness is not under test here).
        FaultConfig faults = new FaultConfig(0.02, Duration.ofSeconds(30), 0, Duration.ZERO, null, Duration.ZERO,
                0.005);
        Simulator sim = Simulator.run(config, EmissionConfig.defaults().withFaults(faults));
        List<ScheduledMessage> messages = sim.messages();
        Path work = root().resolve("reliability-tests/target/reliability-logs/" + System.currentTimeMillis());

        RestartablePostgres postgres = track(new RestartablePostgres(work.resolve("pgdata")));
        postgres.start();
        MetricsStore store = new MetricsStore(postgres.dataSource());
        TestBroker broker = TestBrokers.fresh();
        TcpProxy rabbitPath = track(new TcpProxy(broker.host(), broker.port()));
        SinkLedger rabbitLedger = new SinkLedger("rabbitmq", false, body -> IntervalRow.fromSinkFields(parse(body)));
        SinkLedger wfmLedger = new SinkLedger("wfm", true,
                body -> IntervalRow.fromSinkFields(map(parse(body).get("data"))));
        declareLedgerQueue(broker);
        FakeServiceBus bus = track(FakeServiceBus.start().createQueue(SB_QUEUE).lockDuration(SB_LOCK)
                .maxDeliveryCount(SB_MAX_DELIVERY_COUNT));
        ServiceBusLedger busLedger = new ServiceBusLedger(bus, SB_QUEUE);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(24));
        WebhookReceiver receiver = track(new WebhookReceiver(secret));

        List<String> common = new ArrayList<>();
        postgres.springProperties().forEach((k, v) -> common.add("--" + k + "=" + v));
        common.add("--streamvane.security.api-keys[0].name=reliability");
        common.add("--streamvane.security.api-keys[0].key=" + KEY);
        common.add("--streamvane.security.api-keys[0].scopes[0]=admin");
        common.add("--logging.level.root=WARN");
        ServiceProcess ingress = new ServiceProcess("ingress", jar("ingress-service"), ingressArgs(common, bus),
                work);
        List<String> engineArgs = new ArrayList<>(common);
        engineArgs.add("--streamvane.engine.poll-interval=200ms");
        ServiceProcess engine1 = new ServiceProcess("engine-1", jar("reactive-engine"), engineArgs, work);
        ServiceProcess engine2 = new ServiceProcess("engine-2", jar("reactive-engine"), engineArgs, work);
        List<String> egressArgs = egressArgs(common, broker, rabbitPath, receiver, secret);
        ServiceProcess egress1 = new ServiceProcess("egress-1", jar("egress-service"), egressArgs, work);
        ServiceProcess egress2 = new ServiceProcess("egress-2", jar("egress-service"), egressArgs, work);
        processes.addAll(List.of(ingress, engine1, engine2, egress1, egress2));
        ingress.start();
        ingress.awaitHealthy(Duration.ofMinutes(3)); // migrates the schema first, alone
        seedServiceLevels(postgres, config);
        for (ServiceProcess p : processes.subList(1, processes.size())) {
            p.start();
        }
        awaitAllHealthy();

        HttpEventSink sink = HttpEventSink.forBaseUrl(ingress.baseUrl(), KEY);
        // Every other message goes over Service Bus, the rest over HTTP: both transports carry every envelope kind,
        // batches, duplicates and poison, and share the kills. A Service Bus message is genuinely invalid, and to be
        // dead-lettered, exactly when nothing in it can be stored: every item poison.
        Map<Integer, String> overServiceBus = new TreeMap<>();
        for (int i = 1; i < messages.size(); i += 2) {
            String id = "sim-" + i;
            overServiceBus.put(i, id);
            busLedger.expect(id, poisonOnly(messages.get(i)));
        }
        // What a Service Bus producer re-sends when it did not hear its send confirmed: a copy under a new message id.
        // Each kill of ingress happens while it holds one of these locked, unsettled, mid-commit.
        byte[] resendBody = messages.stream().filter(m -> !poisonOnly(m)).findFirst().orElseThrow()
                .message().json().getBytes(StandardCharsets.UTF_8);
        List<String> heldAtKill = new ArrayList<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicLong reposts = new AtomicLong();
        // The stream is released to the producer a share per kill round, so the faults fall mid-stream however fast
        // this machine posts; within a share, a pace of about 12 s per round keeps small runs mid-stream too.
        Semaphore released = new Semaphore(0);
        int share = (messages.size() + ROUNDS) / (ROUNDS + 1);
        long pauseNanos = Duration.ofSeconds(12L * ROUNDS).toNanos() / Math.max(1, messages.size());
        Thread producer = daemon("producer", () -> {
            try {
                for (int i = 0; i < messages.size(); i++) {
                    released.acquire();
                    ScheduledMessage m = messages.get(i);
                    String busId = overServiceBus.get(i);
                    if (busId != null) {
                        bus.send(SB_QUEUE, busId, m.message().json().getBytes(StandardCharsets.UTF_8), Map.of());
                    } else {
                        while (!postedFinally(sink, m)) {
                            reposts.incrementAndGet();
                            Thread.sleep(200);
                        }
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
        });
        // Both sinks go away shortly after the stream starts and stay away while the faults below run.
        Thread outage = daemon("sink-outage", () -> {
            try {
                Thread.sleep(3000);
                rabbitPath.cut();
                receiver.stop();
                Thread.sleep(OUTAGE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                rabbitPath.restore();
                receiver.start();
            }
        });

        Random random = new Random(SEED);
        Map<String, Integer> killsBy = new TreeMap<>();
        List<String> restarts = new ArrayList<>();
        int kills = 0;
        released.release(share);
        for (int round = 0; round < ROUNDS; round++) {
            Thread.sleep(2000 + random.nextInt(6000));
            // Every round kills one process; every other round a second one at once; the first round ingress too.
            List<ServiceProcess> chosen = new ArrayList<>(List.of(processes.get(random.nextInt(processes.size()))));
            ServiceProcess second = processes.get(random.nextInt(processes.size()));
            if (round % 2 == 1 && !chosen.contains(second)) {
                chosen.add(second);
            }
            if (round == 0 && !chosen.contains(ingress)) {
                chosen.add(ingress); // at least one kill of ingress with a Service Bus message locked to it
            }
            for (ServiceProcess victim : chosen) {
                if (victim == ingress) {
                    String id = "resend-" + round;
                    killHoldingALock(ingress, postgres, bus, busLedger, id, resendBody);
                    heldAtKill.add(id);
                } else {
                    victim.kill();
                }
                kills++;
                killsBy.merge(victim.name(), 1, Integer::sum);
            }
            Thread.sleep(random.nextInt(1500));
            chosen.forEach(ServiceProcess::start);
            awaitAllHealthy();
            if (round % (SOAK ? 5 : 2) == 1) {
                boolean crash = restarts.size() % 2 == 1;
                long downMillis = 3000 + random.nextInt(5000);
                if (crash) {
                    postgres.crash();
                } else {
                    postgres.stop();
                }
                Thread.sleep(downMillis);
                postgres.start();
                restarts.add((crash ? "crash" : "fast stop") + ", down " + downMillis + " ms");
                awaitAllHealthy(); // without restarting any service: each must reconnect on its own
            }
            released.release(round == ROUNDS - 1 ? messages.size() : share);
        }
        producer.join(Duration.ofMinutes(SOAK ? 120 : 10).toMillis());
        assertThat(posting.get()).as("producer finished").isFalse();
        outage.join(OUTAGE.plusMinutes(1).toMillis());

        // The queue drains by itself: what the last kill left locked expires and is delivered again.
        await("every Service Bus message completed or dead-lettered").atMost(Duration.ofMinutes(SOAK ? 60 : 5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> busLedger.settled() >= busLedger.sent());
        awaitQuiet(store);
        int busReady = bus.readyCount(SB_QUEUE);
        int busLocked = bus.lockedCount(SB_QUEUE);
        List<DeadLetter> busDeadLetters = bus.deadLetters(SB_QUEUE);
        List<String> wronglySettled = busLedger.wronglySettled();
        long events = sim.events().size();
        long rows = store.count("SELECT count(*) FROM raw_event");
        long distinct = store.count("SELECT count(DISTINCT identity_digest) FROM raw_event");
        long inbox = store.count("SELECT count(*) FROM engine_inbox");
        long deadLetters = store.count("SELECT count(*) FROM sink_delivery WHERE status = 'dead_lettered'");
        Map<String, IntervalRow> stored = store.queueIntervals();

        Map<String, QueueComponents> expected = new TreeMap<>();
        sim.groundTruth().queueBuckets().forEach((b, c) -> {
            if (!c.isZero()) {
                expected.merge(IntervalRow.key(b.queueId(), b.mediaType(), b.intervalStart()), c,
                        QueueComponents::plus);
            }
        });
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        stored.forEach((k, r) -> {
            if (!r.components().isZero()) {
                keys.add(k);
            }
        });
        List<String> differences = new ArrayList<>();
        for (String k : keys) {
            QueueComponents want = expected.getOrDefault(k, QueueComponents.ZERO);
            IntervalRow got = stored.get(k);
            QueueComponents have = got == null ? QueueComponents.ZERO : got.components();
            if (!want.equals(have)) {
                differences.add(k + ": expected " + want + " but was " + have);
            }
        }

        drainLedgerQueue(broker, rabbitLedger);
        receiver.accepted.forEach(r -> wfmLedger.record(r.id(), r.body()));
        SinkLedger.Verdict rabbit = rabbitLedger.against(stored);
        SinkLedger.Verdict wfm = wfmLedger.against(stored);

        System.out.printf("[reliability] kill -9 rounds: %d, processes killed: %d %s, PostgreSQL restarts: %s, "
                        + "sink outage: %d s, messages: %d, events: %d, reposts after 5xx/connection failure: %d, "
                        + "statuses: %s%n", ROUNDS, kills, killsBy, restarts, OUTAGE.toSeconds(), messages.size(),
                events, reposts.get(), sink.statusCounts());
        System.out.printf("[reliability] raw_event rows: %d (distinct identities %d), lost: %d, double-counted: %d, "
                        + "engine_inbox left: %d, queue buckets compared: %d (all 13 components), mismatched: %d%n",
                rows, distinct, Math.max(0, events - distinct), rows - distinct, inbox, keys.size(),
                differences.size());
        System.out.printf("[reliability] sinks: %s; %s; dead-lettered: %d, webhook signatures refused: %d%n", rabbit,
                wfm, deadLetters, receiver.badSignatures.get());
        System.out.printf("[reliability] window: %d min at %.1f× the base rate, transports: http %d messages, %s, "
                        + "ingress kills holding a lock mid-commit: %d%n", MINUTES, RATE_SCALE,
                messages.size() - overServiceBus.size(),
                busLedger.summary(busDeadLetters, SB_MAX_DELIVERY_COUNT, busReady, busLocked), heldAtKill.size());

        assertThat(rows).as("raw_event rows = distinct identities (nothing stored twice)").isEqualTo(distinct);
        assertThat(distinct).as("every simulated event stored (nothing lost)").isEqualTo(events);
        assertThat(inbox).as("no stuck work items").isZero();
        assertThat(differences).as("queue_interval vs ground truth").isEmpty();
        assertThat(deadLetters).as("no delivery given up").isZero();
        assertThat(receiver.badSignatures.get()).as("every webhook correctly signed").isZero();
        assertThat(rabbit.clean()).as(rabbit.toString()).isTrue();
        assertThat(wfm.clean()).as(wfm.toString()).isTrue();
        assertThat(wfm.rowsCompared()).as("final rows reached the WFM feed").isPositive();
        assertThat(bus.failures()).as("the Service Bus fake itself did not fail").isEmpty();
        assertThat(wronglySettled).as("each Service Bus message completed once, or dead-lettered once if all poison")
                .isEmpty();
        assertThat(busDeadLetters).extracting(DeadLetter::messageId)
                .containsExactlyInAnyOrderElementsOf(busLedger.expectedDeadLetters());
        assertThat(busDeadLetters).as("dead-lettered with a reason, and never for the delivery count").allSatisfy(d -> {
            assertThat(d.reason()).isNotBlank().isNotEqualTo(ServiceBusLedger.MAX_DELIVERY_COUNT_EXCEEDED);
            assertThat(d.description()).isNotBlank();
        });
        assertThat(busReady).as("Service Bus messages left ready").isZero();
        assertThat(busLocked).as("Service Bus messages left locked").isZero();
        assertThat(busLedger.maxDeliveryCount()).isLessThan(SB_MAX_DELIVERY_COUNT);
        assertThat(heldAtKill).as("held by ingress when killed: lock expired, completed on redelivery").isNotEmpty()
                .allSatisfy(id -> assertThat(busLedger.lockExpired(id)).as(id).isTrue());
        assertThat(kills).isGreaterThanOrEqualTo(ROUNDS);
        assertThat(restarts).hasSizeGreaterThanOrEqualTo(2);
    }

    /**
     * kill -9 of ingress at the worst moment for Service Bus: a message locked to it and its commit under way. With
     * {@code raw_event} locked by this test the ingress cannot commit, so the message sent now is still locked and
     * unsettled when the process dies (an HTTP request it is serving then dies too, and the producer re-posts). The
     * broker must let the lock expire and deliver the message again to the restarted ingress.
     */
    static void killHoldingALock(ServiceProcess ingress, RestartablePostgres postgres, FakeServiceBus bus,
            ServiceBusLedger ledger, String messageId, byte[] body) throws Exception {
        try (Connection blocker = postgres.dataSource().getConnection(); Statement sql = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            sql.execute("SET LOCAL lock_timeout = '60s'");
            sql.execute("LOCK TABLE raw_event IN ACCESS EXCLUSIVE MODE");
            ledger.expect(messageId, false);
            bus.send(SB_QUEUE, messageId, body, Map.of());
            await("ingress holds " + messageId).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> ledger.heldUnsettled(messageId));
            ingress.kill();
            blocker.rollback();
        }
    }

    static boolean poisonOnly(ScheduledMessage m) {
        return m.message().deliveries().stream().allMatch(Delivery::isPoison);
    }

    /**
     * Ingress consuming the fake's queue besides serving HTTP, configured as {@code ServiceBusWireIngressTest} does:
     * {@code UseDevelopmentEmulator=true} in the connection string turns TLS off and keeps the fake's port.
     */
    static List<String> ingressArgs(List<String> common, FakeServiceBus bus) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of(
                "--streamvane.ingress.service-bus.enabled=true",
                "--spring.cloud.azure.servicebus.connection-string=" + bus.connectionString(),
                "--spring.cloud.azure.servicebus.processor.entity-name=" + SB_QUEUE,
                "--spring.cloud.azure.servicebus.processor.entity-type=queue",
                "--spring.cloud.azure.servicebus.processor.max-concurrent-calls=4",
                "--spring.cloud.azure.servicebus.processor.prefetch-count=5",
                "--spring.cloud.azure.servicebus.processor.max-auto-lock-renew-duration=5m",
                "--logging.level.com.azure.core.amqp.implementation.MessageFlux=ERROR"));
        return args;
    }

    /** Egress with both push sinks, retrying fast enough that a multi-minute outage never exhausts a delivery. */
    static List<String> egressArgs(List<String> common, TestBroker broker, TcpProxy rabbitPath,
            WebhookReceiver receiver, String secret) {
        List<String> args = new ArrayList<>(common);
        broker.springProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        TestBroker viaProxy = new TestBroker("127.0.0.1", rabbitPath.port(), broker.username(), broker.password(),
                broker.virtualHost());
        args.addAll(List.of(
                "--streamvane.egress.delivery.poll-interval=500ms",
                "--streamvane.egress.delivery.initial-backoff=1s",
                "--streamvane.egress.delivery.max-backoff=10s",
                "--streamvane.egress.delivery.max-attempts=1000",
                "--streamvane.egress.rabbit.enabled=true",
                "--streamvane.egress.rabbit.uri=" + viaProxy.amqpUri(),
                "--streamvane.egress.rabbit.exchange=" + EXCHANGE,
                "--streamvane.egress.rabbit.final-only=false",
                "--streamvane.egress.rabbit.batch-size=20",
                "--streamvane.egress.rabbit.confirm-timeout=5s",
                "--streamvane.egress.wfm.feeds[0].name=wfm",
                "--streamvane.egress.wfm.feeds[0].url=" + receiver.url(),
                "--streamvane.egress.wfm.feeds[0].final-only=true",
                "--streamvane.egress.wfm.feeds[0].signing-secret=" + secret,
                "--streamvane.egress.wfm.feeds[0].timeout=5s"));
        return args;
    }

    /** The engine takes service-level thresholds from queue_media_sl: the simulator's own, as Genesys would sync. */
    static void seedServiceLevels(RestartablePostgres postgres, SimulationConfig config) throws Exception {
        ServiceLevelSeed.insertAll(postgres.dataSource(), config.serviceLevelGoals().stream()
                .map(g -> new ServiceLevelSeed(g.queueId(), g.mediaType(), g.threshold(), g.targetPercent())).toList());
    }

    /** A durable queue bound to every routing key, so the ledger sees each message the sink published. */
    static void declareLedgerQueue(TestBroker broker) throws Exception {
        try (com.rabbitmq.client.Connection c = factory(broker).newConnection(); Channel ch = c.createChannel()) {
            ch.exchangeDeclare(EXCHANGE, "topic", true);
            ch.queueDeclare("reliability-ledger", true, false, false, null);
            ch.queueBind("reliability-ledger", EXCHANGE, "#");
        }
    }

    static void drainLedgerQueue(TestBroker broker, SinkLedger ledger) throws Exception {
        try (com.rabbitmq.client.Connection c = factory(broker).newConnection(); Channel ch = c.createChannel()) {
            GetResponse r;
            while ((r = ch.basicGet("reliability-ledger", true)) != null) {
                ledger.record(r.getProps().getMessageId(), new String(r.getBody(), StandardCharsets.UTF_8));
            }
        }
    }

    static ConnectionFactory factory(TestBroker broker) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(broker.amqpUri());
        return f;
    }

    /**
     * Engines drained and sinks settled, and both stay so for a few seconds (a late retry would show). If they never
     * do, the assertions that follow say what is left.
     */
    static void awaitQuiet(MetricsStore store) {
        try {
            await("engines drained and sinks settled").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .during(Duration.ofSeconds(6))
                    .until(() -> store.count("SELECT count(*) FROM engine_inbox") == 0 && store.sinksSettled());
        } catch (ConditionTimeoutException notQuiet) {
            // reported below, figure by figure
        }
    }

    void awaitAllHealthy() throws InterruptedException {
        for (ServiceProcess p : processes) {
            p.awaitHealthy(Duration.ofMinutes(3));
        }
    }

    /** True once the message got a final answer (2xx, or a 4xx for poison); false on 5xx or no connection. */
    static boolean postedFinally(HttpEventSink sink, ScheduledMessage m) {
        Map<Integer, Long> before = sink.statusCounts();
        sink.accept(m.message());
        for (Map.Entry<Integer, Long> e : sink.statusCounts().entrySet()) {
            if (e.getKey() < 500 && e.getValue() > before.getOrDefault(e.getKey(), 0L)) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> parse(String body) {
        return JSON.readValue(body, MAP);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
