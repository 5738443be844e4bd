package io.streamvane.scheduler.e2e;

import io.streamvane.engine.inbox.InboxConsumer;
import io.streamvane.engine.projection.Projector;
import io.streamvane.engine.projection.StatusClock;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.ParseResult;
import io.streamvane.model.kpi.AgentMetric;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.store.RawEvent;
import io.streamvane.model.store.RawEventInsert;
import io.streamvane.model.store.Transactions;
import io.streamvane.scheduler.StoreFixture;
import io.streamvane.simulator.EmissionConfig;
import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.model.DefaultContactCenter;
import io.streamvane.simulator.model.MediaType;
import io.streamvane.simulator.model.QueueMediaSettings;
import io.streamvane.simulator.model.QueueSpec;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.model.SimEvent;
import io.streamvane.simulator.truth.AgentBucket;
import io.streamvane.simulator.truth.AgentTimeInState;
import io.streamvane.simulator.truth.QueueBucket;
import io.streamvane.simulator.truth.QueueComponents;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small simulated morning (2 queues × voice/chat, 16 agents, 3 hours of arrivals) whose delivered events are
 * accepted the way ingress accepts them (the shared-model {@link EventParser} on every real envelope, then ingress's
 * {@link RawEventInsert}: dedup insert into {@code raw_event}, one {@code engine_inbox} row per new event) and
 * projected by the real engine's {@link InboxConsumer}.
 */
final class SimulatedDay {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final Duration ARRIVALS = Duration.ofHours(3);
    /** The day's "now" for what is stamped on arrival: the next morning, whatever the wall clock says. */
    static final Clock CLOCK = Clock.fixed(START.plus(Duration.ofDays(1)), ZoneOffset.UTC);

    final Simulator run;
    final StoreFixture store = new StoreFixture();
    private final EventParser parser = new EventParser();

    SimulatedDay(FaultConfig faults) {
        List<QueueSpec> queues = DefaultContactCenter.queues(2);
        SimulationConfig config = SimulationConfig.defaults().withWindow(START, ARRIVALS)
                .withStaff(queues, DefaultContactCenter.agents(16, 2));
        this.run = Simulator.run(config, EmissionConfig.defaults().withFaults(faults));
    }

    /** The engine's SL thresholds as reference sync would set them: Genesys's per queue and media. */
    ServiceLevelPolicy policy() {
        ServiceLevelPolicy.Builder b = ServiceLevelPolicy.builder();
        for (QueueSpec q : run.config().queues()) {
            for (Map.Entry<MediaType, QueueMediaSettings> m : q.media().entrySet()) {
                b.syncedThreshold(q.id(), m.getKey().lower(), m.getValue().serviceLevelThreshold());
            }
        }
        return b.build();
    }

    /** Accepts every delivered message, then drains the inbox through the engine; returns events accepted. */
    int ingestAndProject() throws SQLException {
        return ingestAndProject(Instant.MAX);
    }

    /** Only the events with an event time before {@code until} (the state "now" = until). */
    int ingestAndProject(Instant until) throws SQLException {
        return ingestAndProject(Instant.MIN, until);
    }

    /** Only the events with an event time in {@code [from, until)}: a deployment that began at {@code from}. */
    int ingestAndProject(Instant from, Instant until) throws SQLException {
        Transactions tx = new Transactions(store.dataSource);
        ServiceLevelPolicy policy = policy();
        InboxConsumer consumer = new InboxConsumer(tx, new Projector(Granularity.PT15M, () -> policy), parser);
        Instant receivedAt = CLOCK.instant();
        int accepted = tx.inTransaction(c -> {
            int n = 0;
            for (ScheduledMessage m : run.messages()) {
                if (!(parser.parse(m.message().json()) instanceof ParseResult.Items items)) {
                    continue; // unreadable poison: ingress answers 400
                }
                for (GenesysEvent e : items.acceptedEvents()) {
                    if (e.eventTime() == null || !e.eventTime().isBefore(until) || e.eventTime().isBefore(from)) {
                        continue;
                    }
                    n += RawEventInsert.run(c, List.of(RawEvent.of(e, receivedAt)), "simulator").insertedCount();
                }
            }
            return n;
        });
        consumer.drain(500);
        return accepted;
    }

    /**
     * Every accepted event, in an order shuffled by {@code seed} and, with {@code duplicate}, each sent twice, then the
     * inbox drained by {@code workers} concurrent engine workers; returns events accepted.
     */
    int ingestShuffledAndProject(long seed, boolean duplicate, int workers) throws Exception {
        List<GenesysEvent> events = new ArrayList<>();
        for (ScheduledMessage m : run.messages()) {
            if (parser.parse(m.message().json()) instanceof ParseResult.Items items) {
                for (GenesysEvent e : items.acceptedEvents()) {
                    events.add(e);
                    if (duplicate) {
                        events.add(e);
                    }
                }
            }
        }
        Collections.shuffle(events, new Random(seed));
        Transactions tx = new Transactions(store.dataSource);
        Instant receivedAt = CLOCK.instant();
        int half = events.size() / 2;
        // The status clock moves between the halves, as it does while events are still arriving.
        int accepted = insert(tx, events.subList(0, half), receivedAt);
        drain(tx, workers);
        advanceStatusClock(endOfAgentData());
        accepted += insert(tx, events.subList(half, events.size()), receivedAt);
        drain(tx, workers);
        advanceStatusClock(endOfAgentData());
        return accepted;
    }

    private static int insert(Transactions tx, List<GenesysEvent> events, Instant receivedAt) throws SQLException {
        return tx.inTransaction(c -> {
            int n = 0;
            for (GenesysEvent e : events) {
                n += RawEventInsert.run(c, List.of(RawEvent.of(e, receivedAt)), "simulator").insertedCount();
            }
            return n;
        });
    }

    private void drain(Transactions tx, int workers) throws Exception {
        ServiceLevelPolicy policy = policy();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                InboxConsumer consumer = new InboxConsumer(tx, new Projector(Granularity.PT15M, () -> policy), parser);
                done.add(pool.submit(() -> consumer.drain(200)));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts every agent's current status and presence up to {@code horizon}, as the finality sweep does. */
    void advanceStatusClock(Instant horizon) throws SQLException {
        StatusClock clock = new StatusClock(Granularity.PT15M);
        Transactions tx = new Transactions(store.dataSource);
        while (tx.inTransaction(c -> clock.advance(c, horizon, 100)) >= 100) {
            // next batch of agents
        }
    }

    /** The bucket after the model's last agent state change: every agent's time is known up to it. */
    Instant endOfAgentData() {
        long last = run.output().events().stream().filter(e -> e instanceof SimEvent.AgentStatusChanged)
                .mapToLong(SimEvent::atMs).max().orElseThrow();
        return Granularity.PT15M.bucketStart(Instant.ofEpochMilli(last)).plus(Duration.ofMinutes(15));
    }

    /** The stored time in routing status and presence, keyed like {@link AgentTimeInState}, non-zero values only. */
    Map<AgentBucket, Map<String, Long>> storedTimeInState() {
        Map<AgentBucket, Map<String, Long>> m = new TreeMap<>();
        store.jdbc.query("SELECT * FROM agent_interval", rs -> {
            Map<String, Long> times = new HashMap<>();
            for (AgentMetric metric : AgentMetric.values()) {
                long v = rs.getLong(metric.column());
                if (metric.family() != AgentMetric.Family.HANDLE && v != 0) {
                    times.put(metric.genesysMetric() + '|' + metric.qualifier().orElse("other"), v);
                }
            }
            if (!times.isEmpty()) {
                m.put(new AgentBucket(rs.getString("user_id"), rs.getTimestamp("interval_start").toInstant()), times);
            }
        });
        return m;
    }

    /** The ground truth as the store's components, keyed "queue|media|start", non-zero buckets only. */
    Map<String, IntervalComponents> truth() {
        Map<String, IntervalComponents> m = new TreeMap<>();
        for (Map.Entry<QueueBucket, QueueComponents> e : run.groundTruth().queueBuckets().entrySet()) {
            if (!e.getValue().isZero()) {
                QueueBucket b = e.getKey();
                m.put(b.queueId() + '|' + b.mediaType() + '|' + b.intervalStart(), components(e.getValue()));
            }
        }
        return m;
    }

    /** Rows of {@code view} (queue_interval or queue_interval_effective), non-zero only, keyed like {@link #truth()}. */
    Map<String, IntervalComponents> rows(String view) {
        Map<String, IntervalComponents> m = new TreeMap<>();
        store.jdbc.query("SELECT * FROM " + view, rs -> {
            IntervalComponents c = IntervalComponents.read(metric -> rs.getLong(metric.column()));
            if (!c.equals(IntervalComponents.ZERO)) {
                m.put(rs.getString("queue_id") + '|' + rs.getString("media_type") + '|'
                        + rs.getTimestamp("interval_start").toInstant(), c);
            }
        });
        return m;
    }

    /** Keys (as {@link #rows}) of the effective rows the gap-fill took from the API. */
    Set<String> apiRowKeys() {
        return new TreeSet<>(store.jdbc.query("SELECT queue_id || '|' || media_type || '|' || "
                + "to_char(interval_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                + "FROM queue_interval_effective WHERE source = 'api'", (rs, n) -> rs.getString(1)));
    }

    /** The first and last base bucket holding any truth, widened to whole hours. */
    Instant firstBucket() {
        return run.groundTruth().queueBuckets().keySet().stream().map(QueueBucket::intervalStart).min(Instant::compareTo)
                .orElseThrow();
    }

    Instant endOfData() {
        Instant last = run.groundTruth().queueBuckets().keySet().stream().map(QueueBucket::intervalStart)
                .max(Instant::compareTo).orElseThrow();
        return Granularity.PT1H.bucketStart(last).plus(Duration.ofHours(1));
    }

    /** The simulator's truth in the product's components, matched by name, so a component the truth lacks fails. */
    static IntervalComponents components(QueueComponents q) {
        return IntervalComponents.read(metric -> {
            try {
                return (long) QueueComponents.class.getMethod(metric.field()).invoke(q);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the ground truth has no " + metric.field(), e);
            }
        });
    }
}
