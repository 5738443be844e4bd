package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalComponentsTest {

    private static final IntervalComponents A =
            new IntervalComponents(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    private static final IntervalComponents B =
            new IntervalComponents(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130);

    @Test
    void addsComponentWise() {
        assertThat(A.plus(B)).isEqualTo(new IntervalComponents(11, 22, 33, 44, 55, 66, 77, 88, 99, 110, 121, 132, 143));
    }

    @Test
    void subtractingUndoesAdding() {
        assertThat(A.plus(B).minus(B)).isEqualTo(A);
        assertThat(A.plus(A.negate()).isZero()).isTrue();
    }

    @Test
    void sumOfNothingIsZero() {
        assertThat(IntervalComponents.sum(List.of())).isEqualTo(IntervalComponents.ZERO);
        assertThat(IntervalComponents.sum(List.of(A, B, A.negate()))).isEqualTo(B);
    }

    @Test
    void builderNamesEachComponent() {
        IntervalComponents built = IntervalComponents.builder().offered(1).answered(2).answeredWithinSl(3)
                .abandoned(4).shortAbandoned(5).flowOuts(6).answerWaitMs(7).abandonWaitMs(8).handled(9)
                .handleMs(10).talkMs(11).holdMs(12).acwMs(13).build();
        assertThat(built).isEqualTo(A);
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        IntervalComponents huge = IntervalComponents.builder().talkMs(Long.MAX_VALUE).build();
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> huge.plus(huge));
    }
}
