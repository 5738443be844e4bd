package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.streamvane.model.event.SystemPresence;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AgentStatusTimeTest {

    private static Instant at(String hhmm) {
        return Instant.parse("2025-03-04T" + hhmm + ":00Z");
    }

    @Test
    void statusTimeIsSpreadOverTheBucketsItSpans() {
        StatusPeriod idle = new StatusPeriod(AgentMetric.IDLE_MS, at("09:50"), at("10:20"));
        assertThat(idle.splitBy(Granularity.PT15M)).containsExactly(
                entry(at("09:45"), Duration.ofMinutes(10)),
                entry(at("10:00"), Duration.ofMinutes(15)),
                entry(at("10:15"), Duration.ofMinutes(5)));
    }

    @Test
    void periodEndingOnABoundaryDoesNotTouchTheNextBucket() {
        StatusPeriod p = new StatusPeriod(AgentMetric.INTERACTING_MS, at("10:00"), at("10:15"));
        assertThat(p.splitBy(Granularity.PT15M)).containsExactly(entry(at("10:00"), Duration.ofMinutes(15)));
    }

    @Test
    void emptyPeriodTakesNoTime() {
        assertThat(new StatusPeriod(AgentMetric.IDLE_MS, at("10:00"), at("10:00")).splitBy(Granularity.PT15M)).isEmpty();
    }

    @Test
    void periodEndingBeforeItStartsIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new StatusPeriod(AgentMetric.IDLE_MS, at("10:00"), at("09:59")));
    }

    @Test
    void aPeriodBecomesComponentsOfItsMetricPerBucket() {
        StatusPeriod away = new StatusPeriod(AgentMetric.PRESENCE_AWAY_MS, at("09:50"), at("10:20"));
        assertThat(away.componentsBy(Granularity.PT15M, -1)).containsExactly(
                entry(at("09:45"), AgentComponents.of(AgentMetric.PRESENCE_AWAY_MS, -600_000)),
                entry(at("10:00"), AgentComponents.of(AgentMetric.PRESENCE_AWAY_MS, -900_000)),
                entry(at("10:15"), AgentComponents.of(AgentMetric.PRESENCE_AWAY_MS, -300_000)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new StatusPeriod(AgentMetric.TALK_MS, at("10:00"), at("10:01")));
    }

    @Test
    void everyStatusAndPresenceHasAColumnAndUnknownOnesGoToOther() {
        for (RoutingStatus s : RoutingStatus.values()) {
            assertThat(AgentMetric.of(s).family()).isEqualTo(AgentMetric.Family.ROUTING_STATUS);
        }
        for (SystemPresence p : SystemPresence.values()) {
            assertThat(AgentMetric.ofSystemPresence(p.name()).family()).isEqualTo(AgentMetric.Family.SYSTEM_PRESENCE);
            assertThat(AgentMetric.ofSystemPresence(p.name()).qualifier()).isEqualTo(
                    p == SystemPresence.UNKNOWN ? java.util.Optional.empty() : java.util.Optional.of(p.name()));
        }
        assertThat(AgentMetric.of(RoutingStatus.UNKNOWN)).isEqualTo(AgentMetric.OTHER_MS);
        assertThat(AgentMetric.ofSystemPresence("ON_QUEUE"))
                .isEqualTo(AgentMetric.PRESENCE_ON_QUEUE_MS);
        assertThat(AgentMetric.ofGenesys("tSystemPresence", "BREAK")).contains(AgentMetric.PRESENCE_BREAK_MS);
        assertThat(AgentMetric.ofGenesys("tAgentRoutingStatus", "IDLE")).contains(AgentMetric.IDLE_MS);
        assertThat(AgentMetric.ofGenesys("tAgentRoutingStatus", "SOMETHING_NEW")).isEmpty();
    }

    @Test
    void occupancyIsInteractingOverInteractingIdleAndCommunicating() {
        assertThat(Occupancy.of(30, 60, 10)).isEqualTo(0.3);
        AgentComponents row = AgentComponents.of(AgentMetric.INTERACTING_MS, 540_000)
                .plus(AgentComponents.of(AgentMetric.IDLE_MS, 180_000))
                .plus(AgentComponents.of(AgentMetric.OFF_QUEUE_MS, 3_600_000));
        assertThat(row.occupancy()).isEqualTo(0.75);
    }

    @Test
    void utilizationIsInteractingOverLoggedInTimeWhichOfflineIsNot() {
        AgentComponents row = AgentComponents.of(AgentMetric.INTERACTING_MS, 450_000)
                .plus(AgentComponents.of(AgentMetric.PRESENCE_ON_QUEUE_MS, 600_000))
                .plus(AgentComponents.of(AgentMetric.PRESENCE_BREAK_MS, 300_000))
                .plus(AgentComponents.of(AgentMetric.PRESENCE_OFFLINE_MS, 2_700_000));
        assertThat(row.loggedInMs()).isEqualTo(900_000);
        assertThat(row.utilization()).isEqualTo(0.5);
        assertThat(AgentComponents.of(AgentMetric.PRESENCE_OFFLINE_MS, 900_000).utilization()).isNull();
    }

    @Test
    void occupancyWithoutCountedTimeIsNull() {
        assertThat(Occupancy.of(0, 0, 0)).isNull();
        assertThat(AgentComponents.of(AgentMetric.NOT_RESPONDING_MS, 300_000).occupancy()).isNull();
    }

}
