package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentStatusTimeTest {

    private static Instant at(String hhmm) {
        return Instant.parse("2025-03-04T" + hhmm + ":00Z");
    }

    @Test
    void statusTimeIsSpreadOverTheBucketsItSpans() {
        StatusPeriod idle = new StatusPeriod(RoutingStatus.IDLE, at("09:50"), at("10:20"));
        assertThat(idle.splitBy(Granularity.PT15M)).containsExactly(
                entry(at("09:45"), Duration.ofMinutes(10)),
                entry(at("10:00"), Duration.ofMinutes(15)),
                entry(at("10:15"), Duration.ofMinutes(5)));
    }

    @Test
    void periodEndingOnABoundaryDoesNotTouchTheNextBucket() {
        StatusPeriod p = new StatusPeriod(RoutingStatus.INTERACTING, at("10:00"), at("10:15"));
        assertThat(p.splitBy(Granularity.PT15M)).containsExactly(entry(at("10:00"), Duration.ofMinutes(15)));
    }

    @Test
    void emptyPeriodTakesNoTime() {
        assertThat(new StatusPeriod(RoutingStatus.IDLE, at("10:00"), at("10:00")).splitBy(Granularity.PT15M)).isEmpty();
    }

    @Test
    void periodEndingBeforeItStartsIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new StatusPeriod(RoutingStatus.IDLE, at("10:00"), at("09:59")));
    }

    @Test
    void occupancyIsInteractingOverInteractingIdleAndCommunicating() {
        assertThat(Occupancy.of(30, 60, 10)).isEqualTo(0.3);
        assertThat(Occupancy.of(Map.of(
                RoutingStatus.INTERACTING, Duration.ofMinutes(9),
                RoutingStatus.IDLE, Duration.ofMinutes(3),
                RoutingStatus.OFF_QUEUE, Duration.ofHours(1)))).isEqualTo(0.75);
    }

    @Test
    void occupancyWithoutCountedTimeIsNull() {
        assertThat(Occupancy.of(0, 0, 0)).isNull();
        assertThat(Occupancy.of(Map.of(RoutingStatus.NOT_RESPONDING, Duration.ofMinutes(5)))).isNull();
    }

}
