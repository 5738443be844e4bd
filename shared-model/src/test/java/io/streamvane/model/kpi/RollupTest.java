package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupTest {

    private static final IntervalComponents ONE = IntervalComponents.builder().offered(1).build();
    private static final IntervalComponents TWO = IntervalComponents.builder().offered(2).answered(1).build();

    private static Instant at(String hhmm) {
        return Instant.parse("2025-03-04T" + hhmm + ":00Z");
    }

    @Test
    void hourIsTheSumOfItsQuarterHours() {
        Map<Instant, IntervalComponents> base = Map.of(at("10:00"), ONE, at("10:45"), TWO, at("11:00"), ONE);
        assertThat(Rollup.rollUp(base, Granularity.PT1H)).containsExactly(
                entry(at("10:00"), ONE.plus(TWO)),
                entry(at("11:00"), ONE));
    }

    @Test
    void dayStartsAtUtcMidnight() {
        Map<Instant, IntervalComponents> base = Map.of(
                Instant.parse("2025-03-04T23:30:00Z"), ONE, Instant.parse("2025-03-05T00:00:00Z"), TWO);
        assertThat(Rollup.rollUp(base, Granularity.PT30M, Granularity.P1D)).containsExactly(
                entry(Instant.parse("2025-03-04T00:00:00Z"), ONE),
                entry(Instant.parse("2025-03-05T00:00:00Z"), TWO));
    }

    @Test
    void refusesATargetThatIsNotAMultipleOfTheBase() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Rollup.rollUp(Map.of(), Granularity.PT30M, Granularity.PT15M))
                .withMessageContaining("not a multiple");
    }

    @Test
    void refusesKeysThatAreNotBaseBucketStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Rollup.rollUp(Map.of(at("10:05"), ONE), Granularity.PT1H));
    }

    @Test
    void rollingUpToTheBaseIsIdentity() {
        Map<Instant, IntervalComponents> base = Map.of(at("10:00"), ONE, at("10:15"), TWO);
        assertThat(Rollup.rollUp(base, Granularity.PT15M)).isEqualTo(base);
    }
}
