package io.streamvane.ingress.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.IngestionResult.Ingested;
import io.streamvane.ingress.pipeline.Transport;
import io.streamvane.testsupport.MutableClock;
import io.streamvane.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

class GenesysWebsocketIngressTest {

    private static final String DATA = "{\"topicName\":\"v2.analytics.queues.q-1.observations\",\"version\":\"2\","
            + "\"eventBody\":{\"group\":{\"queueId\":\"q-1\"}},\"metadata\":{\"CorrelationId\":\"c-1\"}}";

    private final FakeGenesys genesys = new FakeGenesys();
    // One migrated database for the class: migrating one per test costs seconds each.
    private static final JdbcClient DB = JdbcClient.create(TestDatabases.freshMigrated().dataSource());
    private final JdbcClient jdbc = DB;
    private final List<String> ingested = new CopyOnWriteArrayList<>();
    private final EventIngestion pipeline = (body, transport) -> {
        assertThat(transport).isEqualTo(Transport.WEBSOCKET);
        ingested.add(new String(body, StandardCharsets.UTF_8));
        return new Ingested(1, 0, List.of(), 0, 0);
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private GenesysWebsocketIngress ingress;

    GenesysWebsocketIngressTest() throws Exception {
        jdbc.sql("DELETE FROM ingest_gap").update();
    }

    @AfterEach
    void stop() throws Exception {
        if (ingress != null) {
            ingress.stop();
        }
        genesys.close();
    }

    @Test
    void dataMessagesReachThePipelineAndControlFramesDoNot() {
        start(List.of("q-1"), List.of("u-1"));
        var connection = awaitConnections(1).get(0);

        connection.heartbeat();
        connection.send("{\"result\":\"200\",\"status\":\"subscribed\"}");
        connection.send(DATA);

        await().until(() -> ingested.size() == 1);
        assertThat(ingested).containsExactly(DATA);
        assertThat(genesys.subscriptionBodies).containsExactly(
                "[{\"id\":\"v2.analytics.queues.q-1.observations\"},{\"id\":\"v2.users.u-1.activity\"}]");
    }

    @Test
    void oneCachedClientCredentialsTokenAuthorisesEveryApiCall() {
        start(IntStream.range(0, 1500).mapToObj(i -> "q-" + i).toList(), List.of());
        awaitConnections(2);

        assertThat(genesys.tokenRequests).hasValue(1);
        assertThat(genesys.authorizations).contains("token:Basic Y2xpZW50OnNlY3JldA==")
                .filteredOn(a -> a.startsWith("api:")).allMatch(a -> a.equals("api:Bearer tok-1"));
    }

    @Test
    void topicsAreSpreadOverChannelsOfAtMostAThousand() {
        start(IntStream.range(0, 1500).mapToObj(i -> "q-" + i).toList(),
                IntStream.range(0, 600).mapToObj(i -> "u-" + i).toList());

        awaitConnections(3);
        assertThat(genesys.channels).hasSize(3);
        assertThat(genesys.subscriptionBodies).extracting(b -> b.split("\"id\"").length - 1)
                .containsExactlyInAnyOrder(1000, 1000, 100);
    }

    // The session judges silence by its Clock; these tests move that clock by hand, 10 x 400 ms = 4 s against the
    // 600 ms silence timeout, and wait for each pong or heartbeat to be seen, so a slow machine cannot fake silence.

    @Test
    void pingsAreSentAndPongsKeepAQuietSocketAlive() {
        // Anchored at the wall clock only because FakeGenesys stamps channel expiry with it; from here the test moves it.
        MutableClock clock = new MutableClock(Instant.now());
        start(List.of("q-1"), List.of(), clock);
        var connection = awaitConnections(1).get(0);

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(400));
            double pongs = frames("pong");
            // Frames are handled one at a time, so the second pong counted from here was stamped at the new time.
            await().atMost(Duration.ofSeconds(30)).until(() -> frames("pong") >= pongs + 2);
        }

        assertThat(connection.received).filteredOn(ChannelSession.PING::equals).hasSizeGreaterThanOrEqualTo(10);
        assertThat(genesys.connections).hasSize(1);
        assertThat(gaps()).isEmpty();
    }

    @Test
    void heartbeatsAloneAlsoKeepTheSocketAlive() {
        genesys.answerPings = false;
        MutableClock clock = new MutableClock(Instant.now());
        start(List.of("q-1"), List.of(), clock);
        var connection = awaitConnections(1).get(0);

        for (int i = 0; i < 10; i++) {
            double heartbeats = frames("heartbeat");
            connection.heartbeat();
            await().atMost(Duration.ofSeconds(30)).until(() -> frames("heartbeat") > heartbeats);
            clock.advance(Duration.ofMillis(400));
            // The supervisor pings only a socket it still counts as alive: one more ping is its verdict at this time.
            long pings = pings(connection);
            await().atMost(Duration.ofSeconds(30)).until(() -> pings(connection) > pings);
        }

        assertThat(genesys.connections).hasSize(1);
        assertThat(gaps()).isEmpty();
    }

    @Test
    void aSilentSocketIsDeclaredDeadReconnectedAndItsSilenceRecordedAsAGap() {
        genesys.answerPings = false;
        Instant before = Instant.now();
        start(List.of("q-1"), List.of());
        awaitConnections(1);

        awaitConnections(2);
        await().until(() -> !gaps().isEmpty());
        var gap = gaps().get(0);
        assertThat(gap.start()).isAfterOrEqualTo(before.minusMillis(5)).isBefore(gap.end());
    }

    @Test
    void socketClosingMakesTheClientReconnectToItsChannel() {
        start(List.of("q-1"), List.of());
        var first = awaitConnections(1).get(0);
        Instant closingAt = Instant.now();

        first.socketClosing();

        var second = awaitConnections(2).get(1);
        assertThat(second.channelId).isEqualTo(first.channelId);
        await().until(() -> !gaps().isEmpty());
        assertThat(gaps().get(0).start()).isAfterOrEqualTo(closingAt.minusMillis(5));
        second.send(DATA);
        await().until(() -> ingested.size() == 1);
        assertThat(ingested).doesNotContain("{\"topicName\":\"v2.system.socket_closing\","
                + "\"eventBody\":{\"message\":\"maintenance\"}}");
    }

    @Test
    void aDroppedConnectionIsReconnectedAndTheOutageRecordedWithItsBounds() {
        // The session's clock stands still except where the test moves it, so the gap's bounds are known whatever
        // the machine's speed.
        Instant connected = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MutableClock clock = new MutableClock(connected);
        start(List.of("q-1"), List.of("u-1"), clock);
        var first = awaitConnections(1).get(0);
        genesys.refuseSockets = true;
        Instant dropped = connected.plusMillis(200);
        clock.set(dropped);
        int channelsBefore = genesys.channels.size();

        first.drop();
        // The client may see the close at once or, when it is not reading at that moment, only by the silence
        // timeout (600 ms): past it, either way finds the loss. A pong that raced the drop and is handled after the
        // clock moved counts as a frame at that time, so the clock moves on, a silence timeout per poll, until the
        // loss is seen and retried: after a refused socket on the same channel the session opens a new channel.
        clock.set(dropped.plusMillis(601));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (genesys.channels.size() > channelsBefore) {
                return true;
            }
            clock.advance(Duration.ofMillis(601));
            return false;
        });
        Instant silent = clock.instant();
        Instant allowed = silent.plusSeconds(5);
        clock.set(allowed);
        genesys.refuseSockets = false;

        awaitConnections(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> !gaps().isEmpty());
        var gap = gaps().get(0);
        // Receiving stopped at the last frame seen (at most the drop) or when the close was seen (at most `silent`).
        assertThat(gap.start()).isBetween(connected, silent);
        assertThat(gap.end()).isEqualTo(allowed);
        assertThat(gap.topics()).containsExactly("v2.analytics.queues.q-1.observations", "v2.users.u-1.activity");
        assertThat(gap.source()).isEqualTo("websocket");
    }

    @Test
    void channelsAreRotatedBeforeExpiryWithOverlapAndWithoutAGap() {
        genesys.channelLifetime = Duration.ofMillis(1_500);
        start(List.of("q-1"), List.of());
        var first = awaitConnections(1).get(0);

        var second = awaitConnections(2).get(1);

        assertThat(second.channelId).isNotEqualTo(first.channelId);
        await().until(() -> first.closedByClient);
        assertThat(genesys.subscriptionBodies).hasSizeGreaterThanOrEqualTo(2);
        second.send(DATA);
        await().until(() -> ingested.size() == 1);
        assertThat(gaps()).isEmpty();
    }

    private void start(List<String> queues, List<String> users) {
        start(queues, users, Clock.systemUTC());
    }

    private void start(List<String> queues, List<String> users, Clock clock) {
        var settings = new GenesysWebsocketProperties(true, "local", genesys.apiBase(), genesys.apiBase(), "client",
                "secret", queues, users, false, 1000, Duration.ofMillis(100), Duration.ofMillis(600),
                Duration.ofMillis(1_000), Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(5));
        var tokens = new ClientCredentialsTokens(RestClient.builder(), settings.loginBaseUri(), "client", "secret",
                settings.tokenRenewBefore(), Clock.systemUTC());
        var api = new NotificationsClient(RestClient.builder(), settings.apiBaseUri(), tokens);
        ingress = new GenesysWebsocketIngress(new TopicSource(settings, jdbc), api, pipeline, new GapRecorder(jdbc),
                settings, clock, meters);
        ingress.start();
    }

    private List<FakeGenesys.Connection> awaitConnections(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> genesys.connections.size() >= n);
        return genesys.connections;
    }

    /** Frames of one kind the session has handled (counted after it stamped the socket alive). */
    private double frames(String kind) {
        var counter = meters.find(ChannelSession.FRAMES).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long pings(FakeGenesys.Connection connection) {
        return connection.received.stream().filter(ChannelSession.PING::equals).count();
    }

    private List<Gap> gaps() {
        return jdbc.sql("SELECT source, gap_start, gap_end, topics FROM ingest_gap ORDER BY id")
                .query((rs, i) -> new Gap(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), List.of((String[]) rs.getArray(4).getArray())))
                .list();
    }

    record Gap(String source, Instant start, Instant end, List<String> topics) {
    }
}
