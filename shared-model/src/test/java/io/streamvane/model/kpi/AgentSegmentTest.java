package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentSegmentTest {

    private static final Instant T0 = Instant.parse("2025-03-04T10:13:32Z");
    private static final Instant T1 = Instant.parse("2025-03-04T10:16:01Z");

    private static AgentSegment segment() {
        return AgentSegment.empty("c-1", "p-agent").withAttribution("q-1", "VOICE", "u-1");
    }

    @Test
    void handleTimeIsTalkPlusHoldPlusAcw() {
        AgentSegment s = segment().withUserEnd(T0, 241_800, 30_000).withAfterCallWork(T1, 89_000);
        assertThat(s.contribution()).isEqualTo(IntervalComponents.builder()
                .handled(1).talkMs(241_800).holdMs(30_000).acwMs(89_000).handleMs(360_800)
                .set(QueueMetric.HELD, 1).set(QueueMetric.WRAPPED_UP, 1).build());
    }

    @Test
    void heldLongerThanInteractingAsInAPublicGenesysUserEndKeepsBothWhole() {
        // A public Genesys user.end: heldDurationMs 307,338 > interactingDurationMs 217,521, so they are disjoint.
        AgentSegment s = segment().withUserEnd(T0, 217_521, 307_338).withAfterCallWork(T1, 45_000);

        assertThat(s.talkMs()).isEqualTo(217_521);
        assertThat(s.holdMs()).isEqualTo(307_338);
        IntervalComponents c = s.contribution();
        assertThat(c.handled()).isEqualTo(1);
        assertThat(c.handleMs()).isEqualTo(569_859);
        assertThat(DerivedKpis.of(c, ServiceLevelSettings.DEFAULTS).ahtSeconds()).isEqualTo(569.859);
    }

    @Test
    void dialingAndContactingOfAnOutboundSegmentCountInHandleTimeOnly() {
        AgentSegment s = segment().withUserEnd(T0, 120_000, 10_000, 8_000, 4_000).withAfterCallWork(T1, 30_000);

        assertThat(s.contribution()).isEqualTo(IntervalComponents.builder()
                .handled(1).talkMs(120_000).holdMs(10_000).acwMs(30_000).handleMs(172_000)
                .set(QueueMetric.HELD, 1).set(QueueMetric.WRAPPED_UP, 1).set(QueueMetric.DIALING_MS, 8_000)
                .set(QueueMetric.CONTACTING_MS, 4_000).build());
    }

    @Test
    void completesAtTheLatestOfItsUserEndAndAcwEvents() {
        assertThat(segment().withAfterCallWork(T1, 89_000).withUserEnd(T0, 1_000, 0).completedAt()).isEqualTo(T1);
    }

    @Test
    void alertNeverAnsweredIsNotHandled() {
        AgentSegment s = segment().withUserEnd(T0, 0, 0);
        assertThat(s.handled()).isFalse();
        assertThat(s.contribution()).isEqualTo(IntervalComponents.ZERO);
        assertThat(s.completedAt()).isEqualTo(T0);
    }

    @Test
    void wrapUpAloneMakesTheSegmentHandled() {
        assertThat(segment().withAfterCallWork(T0, 0).contribution().handled()).isEqualTo(1);
    }

    @Test
    void severalUserEndsOfOneParticipantAddUpEachPhaseAndCountOnce() {
        AgentSegment s = segment().withUserEnd(T0, 60_000, 0, 2_000, 0).withUserEnd(T1, 30_000, 5_000, 0, 1_000);
        assertThat(s.contribution()).isEqualTo(IntervalComponents.builder()
                .handled(1).talkMs(90_000).holdMs(5_000).handleMs(98_000).set(QueueMetric.HELD, 1)
                .set(QueueMetric.DIALING_MS, 2_000).set(QueueMetric.CONTACTING_MS, 1_000).build());
    }

    @Test
    void conflictingAttributionResolvesTheSameWayInEitherOrder() {
        AgentSegment ab = AgentSegment.empty("c", "p").withAttribution("q-b", "chat", null)
                .withAttribution("q-a", null, "u-1");
        AgentSegment ba = AgentSegment.empty("c", "p").withAttribution("q-a", null, "u-1")
                .withAttribution("q-b", "chat", null);
        assertThat(ab).isEqualTo(ba);
        assertThat(ab.queueId()).isEqualTo("q-a");
        assertThat(ab.mediaType()).isEqualTo("chat");
    }

    @Test
    void negativeDurationsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> segment().withUserEnd(T0, -1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> segment().withUserEnd(T0, 0, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> segment().withUserEnd(T0, 0, 0, -1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> segment().withUserEnd(T0, 0, 0, 0, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> segment().withAfterCallWork(T0, -1));
    }
}
