package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalComponentsTest {

    /** Component i (catalogue order) holds (i + 1) × scale, so a swapped or dropped component shows. */
    private static IntervalComponents numbered(long scale) {
        IntervalComponents.Builder b = IntervalComponents.builder();
        List<QueueMetric> components = QueueMetric.components();
        for (int i = 0; i < components.size(); i++) {
            b.set(components.get(i), (i + 1) * scale);
        }
        return b.build();
    }

    private static final IntervalComponents A = numbered(1);
    private static final IntervalComponents B = numbered(10);

    @Test
    void addsComponentWise() {
        assertThat(A.plus(B)).isEqualTo(numbered(11));
        assertThat(A.alerts()).isEqualTo(QueueMetric.ALERTS.componentIndex() + 1);
        assertThat(A.contactingMs()).isEqualTo(QueueMetric.components().size());
    }

    @Test
    void readsAndWritesEachComponentByItsCatalogueEntry() {
        assertThat(IntervalComponents.read(A::get)).isEqualTo(A);
        assertThat(A.toArray()).hasSize(QueueMetric.components().size()).startsWith(1, 2, 3);
        for (QueueMetric m : QueueMetric.components()) {
            assertThat(IntervalComponents.builder().set(m, 7).build().get(m)).isEqualTo(7);
        }
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> A.get(QueueMetric.SERVICE_LEVEL));
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
        assertThat(built.toArray()).startsWith(A.toArray()[0], 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(built.alerts()).isZero();
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        IntervalComponents huge = IntervalComponents.builder().talkMs(Long.MAX_VALUE).build();
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> huge.plus(huge));
    }
}
