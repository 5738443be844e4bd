package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class QueueContributionTest {

    private static final ServiceLevelSettings S = ServiceLevelSettings.DEFAULTS;

    @Test
    void acdStartOffersOneInteraction() {
        assertThat(QueueContribution.ofAcdStart()).isEqualTo(IntervalComponents.builder().offered(1).build());
    }

    @Test
    void answerExactlyAtSlThresholdMeetsServiceLevel() {
        assertThat(QueueContribution.ofAcdEnd(AcdOutcome.ANSWERED, 20_000, S)).isEqualTo(
                IntervalComponents.builder().answered(1).answerWaitMs(20_000).answeredWithinSl(1).build());
    }

    @Test
    void answerOneMillisecondOverSlThresholdMissesServiceLevel() {
        assertThat(QueueContribution.ofAcdEnd(AcdOutcome.ANSWERED, 20_001, S)).isEqualTo(
                IntervalComponents.builder().answered(1).answerWaitMs(20_001).build());
    }

    @Test
    void abandonBeforeShortThresholdIsShortAbandon() {
        assertThat(QueueContribution.ofAcdEnd(AcdOutcome.ABANDON, 9_999, S)).isEqualTo(
                IntervalComponents.builder().abandoned(1).abandonWaitMs(9_999).shortAbandoned(1)
                        .set(QueueMetric.SHORT_ABANDON_WAIT_MS, 9_999).set(QueueMetric.ABANDONED_WITHIN_SL, 1).build());
    }

    @Test
    void abandonExactlyAtShortThresholdIsOrdinaryAbandon() {
        assertThat(QueueContribution.ofAcdEnd(AcdOutcome.ABANDON, 10_000, S)).isEqualTo(
                IntervalComponents.builder().abandoned(1).abandonWaitMs(10_000)
                        .set(QueueMetric.ABANDONED_WITHIN_SL, 1).build());
    }

    @Test
    void flowOutIsNeitherAnsweredNorAbandoned() {
        assertThat(QueueContribution.ofAcdEnd(AcdOutcome.FLOW_OUT, 45_000, S))
                .isEqualTo(IntervalComponents.builder().flowOuts(1).set(QueueMetric.FLOW_OUT_WAIT_MS, 45_000).build());
    }

    @Test
    void unknownOutcomeContributesNothing() {
        assertThat(QueueContribution.ofAcdEnd(AcdOutcome.UNKNOWN, 5_000, S)).isEqualTo(IntervalComponents.ZERO);
    }

    @Test
    void thresholdsComeFromTheGivenSettings() {
        ServiceLevelSettings thirty = S.withSlThreshold(java.time.Duration.ofSeconds(30));
        assertThat(QueueContribution.ofAcdEnd(AcdOutcome.ANSWERED, 25_000, thirty).answeredWithinSl()).isEqualTo(1);
    }

    @Test
    void negativeWaitIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> QueueContribution.ofAcdEnd(AcdOutcome.ANSWERED, -1, S));
    }

}
