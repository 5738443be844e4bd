package io.streamvane.egress.wfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.delivery.DeliveryStore;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.testsupport.webhook.WebhookReceiver;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A feed URL's query (an Azure Functions {@code ?code=} key and the like) is a credential: it must reach neither a
 * log line, at any level, nor {@code sink_delivery.last_error}, which the admin API shows.
 */
class FeedUrlSecretsTest extends StoreAndReceiverTest {

    /** The function key in the feed URL that must never reach a log line or a stored error. */
    static final String KEY = "s3cr3t-7c41e9a2b5d80f36012345678";

    DeliveryEngine engine;
    HttpServer tokenEndpoint;
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger egressLogger = (Logger) LoggerFactory.getLogger("io.streamvane.egress");
    Level levelBefore;

    @BeforeEach
    void setUp() throws Exception {
        store.add("q1", "voice", T0, 10, 8, 6, 120_000, false);
        levelBefore = egressLogger.getLevel();
        egressLogger.setLevel(Level.TRACE);
        logs.start();
        egressLogger.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.stop();
        }
        if (tokenEndpoint != null) {
            tokenEndpoint.stop(0);
        }
        egressLogger.detachAppender(logs);
        egressLogger.setLevel(levelBefore);
    }

    @Test
    void aFeedUrlSecretIsInNoLogLineAndNoStoredErrorWhenTheReceiverAnswers503() throws Exception {
        receiver.answer = () -> new WebhookReceiver.Answer(503, null);
        URI url = URI.create(receiver.url() + "?code=" + KEY);

        deliverUntilDeadLettered(feed(url, null));

        assertThat(lastErrors()).isNotEmpty().allSatisfy(e -> assertThat(e)
                .startsWith("HTTP 503 from " + receiver.url()).doesNotContain(KEY));
        assertThat(engine.store().deadLetters("wfm", 10)).extracting(DeliveryStore.DeadLetter::lastError)
                .singleElement().asString().doesNotContain(KEY);
        assertThat(logLines()).anyMatch(l -> l.contains("failing (HTTP 503 from " + receiver.url()))
                .anyMatch(l -> l.contains("gave up on"))
                .noneMatch(l -> l.contains(KEY));
    }

    @Test
    void aTokenEndpointSecretIsInNoLogLineAndNoStoredErrorWhenTheEndpointFails() throws Exception {
        tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        tokenEndpoint.createContext("/token", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        tokenEndpoint.start();
        URI tokenUri = URI.create("http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token?code=" + KEY);
        URI url = URI.create(receiver.url() + "?code=" + KEY);

        deliverUntilDeadLettered(feed(url, new WfmProperties.OAuth2(tokenUri, "client", "client-secret", null)));

        assertThat(lastErrors()).isNotEmpty().allSatisfy(e -> assertThat(e)
                .contains("token endpoint http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token")
                .doesNotContain(KEY));
        assertThat(logLines()).anyMatch(l -> l.contains("token endpoint")).noneMatch(l -> l.contains(KEY));
    }

    private WfmProperties.Feed feed(URI url, WfmProperties.OAuth2 oauth2) {
        return new WfmProperties.Feed("wfm", url, Granularity.PT15M, false, WfmProperties.Format.JSON, List.of(),
                new WfmProperties.Csv(true, ","), 1, StoreAndReceiverTest.SECRET, Map.of(), oauth2, Duration.ofSeconds(5), false);
    }

    /** Two attempts: the first is retried (INFO "failing", last_error kept), the second dead-letters (WARN). */
    private void deliverUntilDeadLettered(WfmProperties.Feed feed) throws Exception {
        DeliveryProperties p = new DeliveryProperties(true, Duration.ofMillis(50), false, 500, 2,
                Duration.ofMillis(100), Duration.ofMillis(200), DeliveryProperties.StartFrom.BEGINNING);
        engine = new DeliveryEngine(store.dataSource(), List.of(new WfmFeedSink(feed, HttpClient.newHttpClient(),
                Clock.systemUTC())), p, StoreFixture.intervals(), new SimpleMeterRegistry(), Clock.systemUTC());
        engine.start();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                store.count("SELECT count(*) FROM sink_delivery WHERE status = 'dead_lettered'") == 1);
    }

    private List<String> lastErrors() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_error FROM sink_delivery WHERE last_error IS NOT NULL")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every captured event as text: the formatted message, then each throwable's class and message in the chain. */
    private List<String> logLines() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            StringBuilder b = new StringBuilder(e.getLevel() + " " + e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                b.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            out.add(b.toString());
        }
        return out;
    }
}
