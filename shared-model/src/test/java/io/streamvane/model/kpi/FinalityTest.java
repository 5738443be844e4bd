package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
}
