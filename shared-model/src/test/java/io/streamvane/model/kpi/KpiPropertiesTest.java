package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Invariants of SPEC §2 that must hold for any input, not just the examples. */
class KpiPropertiesTest {

    private static final Instant DAY = Instant.parse("2025-03-04T09:00:00Z");

    /** One user.end or acw event of a single agent segment, possibly naming a queue. */
    interface SegmentEvent {
        AgentSegment applyTo(AgentSegment s);
    }

    record UserEnd(Instant time, String queueId, long interactingMs, long heldMs, long dialingMs, long contactingMs)
            implements SegmentEvent {
        @Override
        public AgentSegment applyTo(AgentSegment s) {
            return s.withAttribution(queueId, "voice", "u-1")
                    .withUserEnd(time, interactingMs, heldMs, dialingMs, contactingMs);
        }
    }

    record Acw(Instant time, String queueId, long wrapupMs) implements SegmentEvent {
        @Override
        public AgentSegment applyTo(AgentSegment s) {
            return s.withAttribution(queueId, "voice", "u-1").withAfterCallWork(time, wrapupMs);
        }
    }

    record Orders(List<SegmentEvent> original, List<SegmentEvent> shuffled) {
    }

    // (a)
    @Property
    void segmentDependsOnlyOnTheSetOfItsEvents(@ForAll("twoOrders") Orders orders) {
        AgentSegment a = fold(orders.original());
        AgentSegment b = fold(orders.shuffled());
        assertThat(b).isEqualTo(a);
        assertThat(b.contribution()).isEqualTo(a.contribution());
    }

    // Interacting and held are disjoint phases: each sums on its own, whichever is larger (SPEC §2).
    @Property
    void eachPhaseIsTheSumOfWhatItsEventsReport(@ForAll("twoOrders") Orders orders) {
        long interacting = 0, held = 0, dialing = 0, contacting = 0, wrapup = 0;
        boolean acw = false;
        for (SegmentEvent e : orders.original()) {
            if (e instanceof UserEnd u) {
                interacting += u.interactingMs();
                held += u.heldMs();
                dialing += u.dialingMs();
                contacting += u.contactingMs();
            } else if (e instanceof Acw a) {
                wrapup += a.wrapupMs();
                acw = true;
            }
        }
        assertThat(fold(orders.shuffled()).contribution()).isEqualTo(IntervalComponents.builder()
                .handled(interacting > 0 || acw ? 1 : 0).talkMs(interacting).holdMs(held).acwMs(wrapup)
                .handleMs(interacting + held + wrapup + dialing + contacting)
                .set(QueueMetric.HELD, held > 0 ? 1 : 0).set(QueueMetric.WRAPPED_UP, acw ? 1 : 0)
                .set(QueueMetric.DIALING_MS, dialing).set(QueueMetric.CONTACTING_MS, contacting).build());
    }

    // (b)
    @Property
    void retractAndAddDeltasLeaveOnlyTheFinalContributionInTheFinalBucket(@ForAll("twoOrders") Orders orders,
            @ForAll Granularity base) {
        Assume.that(base.canBeBase());
        Map<SegmentDelta, IntervalComponents> buckets = new HashMap<>();
        AgentSegment current = null;
        for (SegmentEvent e : orders.shuffled()) {
            AgentSegment next = e.applyTo(current == null ? AgentSegment.empty("c-1", "p-1") : current);
            for (SegmentDelta d : SegmentMove.between(current, next, base).deltas()) {
                buckets.merge(targetOf(d), d.components(), IntervalComponents::plus);
            }
            current = next;
        }
        buckets.values().removeIf(IntervalComponents::isZero);

        AgentSegment last = fold(orders.original());
        Map<SegmentDelta, IntervalComponents> expected = new HashMap<>();
        if (!last.contribution().isZero()) {
            expected.put(targetOf(new SegmentDelta(last.queueId(), last.mediaType(), last.userId(),
                    Interval.of(last.completedAt(), base), last.contribution())), last.contribution());
        }
        assertThat(buckets).isEqualTo(expected);
    }

    // (c)
    @Property
    void rollUpEqualsTheSumOfTheBaseBucketsItCovers(@ForAll("baseBuckets") Map<Instant, IntervalComponents> base,
            @ForAll Granularity target) {
        Map<Instant, IntervalComponents> rolled = Rollup.rollUp(base, Granularity.PT15M, target);

        Map<Instant, List<IntervalComponents>> byTarget = base.entrySet().stream().collect(Collectors.groupingBy(
                e -> target.bucketStart(e.getKey()),
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        assertThat(rolled.keySet()).isEqualTo(byTarget.keySet());
        byTarget.forEach((start, parts) -> assertThat(rolled.get(start)).isEqualTo(IntervalComponents.sum(parts)));
        assertThat(IntervalComponents.sum(rolled.values())).isEqualTo(IntervalComponents.sum(base.values()));
    }

    @Property
    void rollUpIsRefusedExactlyWhenTheTargetIsNotAMultipleOfTheBase(@ForAll Granularity baseGranularity,
            @ForAll Granularity target) {
        Assume.that(baseGranularity.canBeBase());
        // A month is whole days, and a base divides a day; every other target has a fixed length.
        if (target == Granularity.P1M
                || target.duration().getSeconds() % baseGranularity.duration().getSeconds() == 0) {
            assertThat(Rollup.rollUp(Map.of(), baseGranularity, target)).isEmpty();
        } else {
            assertThatIllegalArgumentException().isThrownBy(() -> Rollup.rollUp(Map.of(), baseGranularity, target));
        }
    }

    // (d)
    @Property
    void bucketStartIsIdempotentAndItsBucketContainsTheTime(
            @ForAll @LongRange(min = -4_000_000_000_000L, max = 4_000_000_000_000L) long epochMillis,
            @ForAll @IntRange(min = 0, max = 999_999) int nanos, @ForAll Granularity g) {
        Instant t = Instant.ofEpochMilli(epochMillis).plusNanos(nanos);
        Instant start = g.bucketStart(t);
        assertThat(g.bucketStart(start)).isEqualTo(start);
        assertThat(Interval.of(t, g).contains(t)).isTrue();
        assertThat(Interval.of(t, g).start()).isEqualTo(start);
        if (g != Granularity.P1M) {
            assertThat(Interval.of(t, g).duration()).isEqualTo(g.duration());
        }
    }

    // (e)
    @Property
    void watermarkNeverDecreases(
            @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 100_000_000) Long> eventOffsetsMs,
            @ForAll @LongRange(min = 0, max = 600_000) long latenessMs) {
        Duration lateness = Duration.ofMillis(latenessMs);
        Watermark w = Watermark.NONE;
        for (long offset : eventOffsetsMs) {
            Watermark next = w.advancedTo(DAY.plusMillis(offset), lateness);
            assertThat(next.value()).isAfterOrEqualTo(w.value());
            w = next;
        }
        Instant expected = eventOffsetsMs.stream().max(Long::compare)
                .map(max -> DAY.plusMillis(max).minus(lateness)).orElse(Instant.MIN);
        assertThat(w.value()).isEqualTo(expected);
    }

    @Property
    void serviceLevelOfRealEventsIsAFraction(@ForAll @Size(max = 50) List<@LongRange(max = 60_000) Long> waits,
            @ForAll @Size(max = 50) List<AcdOutcome> outcomes, @ForAll boolean includeAbandons,
            @ForAll boolean excludeShort, @ForAll boolean includeFlowOuts) {
        ServiceLevelSettings s = new ServiceLevelSettings(Duration.ofSeconds(20), Duration.ofSeconds(10),
                includeAbandons, excludeShort, includeFlowOuts);
        List<IntervalComponents> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(waits.size(), outcomes.size()); i++) {
            parts.add(QueueContribution.ofAcdEnd(outcomes.get(i), waits.get(i), s));
        }
        Double sl = DerivedKpis.of(IntervalComponents.sum(parts), s).serviceLevel();
        if (sl != null) {
            assertThat(sl).isBetween(0.0, 1.0);
        }
    }

    @Provide
    Arbitrary<Orders> twoOrders() {
        Arbitrary<Instant> times = Arbitraries.longs().between(0, Duration.ofHours(2).toMillis()).map(DAY::plusMillis);
        Arbitrary<String> queues = Arbitraries.of("q-a", "q-b").injectNull(0.6);
        Arbitrary<Long> durations = Arbitraries.longs().between(0, 600_000).edgeCases(c -> c.add(0L));
        Arbitrary<SegmentEvent> userEnds = Combinators.combine(times, queues, durations, durations, durations,
                durations).as(UserEnd::new);
        Arbitrary<SegmentEvent> acws = Combinators.combine(times, queues, durations).as(Acw::new);
        return Arbitraries.oneOf(userEnds, acws).list().ofMinSize(1).ofMaxSize(8)
                .flatMap(events -> Arbitraries.shuffle(events).map(shuffled -> new Orders(events, shuffled)));
    }

    @Provide
    Arbitrary<Map<Instant, IntervalComponents>> baseBuckets() {
        Arbitrary<Instant> starts = Arbitraries.integers().between(0, 4 * 24 * 3)
                .map(i -> DAY.plus(Granularity.PT15M.duration().multipliedBy(i)));
        Arbitrary<Long> small = Arbitraries.longs().between(0, 1_000);
        Arbitrary<IntervalComponents> components = Combinators.combine(small, small, small, small, small, small)
                .as((a, b, c, d, e, f) -> IntervalComponents.builder().offered(a).answered(b).answeredWithinSl(c)
                        .abandoned(d).handled(e).handleMs(f * 1000).talkMs(f * 700).holdMs(f * 300).build());
        return Arbitraries.maps(starts, components).ofMaxSize(40);
    }

    private static AgentSegment fold(List<SegmentEvent> events) {
        AgentSegment s = AgentSegment.empty("c-1", "p-1");
        for (SegmentEvent e : events) {
            s = e.applyTo(s);
        }
        return s;
    }

    // A delta with its components zeroed identifies the bucket it targets.
    private static SegmentDelta targetOf(SegmentDelta d) {
        return new SegmentDelta(d.queueId(), d.mediaType(), d.userId(), d.interval(), IntervalComponents.ZERO);
    }
}
