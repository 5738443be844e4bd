package io.streamvane.scheduler.e2e;

import io.streamvane.engine.inbox.InboxConsumer;
import io.streamvane.engine.projection.Projector;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.ParseResult;
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
import io.streamvane.simulator.truth.QueueBucket;
import io.streamvane.simulator.truth.QueueComponents;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small simulated morning (2 queues × voice/chat, 16 agents, 3 hours of arrivals) whose delivered events are
 * accepted the way ingress accepts them (the shared-model {@link EventParser} on every real envelope, then ingress's
 * {@link RawEventInsert}: dedup insert into {@code raw_event}, one {@code engine_inbox} row per new event) and
 * projected by the real engine's {@link InboxConsumer}.
 */
final class SimulatedDay {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final Duration ARRIVALS = Duration.ofHours(3);

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
        Transactions tx = new Transactions(store.dataSource);
        ServiceLevelPolicy policy = policy();
        InboxConsumer consumer = new InboxConsumer(tx, new Projector(Granularity.PT15M, () -> policy), parser);
        Instant receivedAt = Instant.now();
        int accepted = tx.inTransaction(c -> {
            int n = 0;
            for (ScheduledMessage m : run.messages()) {
                if (!(parser.parse(m.message().json()) instanceof ParseResult.Items items)) {
                    continue; // unreadable poison: ingress answers 400
                }
                for (GenesysEvent e : items.acceptedEvents()) {
                    if (e.eventTime() == null || !e.eventTime().isBefore(until)) {
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
