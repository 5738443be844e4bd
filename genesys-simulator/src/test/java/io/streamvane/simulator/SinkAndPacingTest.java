package io.streamvane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.streamvane.simulator.events.EnvelopeType;
import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.events.SimulatedMessage;
import io.streamvane.simulator.sink.CollectingEventSink;
import io.streamvane.simulator.sink.HttpEventSink;
import io.streamvane.simulator.sink.PacedPublisher;
import io.streamvane.simulator.sink.Pacing;
import io.streamvane.simulator.sink.WallClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SinkAndPacingTest {

    /** A wall clock that advances only when slept on. */
    private static final class FakeClock implements WallClock {
        long now;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    private static List<ScheduledMessage> messagesAt(long... sendAtMs) {
        List<ScheduledMessage> messages = new ArrayList<>();
        for (long at : sendAtMs) {
            messages.add(new ScheduledMessage(at, new SimulatedMessage("{}", EnvelopeType.UNKNOWN, List.of())));
        }
        return messages;
    }

    @Test
    void acceleratedPacingWaitsTheSimulatedGapDividedByTheFactor() {
        FakeClock clock = new FakeClock();
        CollectingEventSink sink = new CollectingEventSink();
        new PacedPublisher(clock).publish(messagesAt(0, 60_000, 60_000, 180_000), sink, Pacing.accelerated(60));
        assertThat(sink.messages()).hasSize(4);
        assertThat(clock.sleeps).containsExactly(1_000_000_000L, 2_000_000_000L);
    }

    @Test
    void asFastAsPossibleNeverWaits() {
        FakeClock clock = new FakeClock();
        new PacedPublisher(clock).publish(messagesAt(0, 3_600_000), new CollectingEventSink(), Pacing.asFastAsPossible());
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void theHttpSinkPostsEachMessageToTheEventsEndpointWithTheApiKey() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> keys = new CopyOnWriteArrayList<>();
        server.createContext("/api/v1/events", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            keys.add(exchange.getRequestHeaders().getFirst("X-API-Key"));
            assertThat(exchange.getRequestMethod()).isEqualTo("POST");
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        try {
            HttpEventSink sink = HttpEventSink.forBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/",
                    "demo-key");
            List<ScheduledMessage> messages = Runs.cleanDay().messages().subList(0, 20);
            messages.forEach(m -> sink.accept(m.message()));
            assertThat(bodies).containsExactlyElementsOf(messages.stream().map(m -> m.message().json()).toList());
            assertThat(keys).containsOnly("demo-key");
            assertThat(sink.statusCounts()).containsEntry(202, 20L);
            assertThat(sink.transportFailures()).isZero();
        } finally {
            server.stop(0);
        }
    }
}
