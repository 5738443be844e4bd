package io.streamvane.egress.wfm;

import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.testsupport.TestDatabases;
import io.streamvane.testsupport.webhook.WebhookReceiver;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

/** A fresh metrics store with two named queues and a signing webhook receiver, for delivery-engine tests. */
abstract class StoreAndReceiverTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    StoreFixture store;
    WebhookReceiver receiver;

    @BeforeEach
    void setUpStoreAndReceiver() throws Exception {
        store = new StoreFixture(TestDatabases.freshMigrated().dataSource());
        receiver = new WebhookReceiver(SECRET);
        store.queue("q1", "Sales EN");
        store.queue("q3", "Billing");
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }
}
