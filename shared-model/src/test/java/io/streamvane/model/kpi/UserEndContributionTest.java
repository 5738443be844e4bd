package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Genesys tAlert, tNotResponding and nTransferred from one user.end (SPEC §2, help.mypurecloud.com disconnect reasons). */
class UserEndContributionTest {

    @Test
    void anAnsweredAlertCountsItsRingingTime() {
        assertThat(UserEndContribution.of(UserEndReason.OTHER, 240_000, 0, 4_200)).isEqualTo(
                IntervalComponents.builder().set(QueueMetric.ALERTS, 1).set(QueueMetric.ALERT_MS, 4_200).build());
    }

    @Test
    void anAlertThatTimedOutUnansweredIsNotResponding() {
        assertThat(UserEndContribution.of(UserEndReason.ALERT_TIMEOUT, 0, 0, 8_277)).isEqualTo(
                IntervalComponents.builder().set(QueueMetric.ALERTS, 1).set(QueueMetric.ALERT_MS, 8_277)
                        .set(QueueMetric.NOT_RESPONDING, 1).set(QueueMetric.NOT_RESPONDING_MS, 8_277).build());
    }

    @Test
    void anAlertTheCustomerHungUpOnIsAnAlertButNotAMissedOne() {
        IntervalComponents c = UserEndContribution.of(UserEndReason.OTHER, 0, 0, 3_000);
        assertThat(c.alerts()).isEqualTo(1);
        assertThat(c.notResponding()).isZero();
    }

    @Test
    void transfersCountOnlyForAParticipationTheAgentTook() {
        assertThat(UserEndContribution.of(UserEndReason.BLIND_TRANSFER, 60_000, 0, 0)).isEqualTo(
                IntervalComponents.builder().set(QueueMetric.TRANSFERRED, 1).set(QueueMetric.BLIND_TRANSFERRED, 1)
                        .build());
        assertThat(UserEndContribution.of(UserEndReason.CONSULT_TRANSFER, 0, 30_000, 0)).isEqualTo(
                IntervalComponents.builder().set(QueueMetric.TRANSFERRED, 1).set(QueueMetric.CONSULT_TRANSFERRED, 1)
                        .build());
        assertThat(UserEndContribution.of(UserEndReason.OTHER_TRANSFER, 1, 0, 0).transferred()).isEqualTo(1);
        // A queue flowing the contact out while it alerted is a transfer disconnect, but not the agent's transfer.
        assertThat(UserEndContribution.of(UserEndReason.BLIND_TRANSFER, 0, 0, 5_000).transferred()).isZero();
    }

    @Test
    void refusesNegativeDurations() {
        assertThatIllegalArgumentException().isThrownBy(() -> UserEndContribution.of(UserEndReason.OTHER, 0, 0, -1));
    }

    @Property
    void countsAreConsistent(@ForAll UserEndReason reason, @ForAll @LongRange(max = 600_000) long interacting,
            @ForAll @LongRange(max = 600_000) long held, @ForAll @LongRange(max = 60_000) long alerting) {
        IntervalComponents c = UserEndContribution.of(reason, interacting, held, alerting);
        assertThat(c.notResponding()).isLessThanOrEqualTo(c.alerts());
        assertThat(c.notRespondingMs()).isLessThanOrEqualTo(c.alertMs());
        assertThat(c.blindTransferred() + c.consultTransferred()).isLessThanOrEqualTo(c.transferred());
        assertThat(c.transferred() + c.notResponding()).isLessThanOrEqualTo(1);
        assertThat(c.handled()).isZero();
    }
}
