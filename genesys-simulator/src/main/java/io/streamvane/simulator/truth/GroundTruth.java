package io.streamvane.simulator.truth;

import io.streamvane.simulator.model.Outcome;
import io.streamvane.simulator.model.QueueSpec;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.model.SimulationOutput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the KPIs must come out as, attributed as SPEC §2 says (offered at queue entry; answered, abandoned and
 * flow-outs at queue exit; handle at wrap-up, which the model always makes the last event of an agent segment).
 * Built from the model's outcomes, never from emitted payloads; faults and outages do not touch it.
 */
public final class GroundTruth {

    /** SPEC §2 default: an abandon under 10 s is a short abandon. */
    public static final Duration DEFAULT_SHORT_ABANDON = Duration.ofSeconds(10);

    private static final Granularity BASE = Granularity.PT15M;

    private final NavigableMap<QueueBucket, QueueComponents> queueBuckets = new TreeMap<>();
    private final NavigableMap<AgentBucket, AgentComponents> agentBuckets = new TreeMap<>();
    private final Set<QueueMediaKey> queueMedia = new LinkedHashSet<>();
    private final int stillWaitingAtEnd;

    private GroundTruth(int stillWaitingAtEnd) {
        this.stillWaitingAtEnd = stillWaitingAtEnd;
    }

    public static GroundTruth from(SimulationConfig config, SimulationOutput output) {
        return from(config, output, DEFAULT_SHORT_ABANDON);
    }

    public static GroundTruth from(SimulationConfig config, SimulationOutput output, Duration shortAbandonThreshold) {
        GroundTruth truth = new GroundTruth(output.stillWaitingAtEnd());
        for (QueueSpec queue : config.queues()) {
            queue.mediaTypes().forEach(m -> truth.queueMedia.add(new QueueMediaKey(queue.id(), m.lower())));
        }
        long shortMs = shortAbandonThreshold.toMillis();
        for (Outcome outcome : output.outcomes()) {
            QueueComponents delta;
            if (outcome instanceof Outcome.Offered) {
                delta = QueueComponents.offer();
            } else if (outcome instanceof Outcome.Answered a) {
                delta = QueueComponents.answer(a.waitMs(), a.waitMs() <= slMs(config, a));
            } else if (outcome instanceof Outcome.Abandoned a) {
                delta = QueueComponents.abandon(a.waitMs(), a.waitMs() < shortMs, a.waitMs() <= slMs(config, a));
            } else if (outcome instanceof Outcome.FlowedOut f) {
                delta = QueueComponents.flowOut(f.waitMs());
            } else if (outcome instanceof Outcome.Alerted a) {
                delta = QueueComponents.alert(a.alertMs());
            } else if (outcome instanceof Outcome.MissedAlert m) {
                delta = QueueComponents.missedAlert(m.alertMs());
            } else if (outcome instanceof Outcome.Transferred t) {
                delta = QueueComponents.transfer(t.consult());
            } else {
                Outcome.SegmentHandled s = (Outcome.SegmentHandled) outcome;
                AgentComponents agent = AgentComponents.segment(s.talkMs(), s.holdMs(), s.acwMs());
                truth.agentBuckets.merge(new AgentBucket(s.userId(), BASE.floor(s.atMs())), agent,
                        AgentComponents::plus);
                delta = QueueComponents.handle(agent);
            }
            truth.queueBuckets.merge(new QueueBucket(outcome.queueId(), outcome.media().lower(),
                    BASE.floor(outcome.atMs())), delta, QueueComponents::plus);
        }
        return truth;
    }

    private static long slMs(SimulationConfig config, Outcome o) {
        return config.queue(o.queueId()).media().get(o.media()).serviceLevelThreshold().toMillis();
    }

    /** Every base bucket with any data, ordered by queue, media, interval. */
    public NavigableMap<QueueBucket, QueueComponents> queueBuckets() {
        return Collections.unmodifiableNavigableMap(queueBuckets);
    }

    public NavigableMap<AgentBucket, AgentComponents> agentBuckets() {
        return Collections.unmodifiableNavigableMap(agentBuckets);
    }

    /** Every configured queue × media type, whether or not it saw traffic. */
    public Set<QueueMediaKey> queueMedia() {
        return Collections.unmodifiableSet(queueMedia);
    }

    public int stillWaitingAtEnd() {
        return stillWaitingAtEnd;
    }

    /** One base (PT15M) bucket; zeros when nothing happened in it. */
    public QueueComponents queueBucket(String queueId, String mediaType, Instant intervalStart) {
        return queueBuckets.getOrDefault(new QueueBucket(queueId, mediaType, BASE.floor(intervalStart)),
                QueueComponents.ZERO);
    }

    /** Rows for every interval of the granularity that overlaps [from, to) (UTC-aligned), zero rows included. */
    public List<QueueInterval> queueIntervals(String queueId, String mediaType, Instant from, Instant to,
                                              Granularity granularity) {
        List<QueueInterval> rows = new ArrayList<>();
        for (Instant start = granularity.floor(from); start.isBefore(to); start = start.plus(granularity.length())) {
            Instant end = start.plus(granularity.length());
            rows.add(new QueueInterval(queueId, mediaType, start, end, queueTotal(queueId, mediaType, start, end)));
        }
        return rows;
    }

    /** Sum of the base buckets starting in [from, to). */
    public QueueComponents queueTotal(String queueId, String mediaType, Instant from, Instant to) {
        QueueComponents sum = QueueComponents.ZERO;
        for (QueueComponents c : queueBuckets.subMap(new QueueBucket(queueId, mediaType, from), true,
                new QueueBucket(queueId, mediaType, to), false).values()) {
            sum = sum.plus(c);
        }
        return sum;
    }

    /** Everything the run produced for one queue and media, however long it ran past its arrival window. */
    public QueueComponents queueTotal(String queueId, String mediaType) {
        return queueTotal(queueId, mediaType, Instant.MIN, Instant.MAX);
    }

    /** One UTC day (the P1D bucket). */
    public QueueComponents queueDay(String queueId, String mediaType, LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return queueTotal(queueId, mediaType, start, start.plus(Duration.ofDays(1)));
    }

    /** Sums over all media of each queue. */
    public Map<String, QueueComponents> totalsPerQueue() {
        Map<String, QueueComponents> totals = new TreeMap<>();
        queueBuckets.forEach((bucket, c) -> totals.merge(bucket.queueId(), c, QueueComponents::plus));
        return totals;
    }

    public AgentComponents agentTotal(String userId, Instant from, Instant to) {
        AgentComponents sum = AgentComponents.ZERO;
        for (AgentComponents c : agentBuckets.subMap(new AgentBucket(userId, from), true,
                new AgentBucket(userId, to), false).values()) {
            sum = sum.plus(c);
        }
        return sum;
    }

    public AgentComponents agentTotal(String userId) {
        return agentTotal(userId, Instant.MIN, Instant.MAX);
    }
}
