package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GranularityTest {

    @Test
    void timeExactlyOnBoundaryStartsItsOwnBucket() {
        Instant boundary = Instant.parse("2025-03-04T10:15:00Z");
        assertThat(Granularity.PT15M.bucketStart(boundary)).isEqualTo(boundary);
        assertThat(Granularity.PT15M.bucketStart(boundary.minusNanos(1)))
                .isEqualTo(Instant.parse("2025-03-04T10:00:00Z"));
    }

    @Test
    void bucketsAreUtcAligned() {
        Instant t = Instant.parse("2025-03-04T23:59:59.999Z");
        assertThat(Granularity.PT30M.bucketStart(t)).isEqualTo(Instant.parse("2025-03-04T23:30:00Z"));
        assertThat(Granularity.PT1H.bucketStart(t)).isEqualTo(Instant.parse("2025-03-04T23:00:00Z"));
        assertThat(Granularity.P1D.bucketStart(t)).isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));
    }

    @Test
    void timesBeforeTheEpochFloorDownward() {
        assertThat(Granularity.PT15M.bucketStart(Instant.parse("1969-12-31T23:59:59Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:45:00Z"));
    }

    @Test
    void parsesIsoDurationsCaseInsensitively() {
        assertThat(Granularity.parse("PT15M")).isEqualTo(Granularity.PT15M);
        assertThat(Granularity.parse("pt30m")).isEqualTo(Granularity.PT30M);
        assertThat(Granularity.parse("PT1H")).isEqualTo(Granularity.PT1H);
        assertThat(Granularity.parse("P1D")).isEqualTo(Granularity.P1D);
    }

    @Test
    void parsesOtherSpellingsOfTheSameLength() {
        assertThat(Granularity.parse("PT60M")).isEqualTo(Granularity.PT1H);
        assertThat(Granularity.parse("PT24H")).isEqualTo(Granularity.P1D);
    }

    @Test
    void rejectsUnsupportedOrMalformedGranularity() {
        assertThatIllegalArgumentException().isThrownBy(() -> Granularity.parse("PT5M")).withMessageContaining("PT5M");
        assertThatIllegalArgumentException().isThrownBy(() -> Granularity.parse("15 minutes"));
    }

    @Test
    void coarserGranularitiesAreMultiplesOfFinerOnes() {
        assertThat(Granularity.P1D.isMultipleOf(Granularity.PT15M)).isTrue();
        assertThat(Granularity.PT1H.isMultipleOf(Granularity.PT30M)).isTrue();
        assertThat(Granularity.PT15M.isMultipleOf(Granularity.PT15M)).isTrue();
        assertThat(Granularity.PT15M.isMultipleOf(Granularity.PT1H)).isFalse();
    }

    @Test
    void durationMatchesName() {
        for (Granularity g : List.of(Granularity.PT15M, Granularity.PT30M, Granularity.PT1H, Granularity.P1D)) {
            assertThat(g.duration()).isEqualTo(Duration.parse(g.name()));
            assertThat(g.canBeBase()).isTrue();
        }
        assertThat(Granularity.P7D.duration()).isEqualTo(Duration.ofDays(7));
        assertThat(Granularity.P7D.canBeBase()).isFalse();
        assertThat(Granularity.P1M.canBeBase()).isFalse();
        assertThatIllegalStateException().isThrownBy(Granularity.P1M::duration);
    }

    @Test
    void weeksAndMonthsParseAsGenesysWritesThem() {
        assertThat(Granularity.parse("P1W")).isEqualTo(Granularity.P7D);
        assertThat(Granularity.parse("P7D")).isEqualTo(Granularity.P7D);
        assertThat(Granularity.parse("p1m")).isEqualTo(Granularity.P1M);
        assertThatIllegalArgumentException().isThrownBy(() -> Granularity.parse("P2M"));
        assertThatIllegalArgumentException().isThrownBy(() -> Granularity.parse("P1Y"));
    }

    @Test
    void utcWeeksStartOnMondayAndMonthsOnTheFirst() {
        Instant thursday = Instant.parse("2026-01-01T12:00:00Z");
        assertThat(Granularity.P7D.bucketStart(thursday)).isEqualTo(Instant.parse("2025-12-29T00:00:00Z"));
        assertThat(Granularity.P1M.bucketStart(thursday)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(Granularity.P1M.isMultipleOf(Granularity.PT15M)).isTrue();
        assertThat(Granularity.P7D.isMultipleOf(Granularity.P1D)).isTrue();
        assertThat(Granularity.PT1H.isMultipleOf(Granularity.P1M)).isFalse();
    }
}
