package io.streamvane.egress.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamvane.egress.EgressIntegrationTest;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One screen that opens the stream and never reads: every other screen keeps getting each change, and the stalled one
 * is evicted once it is {@link WallboardBroadcaster#MAX_FRAMES_BEHIND} frames behind. On a broadcaster that writes
 * every stream from one thread, the healthy screen stops receiving as soon as the stalled socket's buffers fill.
 */
class StalledScreenTest extends EgressIntegrationTest {

    private static final int QUEUES = 60;
    private static final int MAX_ROUNDS = 400;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JsonMapper json;

    @Autowired
    WallboardBroadcaster broadcaster;

    EngineLikeWrites engine;

    @BeforeEach
    void queuesWithToday() {
        jdbc.sql("TRUNCATE kpi_change_log").update();
        engine = new EngineLikeWrites(jdbc, tx);
        engine.queuesWithCurrentInterval("q-stall-", QUEUES, CLOCK.instant());
    }

    @Test
    void aScreenThatNeverReadsDelaysNoOtherAndIsEvicted() throws Exception {
        double loadBefore = loadAverage();
        try (SseClient healthy = SseClient.open("http://localhost:" + port + "/wallboard/stream", "X-API-Key",
                READ_KEY);
                Socket stalled = new Socket()) {
            assertThat(healthy.next(Duration.ofSeconds(30)).name()).isEqualTo("snapshot");
            stalled.setReceiveBufferSize(2048);
            stalled.connect(new InetSocketAddress("localhost", port));
            OutputStream request = stalled.getOutputStream();
            request.write(("GET /wallboard/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + "X-API-Key: " + READ_KEY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> broadcaster.openStreams() == 2);

            List<Long> deliveryMillis = new ArrayList<>();
            int evictedAfter = -1;
            for (int round = 1; round <= MAX_ROUNDS && (evictedAfter < 0 || round <= evictedAfter + 5); round++) {
                long committed = System.nanoTime();
                engine.everyQueueOffersOneMore("q-stall-");
                long offered = 10 + round;
                awaitEveryTile(healthy, offered);
                deliveryMillis.add((System.nanoTime() - committed) / 1_000_000);
                if (evictedAfter < 0 && broadcaster.openStreams() == 1) {
                    evictedAfter = round;
                }
            }

            assertThat(evictedAfter).as("the stalled screen is evicted").isPositive();
            assertThat(deliveryMillis).hasSize(evictedAfter + 5);
            List<Long> sorted = deliveryMillis.stream().sorted().toList();
            System.out.printf("StalledScreenTest: %d tiles; stalled screen evicted after %d change rounds; healthy "
                            + "screen got all %d rounds, commit→received median %d ms, max %d ms; load average "
                            + "%.2f before, %.2f after%n", QUEUES, evictedAfter, sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), loadBefore, loadAverage());
        }
    }

    private void awaitEveryTile(SseClient sse, long offered) throws Exception {
        java.util.Set<String> pending = new java.util.HashSet<>();
        for (int q = 0; q < QUEUES; q++) {
            pending.add("q-stall-" + q + "|voice");
        }
        while (!pending.isEmpty()) {
            SseClient.Event e = sse.next(Duration.ofSeconds(30));
            for (JsonNode t : json.readTree(e.data()).path("tiles")) {
                if (t.path("current").path("offered").asLong() >= offered) {
                    pending.remove(t.path("key").asString());
                }
            }
        }
    }

    private static double loadAverage() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
