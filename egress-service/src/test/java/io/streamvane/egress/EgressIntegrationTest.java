package io.streamvane.egress;

import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.kpi.ServiceLevelLayers;
import io.streamvane.model.store.KpiSettingsStore;
import io.streamvane.platform.security.ApiKeyStore;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Timestamp;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The egress service on a random port over a fresh, migrated PostgreSQL, with one key per scope. Subclasses share
 * one context (and database); every test starts from empty tables and fills them the way the engine would.
 */
@SpringBootTest(classes = EgressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EgressIntegrationTest.ServiceClock.class)
public abstract class EgressIntegrationTest {

    /**
     * The service's clock: it starts in the middle of the current 15-minute interval and then runs, so no test run
     * crosses an interval or a UTC day boundary between writing "the current interval" and the service reading it.
     */
    public static final Clock CLOCK = midInterval(Clock.systemUTC());

    static Clock midInterval(Clock wall) {
        Instant now = wall.instant();
        Instant middle = Interval.of(now, Granularity.DEFAULT_BASE).start().plus(Duration.ofMinutes(7).plusSeconds(30));
        return Clock.offset(wall, Duration.between(now, middle));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ServiceClock {
        @Bean
        @Primary
        Clock serviceClock() {
            return CLOCK;
        }
    }

    public static final String READ_KEY = "read-key-0123456789-7c41e9a2b5d80f36";
    public static final String INGEST_KEY = "ingest-key-0123456789-7c41e9a2b5d80f36";
    public static final String ADMIN_KEY = "admin-key-0123456789-7c41e9a2b5d80f36";
    /** Its wallboard alerts on service level under 95% (warning) and 90% (critical). */
    public static final String STRICT_QUEUE = "q-vip";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.fresh().springProperties().forEach((k, v) -> registry.add(k, () -> v));
        // Tests in this one context send wrong keys on purpose, all from loopback: throttling has its own test.
        registry.add("streamvane.security.failed-authentication.max-failures", () -> "1000000");
        registry.add("streamvane.security.api-keys[0].name", () -> "reader");
        registry.add("streamvane.security.api-keys[0].key-hash", () -> ApiKeyStore.hash(READ_KEY));
        registry.add("streamvane.security.api-keys[0].scopes", () -> "read");
        registry.add("streamvane.security.api-keys[1].name", () -> "ingester");
        registry.add("streamvane.security.api-keys[1].key", () -> INGEST_KEY);
        registry.add("streamvane.security.api-keys[1].scopes", () -> "ingest");
        registry.add("streamvane.security.api-keys[2].name", () -> "operator");
        registry.add("streamvane.security.api-keys[2].key-hash", () -> ApiKeyStore.hash(ADMIN_KEY));
        registry.add("streamvane.security.api-keys[2].scopes", () -> "admin");
        registry.add("streamvane.egress.odata.max-page-size", () -> "50");
        // One queue held to stricter service-level alerts than the defaults (warning below 80%, critical below 60%).
        registry.add("streamvane.kpi.thresholds.queues." + STRICT_QUEUE + ".service-level.warning", () -> "0.95");
        registry.add("streamvane.kpi.thresholds.queues." + STRICT_QUEUE + ".service-level.critical", () -> "0.9");
    }

    @Autowired
    protected JdbcClient jdbc;

    @Value("${local.server.port}")
    protected int port;

    protected RestClient http;

    @BeforeEach
    void emptyStoreAndClient() {
        jdbc.sql("""
                TRUNCATE queue_interval, queue_interval_api, gap_fill_chunk, ingest_gap, agent_interval, agent_queue_interval,
                         acd_session, agent_state,
                         agent_segment, queue, queue_media_sl, app_user, watermark, wallboard_stream_token""").update();
        publish(KpiSettings.DEFAULTS.serviceLevel());
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** Publishes these service-level layers as a service's start-up would: every surface reads them from the store. */
    protected void publish(ServiceLevelLayers layers) {
        jdbc.sql("SELECT 1").query((rs, i) -> {
            KpiSettingsStore.publish(rs.getStatement().getConnection(), KpiSettings.DEFAULTS.withServiceLevel(layers),
                    KpiSettingsStore.Role.OWNER, "test");
            return 1;
        }).single();
    }

    protected RestClient.RequestHeadersSpec<?> get(String uri, String apiKey) {
        return http.get().uri(uri).header("X-API-Key", apiKey);
    }

    /**
     * The metrics store's clock: realtime views measure waits against it ({@code now()}), so contacts that have
     * waited "65 s" are written 65 s before it, whatever the service's clock or the JVM's says.
     */
    protected Instant storeNow() {
        return jdbc.sql("SELECT now()").query(Timestamp.class).single().toInstant();
    }

    protected static Timestamp ts(String iso) {
        return Timestamp.from(Instant.parse(iso));
    }

    /** A base bucket row as the engine upserts it. */
    protected void queueRow(String queueId, String media, String start, long offered, long answered,
            long answeredWithinSl, long abandoned, long shortAbandoned, long flowOuts, long answerWaitMs,
            long handled, long handleMs, int revision, boolean isFinal) {
        Instant s = Instant.parse(start);
        jdbc.sql("""
                        INSERT INTO queue_interval (queue_id, media_type, interval_start, interval_end, offered,
                            answered, answered_within_sl, abandoned, short_abandoned, flow_outs, answer_wait_ms,
                            abandon_wait_ms, handled, handle_ms, talk_ms, hold_ms, acw_ms, revision, is_final)
                        VALUES (:q, :m, :s, :e, :offered, :answered, :awsl, :abandoned, :short, :flow, :wait,
                                :abandonWait, :handled, :handleMs, :talk, :hold, :acw, :rev, :final)""")
                .param("q", queueId).param("m", media).param("s", Timestamp.from(s))
                .param("e", Timestamp.from(s.plusSeconds(900))).param("offered", offered)
                .param("answered", answered).param("awsl", answeredWithinSl).param("abandoned", abandoned)
                .param("short", shortAbandoned).param("flow", flowOuts).param("wait", answerWaitMs)
                .param("abandonWait", abandoned * 7000).param("handled", handled).param("handleMs", handleMs)
                .param("talk", handleMs * 7 / 10).param("hold", handleMs / 10).param("acw", handleMs / 5)
                .param("rev", revision).param("final", isFinal)
                .update();
    }
}
