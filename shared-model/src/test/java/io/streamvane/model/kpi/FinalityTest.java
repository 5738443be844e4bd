package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.streamvane.model.kpi.Finality.StoredRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinalityTest {

    private static final Interval TEN_O_CLOCK =
            new Interval(Instant.parse("2025-03-04T10:00:00Z"), Instant.parse("2025-03-04T10:15:00Z"));

    @Test
    void intervalBecomesFinalWhenNewestEventIsAllowedLatenessPastItsEnd() {
        Watermark w = Watermark.NONE.advancedTo(Instant.parse("2025-03-04T10:20:00Z"));
        assertThat(w.value()).isEqualTo(TEN_O_CLOCK.end());
        assertThat(Finality.isFinal(TEN_O_CLOCK, w)).isTrue();
    }

    @Test
    void intervalIsStillOpenOneMillisecondEarlier() {
        Watermark w = Watermark.NONE.advancedTo(Instant.parse("2025-03-04T10:19:59.999Z"));
        assertThat(Finality.isFinal(TEN_O_CLOCK, w)).isFalse();
    }

    @Test
    void nothingIsFinalBeforeAnyEvent() {
        assertThat(Finality.isFinal(TEN_O_CLOCK, Watermark.NONE)).isFalse();
    }

    @Test
    void lateEventDoesNotMoveTheWatermarkBack() {
        Watermark w = Watermark.NONE.advancedTo(Instant.parse("2025-03-04T11:00:00Z"));
        assertThat(w.advancedTo(Instant.parse("2025-03-04T10:01:00Z"))).isEqualTo(w);
        assertThat(Finality.isFinal(TEN_O_CLOCK, w.advancedTo(Instant.parse("2025-03-04T10:01:00Z")))).isTrue();
    }

    @Test
    void allowedLatenessIsConfigurable() {
        Watermark w = Watermark.NONE.advancedTo(Instant.parse("2025-03-04T10:15:00Z"), Duration.ZERO);
        assertThat(Finality.isFinal(TEN_O_CLOCK, w)).isTrue();
        assertThat(Watermark.DEFAULT_ALLOWED_LATENESS).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void eventsNearTheStartOfTimeDoNotOverflow() {
        assertThat(Watermark.NONE.advancedTo(Instant.MIN.plusSeconds(1))).isEqualTo(Watermark.NONE);
    }

    private static final Interval HALF_HOUR =
            new Interval(Instant.parse("2025-03-04T10:00:00Z"), Instant.parse("2025-03-04T10:30:00Z"));
    private static final Interval SECOND_QUARTER =
            new Interval(Instant.parse("2025-03-04T10:15:00Z"), Instant.parse("2025-03-04T10:30:00Z"));

    private static Watermark at(String iso) {
        return new Watermark(Instant.parse(iso));
    }

    @Test
    void aHalfHourWithAQuietSecondQuarterIsFinalOnceTheWatermarkReachesItsEnd() {
        List<StoredRow> firstQuarterOnly = List.of(new StoredRow(TEN_O_CLOCK, true));

        assertThat(Finality.isFinal(HALF_HOUR, at("2025-03-04T10:29:59Z"), firstQuarterOnly)).isFalse();
        assertThat(Finality.isFinal(HALF_HOUR, at("2025-03-04T10:30:00Z"), firstQuarterOnly)).isTrue();
    }

    @Test
    void aStoredRowTheSweepHasNotMarkedKeepsTheBucketOpenWhateverTheWatermark() {
        List<StoredRow> rows = List.of(new StoredRow(TEN_O_CLOCK, true), new StoredRow(SECOND_QUARTER, false));

        assertThat(Finality.isFinal(HALF_HOUR, at("2025-03-04T12:00:00Z"), rows)).isFalse();
        assertThat(Finality.isFinal(TEN_O_CLOCK, at("2025-03-04T12:00:00Z"),
                List.of(new StoredRow(TEN_O_CLOCK, false)))).isFalse();
    }

    @Test
    void aBucketWithoutStoredRowsIsFinalExactlyWhenTheWatermarkReachesItsEnd() {
        assertThat(Finality.isFinal(HALF_HOUR, at("2025-03-04T10:29:59Z"), List.of())).isFalse();
        assertThat(Finality.isFinal(HALF_HOUR, at("2025-03-04T10:30:00Z"), List.of())).isTrue();
        assertThat(Finality.isFinal(HALF_HOUR, Watermark.NONE, List.of())).isFalse();
    }

    @Test
    void aBucketWhoseLastBaseRowTheSweepMarkedFinalStaysFinalWhileNoSourceIsActive() {
        List<StoredRow> lastQuarterFinal = List.of(new StoredRow(SECOND_QUARTER, true));
        List<StoredRow> firstQuarterFinal = List.of(new StoredRow(TEN_O_CLOCK, true));

        assertThat(Finality.isFinal(HALF_HOUR, Watermark.NONE, lastQuarterFinal)).isTrue();
        assertThat(Finality.isFinal(TEN_O_CLOCK, Watermark.NONE, firstQuarterFinal)).isTrue();
        // The sweep marked 10:00-10:15 only: nothing says the watermark ever reached 10:30.
        assertThat(Finality.isFinal(HALF_HOUR, Watermark.NONE, firstQuarterFinal)).isFalse();
    }

    @Test
    void aStoredRowOutsideTheBucketIsRefused() {
        Interval before = new Interval(Instant.parse("2025-03-04T09:45:00Z"), Instant.parse("2025-03-04T10:00:00Z"));

        assertThatIllegalArgumentException().isThrownBy(() ->
                Finality.isFinal(HALF_HOUR, Watermark.NONE, List.of(new StoredRow(before, true))));
    }
}
