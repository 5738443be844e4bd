package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DerivedKpisTest {

    private static final ServiceLevelSettings DEFAULTS = ServiceLevelSettings.DEFAULTS;

    // 8 answered (6 within SL), 4 abandoned (1 short), 2 flow-outs.
    private static final IntervalComponents MIX = IntervalComponents.builder()
            .offered(10).answered(8).answeredWithinSl(6).abandoned(4).shortAbandoned(1).flowOuts(2)
            .answerWaitMs(80_000).handled(5).handleMs(1_500_000).build();

    private static ServiceLevelSettings settings(boolean includeAbandons, boolean excludeShort, boolean flowOuts) {
        return new ServiceLevelSettings(Duration.ofSeconds(20), Duration.ofSeconds(10), includeAbandons, excludeShort,
                flowOuts);
    }

    @Test
    void defaultServiceLevelCountsAbandonsButNotShortAbandonsOrFlowOuts() {
        // 6 / (8 + 4 - 1)
        assertThat(DerivedKpis.of(MIX, DEFAULTS).serviceLevel()).isEqualTo(6.0 / 11);
    }

    @Test
    void abandonBeforeShortThresholdDoesNotCountAgainstServiceLevel() {
        IntervalComponents answeredOneAndShortAbandonedOne = QueueContribution.ofAcdEnd(AcdOutcome.ANSWERED, 1_000, DEFAULTS)
                .plus(QueueContribution.ofAcdEnd(AcdOutcome.ABANDON, 9_999, DEFAULTS));
        assertThat(DerivedKpis.of(answeredOneAndShortAbandonedOne, DEFAULTS).serviceLevel()).isEqualTo(1.0);
    }

    @Test
    void withoutAbandonsOnlyAnsweredCount() {
        assertThat(DerivedKpis.of(MIX, settings(false, true, false)).serviceLevel()).isEqualTo(6.0 / 8);
        assertThat(DerivedKpis.of(MIX, settings(false, false, false)).serviceLevel()).isEqualTo(6.0 / 8);
    }

    @Test
    void includingShortAbandonsCountsEveryAbandon() {
        assertThat(DerivedKpis.of(MIX, settings(true, false, false)).serviceLevel()).isEqualTo(6.0 / 12);
    }

    @Test
    void includingFlowOutsAddsThemToTheDenominator() {
        assertThat(DerivedKpis.of(MIX, settings(true, true, true)).serviceLevel()).isEqualTo(6.0 / 13);
        assertThat(DerivedKpis.of(MIX, settings(false, true, true)).serviceLevel()).isEqualTo(6.0 / 10);
    }

    @Test
    void averagesAreInSeconds() {
        DerivedKpis k = DerivedKpis.of(MIX, DEFAULTS);
        assertThat(k.asaSeconds()).isEqualTo(10.0);
        assertThat(k.ahtSeconds()).isEqualTo(300.0);
        assertThat(k.abandonRate()).isEqualTo(0.4);
    }

    @Test
    void emptyIntervalHasNoRatios() {
        assertThat(DerivedKpis.of(IntervalComponents.ZERO, DEFAULTS)).isEqualTo(new DerivedKpis(null, null, null, null, 0,
                null));
    }

    @Test
    void onlyShortAbandonsLeaveServiceLevelUndefined() {
        IntervalComponents c = IntervalComponents.builder().offered(2).abandoned(2).shortAbandoned(2).build();
        DerivedKpis k = DerivedKpis.of(c, DEFAULTS);
        assertThat(k.serviceLevel()).isNull();
        assertThat(k.abandonRate()).isEqualTo(1.0);
    }

    @Test
    void flowOutsAloneGiveZeroServiceLevelOnlyWhenIncluded() {
        IntervalComponents c = IntervalComponents.builder().flowOuts(3).build();
        assertThat(DerivedKpis.of(c, DEFAULTS).serviceLevel()).isNull();
        assertThat(DerivedKpis.of(c, settings(true, true, true)).serviceLevel()).isEqualTo(0.0);
    }

    @Test
    void abandonRateCanExceedOneWhenOfferedLandedInAnEarlierInterval() {
        IntervalComponents c = IntervalComponents.builder().offered(1).abandoned(3).build();
        assertThat(DerivedKpis.of(c, DEFAULTS).abandonRate()).isEqualTo(3.0);
    }

    @Test
    void abandonsWithoutOfferedHaveNoAbandonRate() {
        IntervalComponents c = IntervalComponents.builder().abandoned(3).build();
        assertThat(DerivedKpis.of(c, DEFAULTS).abandonRate()).isNull();
    }

    @Test
    void handledWithoutAnswersHasAhtButNoAsa() {
        IntervalComponents c = IntervalComponents.builder().handled(2).handleMs(90_000).build();
        DerivedKpis k = DerivedKpis.of(c, DEFAULTS);
        assertThat(k.ahtSeconds()).isEqualTo(45.0);
        assertThat(k.asaSeconds()).isNull();
    }
}
