package io.streamvane.egress.powerbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.testsupport.MutableClock;
import io.streamvane.testsupport.TestDatabases;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a local Power BI stand-in that enforces 10,000 rows per POST and 120 POSTs per minute (429 beyond). The sink,
 * the engine and the stand-in share one clock that stands still unless a test moves it, so how long 120 POSTs take on
 * this machine cannot move them into another minute.
 */
class PowerBiSinkTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));
    HttpServer server;
    final List<Integer> postedRowCounts = new CopyOnWriteArrayList<>();
    final List<Long> postTimes = new CopyOnWriteArrayList<>();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger oversized = new AtomicInteger();
    volatile boolean created;
    StoreFixture store;

    @BeforeEach
    void setUp() throws Exception {
        store = new StoreFixture(TestDatabases.freshMigrated().dataSource());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/token", ex -> respond(ex, 200, "{\"access_token\":\"t\",\"expires_in\":3600}"));
        server.createContext("/v1.0/myorg/groups/g1/datasets", ex -> {
            String path = ex.getRequestURI().getPath();
            if (!"Bearer t".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                respond(ex, 401, "");
            } else if (path.endsWith("/rows")) {
                long now = clock.millis();
                if (postTimes.stream().filter(t -> t > now - 60_000).count() >= 120) {
                    throttled.incrementAndGet();
                    ex.getResponseHeaders().add("Retry-After", "30");
                    respond(ex, 429, "");
                    return;
                }
                postTimes.add(now);
                int rows = JsonMapper.builder().build().readTree(ex.getRequestBody().readAllBytes()).get("rows").size();
                if (rows > 10_000) {
                    oversized.incrementAndGet();
                    respond(ex, 400, "");
                    return;
                }
                postedRowCounts.add(rows);
                respond(ex, 200, "");
            } else if ("POST".equals(ex.getRequestMethod())) {
                created = true;
                respond(ex, 201, "{\"id\":\"ds1\",\"name\":\"Streamvane\"}");
            } else {
                respond(ex, 200, created ? "{\"value\":[{\"id\":\"ds1\",\"name\":\"Streamvane\"}]}" : "{\"value\":[]}");
            }
        });
        server.start();
    }

    static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    DeliveryEngine engine(int rowsPerPost) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        PowerBiProperties props = new PowerBiProperties(true, "powerbi", URI.create(base + "/v1.0/myorg"), "g1",
                "Streamvane", "QueueInterval", URI.create(base + "/token"), "id", "secret", "scope",
                Granularity.PT15M, false, rowsPerPost, 120);
        DeliveryProperties p = new DeliveryProperties(true, Duration.ofMillis(50), false, 5000, 100,
                Duration.ofMillis(100), Duration.ofSeconds(1), DeliveryProperties.StartFrom.BEGINNING);
        return new DeliveryEngine(store.dataSource(), List.of(new PowerBiSink(props, HttpClient.newHttpClient(),
                clock)), p, StoreFixture.intervals(), new SimpleMeterRegistry(), clock);
    }

    void seed(int rows) throws Exception {
        store.exec("INSERT INTO queue_interval (queue_id, media_type, interval_start, interval_end, offered, revision) "
                + "SELECT 'q' || (i % 50), 'voice', timestamptz '2025-01-01Z' + (i / 50) * interval '15 minutes', "
                + "timestamptz '2025-01-01Z' + (i / 50 + 1) * interval '15 minutes', 1, 1 FROM generate_series(0, ? - 1) i",
                rows);
        store.exec("INSERT INTO kpi_change_log (row_kind, queue_id, media_type, interval_start, revision, is_final) "
                + "SELECT 'queue', queue_id, media_type, interval_start, revision, is_final FROM queue_interval "
                + "ORDER BY interval_start, queue_id");
    }

    @Test
    void createsTheDatasetAndPostsAtMostTenThousandRowsPerRequest() throws Exception {
        seed(25_000);
        engine(10_000).runOnce();
        assertThat(created).isTrue();
        assertThat(postedRowCounts).containsExactly(10_000, 10_000, 5_000);
        assertThat(oversized.get()).isZero();
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE status = 'delivered'")).isEqualTo(25_000);
    }

    @Test
    void staysWithinOneHundredTwentyPostsPerMinuteAndKeepsTheRestForLater() throws Exception {
        seed(130);
        DeliveryEngine e = engine(1);
        for (int i = 0; i < 3; i++) {
            e.runOnce();
        }
        assertThat(postedRowCounts).hasSize(120);
        assertThat(throttled.get()).isZero();
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE status = 'pending'")).isEqualTo(10);
        // The probe that met the local limit waits for the window (a minute after the first POST); the others were
        // not tried and wait behind the sink's pause.
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE status = 'pending' AND attempts = 1 "
                + "AND next_attempt_at - updated_at >= interval '60 seconds'")).isEqualTo(1);
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE status = 'pending' AND attempts = 0"))
                .isEqualTo(9);
    }
}
