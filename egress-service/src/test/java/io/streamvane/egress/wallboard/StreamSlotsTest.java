package io.streamvane.egress.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class StreamSlotsTest {

    @Test
    void oneCredentialGetsItsShareAndTheRestStaysForOthers() {
        StreamSlots slots = new StreamSlots(5, 2);
        slots.reserve("api-key:tv");
        slots.reserve("api-key:tv");

        assertThatThrownBy(() -> slots.reserve("api-key:tv")).isInstanceOfSatisfying(ResponseStatusException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(429));
        slots.reserve("api-key:ops");
        slots.reserve("api-key:ops");
        slots.reserve("jwt-subject");
        assertThatThrownBy(() -> slots.reserve("someone-else")).isInstanceOfSatisfying(ResponseStatusException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
        assertThat(slots.open()).isEqualTo(5);
    }

    @Test
    void aReleasedSlotIsFreeAgainAndReleasingTwiceFreesOne() {
        StreamSlots slots = new StreamSlots(10, 2);
        StreamSlots.Slot first = slots.reserve("tv");
        slots.reserve("tv");

        first.release();
        first.release();

        slots.reserve("tv");
        assertThatThrownBy(() -> slots.reserve("tv")).isInstanceOf(ResponseStatusException.class);
        assertThat(slots.open()).isEqualTo(2);
    }

    @Test
    void aBurstOfReservationsNeverOvershoots() throws Exception {
        StreamSlots slots = new StreamSlots(50, 50);
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    try {
                        slots.reserve("one-key");
                        granted.incrementAndGet();
                    } catch (ResponseStatusException refused) {
                        // expected once the share is taken
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(granted).hasValue(50);
        assertThat(slots.open()).isEqualTo(50);
    }
}
