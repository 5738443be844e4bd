package io.streamvane.egress;

import static org.awaitility.Awaitility.await;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.kpi.ServiceLevelLayers;
import io.streamvane.model.store.KpiSettingsStore;
import io.streamvane.testsupport.TestBroker;
import io.streamvane.testsupport.TestBrokers;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import io.streamvane.testsupport.webhook.WebhookReceiver;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The egress application as it runs, started with {@link SpringApplicationBuilder} on its own fresh store, every
 * surface reachable from a test: the REST API and its OpenAPI document, the OData feed, the reporting views, two WFM
 * feeds (one at the base granularity, one at PT1H) posting to a local Standard Webhooks receiver, the RabbitMQ sink
 * (base granularity) publishing into a fresh vhost whose queue the test drains, and the wallboard stream. One per base
 * granularity, started on first use (a start takes seconds) and kept until {@link #closeAll()}.
 */
final class RunningEgress {

    static final String READ_KEY = "surfaces-read-key-0123456789-7c41e9a2b5d80f36";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String BASE_FEED = "wfm-base";
    static final String HOURLY_FEED = "wfm-hourly";
    static final Granularity HOURLY = Granularity.PT1H;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String EXCHANGE = "streamvane.kpi";
    private static final String RABBIT_QUEUE = "surfaces";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Map<Granularity, RunningEgress> RUNNING = new EnumMap<>(Granularity.class);
    /** One vhost for every application of the JVM (creating one takes seconds); tests tell rows apart by queue. */
    private static TestBroker broker;

    final Granularity base;
    private final DataSource store;
    private final WebhookReceiver receiver;
    private final CachingConnectionFactory rabbit;
    private final RabbitTemplate rabbitTemplate;
    private final ConfigurableApplicationContext context;
    private final String root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The running application whose store keeps {@code base} buckets, started if it is not yet. */
    static synchronized RunningEgress at(Granularity base) {
        return RUNNING.computeIfAbsent(base, RunningEgress::new);
    }

    static synchronized void closeAll() {
        RUNNING.values().forEach(RunningEgress::close);
        RUNNING.clear();
    }

    private RunningEgress(Granularity base) {
        this.base = base;
        TestDatabase db = TestDatabases.freshMigrated();
        this.store = db.dataSource();
        if (broker == null) {
            broker = TestBrokers.fresh();
        }
        try {
            this.receiver = new WebhookReceiver(SECRET);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        this.rabbit = new CachingConnectionFactory(URI.create(broker.amqpUri()));
        RabbitAdmin admin = new RabbitAdmin(rabbit);
        TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
        admin.declareExchange(exchange);
        Queue queue = new Queue(RABBIT_QUEUE, true);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("kpi.queue.#"));
        this.rabbitTemplate = new RabbitTemplate(rabbit);

        Map<String, Object> p = new LinkedHashMap<>(db.springProperties());
        p.put("server.port", "0");
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", "WARN");
        p.put("streamvane.kpi.base-granularity", base.name());
        p.put("streamvane.security.api-keys[0].name", "reader");
        p.put("streamvane.security.api-keys[0].key", READ_KEY);
        p.put("streamvane.security.api-keys[0].scopes[0]", "read");
        p.put("streamvane.egress.delivery.poll-interval", "200ms");
        p.put("streamvane.egress.delivery.retention.enabled", "false");
        feed(p, 0, BASE_FEED, base);
        feed(p, 1, HOURLY_FEED, HOURLY);
        p.put("streamvane.egress.rabbit.enabled", "true");
        p.put("streamvane.egress.rabbit.uri", broker.amqpUri());
        p.put("streamvane.egress.rabbit.exchange", EXCHANGE);
        p.put("streamvane.egress.rabbit.granularity", base.name());
        p.put("streamvane.egress.rabbit.final-only", "false");
        this.context = new SpringApplicationBuilder(EgressApplication.class).properties(p).run();
        this.root = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private void feed(Map<String, Object> p, int i, String name, Granularity granularity) {
        String f = "streamvane.egress.wfm.feeds[" + i + "].";
        p.put(f + "name", name);
        p.put(f + "url", receiver.url().toString());
        p.put(f + "granularity", granularity.name());
        p.put(f + "final-only", "false");
        p.put(f + "zero-fill", "false");
        p.put(f + "format", "JSON");
        p.put(f + "batch-size", "1");
        p.put(f + "signing-secret", SECRET);
    }

    private void close() {
        context.close();
        receiver.close();
        rabbit.destroy();
    }

    String root() {
        return root;
    }

    @FunctionalInterface
    interface Work {
        void apply(Connection c) throws Exception;
    }

    /**
     * {@code work} in one transaction on the store, as the engine writes; returns once committed. A reset truncates
     * tables one by one under the running application, whose reads may hold one of them while waiting for another:
     * PostgreSQL then aborts one side as a deadlock (40P01), and the work, rolled back whole, is run again.
     */
    void write(Work work) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = store.getConnection()) {
                c.setAutoCommit(false);
                try {
                    work.apply(c);
                    c.commit();
                    return;
                } catch (Exception | Error e) {
                    c.rollback();
                    if (attempt >= 5 || !(e instanceof java.sql.SQLException sql && "40P01".equals(sql.getSQLState()))) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Empties the interval rows, their dimensions, the watermarks and the sinks' change log and outbox (the sinks'
     * cursors stay: change-log ids keep growing), and publishes {@code layers} as the engine, the settings' owner,
     * would, with this application's base granularity. In the caller's transaction.
     */
    void reset(Connection c, ServiceLevelLayers layers) throws Exception {
        exec(c, "TRUNCATE queue_interval, queue_interval_api, gap_fill_chunk, ingest_gap, queue, queue_media_sl, "
                + "watermark, kpi_change_log, sink_delivery");
        KpiSettingsStore.publish(c, KpiSettings.DEFAULTS.withBaseGranularity(base).withServiceLevel(layers),
                KpiSettingsStore.Role.OWNER, "test");
    }

    /** A stored base row as the engine upserts it, at {@code start} of this application's base granularity. */
    void storeRow(Connection c, String queue, String media, Instant start, IntervalComponents k, int revision,
            boolean isFinal) throws Exception {
        exec(c, """
                INSERT INTO queue_interval (queue_id, media_type, interval_start, interval_end, offered, answered,
                    answered_within_sl, abandoned, short_abandoned, flow_outs, answer_wait_ms, abandon_wait_ms, handled,
                    handle_ms, talk_ms, hold_ms, acw_ms, revision, is_final)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                queue, media, Timestamp.from(start), Timestamp.from(start.plus(base.duration())), k.offered(),
                k.answered(), k.answeredWithinSl(), k.abandoned(), k.shortAbandoned(), k.flowOuts(), k.answerWaitMs(),
                k.abandonWaitMs(), k.handled(), k.handleMs(), k.talkMs(), k.holdMs(), k.acwMs(), revision, isFinal);
    }

    /** The change-log row of a stored row: what the sinks take over. The engine writes it last in its transaction. */
    void logChange(Connection c, String queue, String media, Instant start, int revision, boolean isFinal)
            throws Exception {
        exec(c, "INSERT INTO kpi_change_log (row_kind, queue_id, media_type, interval_start, revision, is_final) "
                + "VALUES ('queue', ?, ?, ?, ?, ?)", queue, media, Timestamp.from(start), revision, isFinal);
    }

    static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    /** Forgets what the receivers got so far. */
    void forgetReceived() {
        receiver.accepted.clear();
        rabbitTemplate.execute(channel -> channel.queuePurge(RABBIT_QUEUE));
    }

    /** GET with the read key, answered 200 with JSON. */
    JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                .header("X-API-Key", READ_KEY).header("Accept", "application/json").timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The rows of a query on the store, column label to value. */
    List<Map<String, Object>> sql(String sql, Object... params) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /**
     * The rows the WFM feed {@code feed} posted (its JSON envelope's {@code data}, one row per request) that
     * {@code wanted} accepts, once there are {@code expected} of them.
     */
    List<JsonNode> wfmRows(String feed, Predicate<JsonNode> wanted, int expected) {
        String granularity = (feed.equals(HOURLY_FEED) ? HOURLY : base).name();
        // Awaited, not slept for: return as soon as they are there, or what came within the bound for the assertion.
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> wfmRowsNow(granularity, wanted).size() >= expected);
        } catch (ConditionTimeoutException e) {
            // fall through: the caller's assertion names what is missing
        }
        if (receiver.badSignatures.get() > 0) {
            throw new AssertionError(receiver.badSignatures.get() + " WFM requests with a bad signature");
        }
        return wfmRowsNow(granularity, wanted);
    }

    private List<JsonNode> wfmRowsNow(String granularity, Predicate<JsonNode> wanted) {
        List<JsonNode> rows = new ArrayList<>();
        for (WebhookReceiver.Received r : receiver.accepted) {
            JsonNode data = JSON.readTree(r.body()).get("data");
            if (granularity.equals(data.path("granularity").asString()) && wanted.test(data)) {
                rows.add(data);
            }
        }
        return rows;
    }

    /** The bodies the RabbitMQ sink published that {@code wanted} accepts, once there are {@code expected}. */
    List<JsonNode> rabbitRows(Predicate<JsonNode> wanted, int expected) {
        List<JsonNode> rows = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (rows.size() < expected && System.nanoTime() < deadline) {
            Message m = rabbitTemplate.receive(RABBIT_QUEUE, 200);
            if (m != null) {
                JsonNode body = JSON.readTree(new String(m.getBody(), StandardCharsets.UTF_8));
                if (wanted.test(body)) {
                    rows.add(body);
                }
            }
        }
        return rows;
    }

    /**
     * The wallboard's full snapshot, as a screen opening the stream receives it first, computed no earlier than
     * {@code notBefore} (the broadcaster may hand a new screen a snapshot up to a second old).
     */
    JsonNode wallboardSnapshot(Instant notBefore) {
        AtomicReference<JsonNode> latest = new AtomicReference<>();
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode snapshot = CompletableFuture.supplyAsync(this::firstSnapshot)
                        .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                latest.set(snapshot);
                return !Instant.parse(snapshot.get("asOf").asString()).isBefore(notBefore);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no wallboard snapshot computed after " + notBefore + ": " + latest.get(), e);
        }
        return latest.get();
    }

    /** The application's clock: the one its wallboard and readers judge "now" and "today" by. */
    Instant now() {
        return context.getBean(Clock.class).instant();
    }

    private JsonNode firstSnapshot() {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(root + "/wallboard/stream"))
                    .header("Accept", "text/event-stream").header("X-API-Key", READ_KEY).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = r.body(); BufferedReader in = new BufferedReader(
                    new InputStreamReader(body, StandardCharsets.UTF_8))) {
                if (r.statusCode() != 200) {
                    throw new AssertionError("wallboard stream answered " + r.statusCode());
                }
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if ("snapshot".equals(event) && !data.isEmpty()) {
                            return JSON.readTree(data.toString());
                        }
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                    }
                }
                throw new AssertionError("wallboard stream ended before a snapshot");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
