package io.streamvane.egress.wfm;

import io.streamvane.testsupport.webhook.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two egress replicas on one store. The guarantee (docs/push-sinks.md, "Delivery guarantee"): a payload is sent
 * again only after an attempt whose outcome its sender could not confirm (a timeout, a cut connection, an error
 * answer) or a crash mid-send; two replicas never send it side by side. So every extra receipt of a payload id must
 * be paid for by a retry some replica recorded, and without retries there are no extra receipts at all.
 */
class TwoInstancesTest {

    @Test
    void twoEgressReplicasOnOneStoreSendAPayloadAgainOnlyAfterAFailedAttempt() throws Exception {
        TestDatabase db = TestDatabases.freshMigrated();
        StoreFixture store = new StoreFixture(db.dataSource());
        try (WebhookReceiver receiver = new WebhookReceiver(WfmFeedDeliveryTest.SECRET)) {
            receiver.answer = () -> {
                try {
                    Thread.sleep(5); // a receiver that takes a moment, so both replicas' sends overlap
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return WebhookReceiver.Answer.OK;
            };
            WfmProperties.Feed feed = new WfmProperties.Feed("wfm", receiver.url(), Granularity.PT15M, false,
                    WfmProperties.Format.JSON, List.of(), new WfmProperties.Csv(true, ","), 3,
                    WfmFeedDeliveryTest.SECRET, Map.of(), null, Duration.ofSeconds(30));
            DeliveryProperties p = new DeliveryProperties(true, Duration.ofMillis(20), true, 50, 100,
                    Duration.ofMillis(100), Duration.ofMillis(300), DeliveryProperties.StartFrom.BEGINNING);
            SimpleMeterRegistry metersA = new SimpleMeterRegistry();
            SimpleMeterRegistry metersB = new SimpleMeterRegistry();
            DeliveryEngine a = new DeliveryEngine(db.dataSource(),
                    List.of(new WfmFeedSink(feed, HttpClient.newHttpClient(), Clock.systemUTC())), p, StoreFixture.intervals(),
                    metersA, Clock.systemUTC());
            DeliveryEngine b = new DeliveryEngine(db.dataSource(),
                    List.of(new WfmFeedSink(feed, HttpClient.newHttpClient(), Clock.systemUTC())), p, StoreFixture.intervals(),
                    metersB, Clock.systemUTC());
            Instant t0 = Instant.parse("2025-03-04T00:00:00Z");
            for (int i = 0; i < 60; i++) {
                store.add("q" + (i % 3), "voice", t0.plusSeconds(900L * (i / 3)), 1, 1, 1, 1000, false);
            }
            a.start();
            b.start();
            try {
                for (int i = 0; i < 60; i++) { // more changes, restatements included, while both run
                    store.add("q" + (i % 4), "voice", t0.plusSeconds(900L * (i / 4)), 1, 1, 1, 1000, i % 2 == 0);
                }
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        store.count("SELECT count(*) FROM sink_delivery WHERE status IN ('pending', 'in_flight')") == 0
                                && store.count("SELECT count(*) FROM kpi_change_log WHERE id > "
                                        + "(SELECT last_change_id FROM sink_cursor WHERE sink_name = 'wfm')") == 0);
            } finally {
                a.stop();
                b.stop();
            }
            List<String> ids = receiver.accepted.stream()
                    .map(r -> WfmFeedDeliveryTest.JSON.readTree(r.body()).get("data"))
                    .flatMap(d -> d.isArray() ? d.valueStream() : java.util.stream.Stream.of(d))
                    .map(row -> row.get("id").asString()).toList();
            double retries = retries(metersA) + retries(metersB);
            long extraReceipts = ids.size() - new HashSet<>(ids).size();
            assertThat((double) extraReceipts).as("receipts beyond one per payload id (%s retries recorded)", retries)
                    .isLessThanOrEqualTo(retries);
            assertThat(new HashSet<>(ids)).hasSize((int) store.count(
                    "SELECT count(*) FROM sink_delivery WHERE status = 'delivered'"));
            assertThat(receiver.badSignatures.get()).isZero();
        }
    }

    /** Deliveries a replica has sent again after a failed attempt (the sink's retry counter). */
    private static double retries(SimpleMeterRegistry meters) {
        return meters.find("streamvane.sink.delivery.failures").tag("kind", "retry").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
