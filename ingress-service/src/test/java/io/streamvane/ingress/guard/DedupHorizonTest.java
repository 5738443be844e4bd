package io.streamvane.ingress.guard;

import static io.streamvane.ingress.TestEvents.acdStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.pipeline.IngestionPipeline;
import io.streamvane.ingress.pipeline.IngestionResult;
import io.streamvane.ingress.pipeline.Transport;
import io.streamvane.model.event.EventParser;
import io.streamvane.testsupport.MutableClock;
import io.streamvane.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §1.3: an event older than the dedup horizon (raw-retention, 35 days) is refused, counted, never projected,
 * because once its day's partition is dropped a redelivery would count it again.
 */
class DedupHorizonTest {

    private static final Duration RETENTION = Duration.ofDays(35);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DataSource dataSource;
    private StoreRows rows;
    private IngestionPipeline pipeline;
    private RawPartitionMaintenance partitions;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = TestDatabases.freshMigrated().dataSource();
        rows = new StoreRows(dataSource);
        DedupHorizon horizon = new DedupHorizon(RETENTION);
        pipeline = new IngestionPipeline(new EventParser(), new RawEventStore(dataSource,
                new WatermarkTracker(Duration.ofMinutes(5), Duration.ofMinutes(2), clock)), horizon, meters, clock);
        partitions = new RawPartitionMaintenance(dataSource, horizon, Duration.ofDays(2), clock);
        partitions.runOnce();
    }

    @Test
    void aRedeliveryAfterItsPartitionWasDroppedIsRefusedNotCountedAgain() throws Exception {
        String event = acdStart("c-old", Instant.parse("2026-10-16T09:00:00Z").toEpochMilli()); // the oldest kept day
        assertThat(ingest(event).accepted()).isEqualTo(1);

        clock.advance(Duration.ofDays(2)); // the event's day is now 36 days back
        partitions.runOnce();               // and its partition, with its identity, is gone
        IngestionResult.Ingested again = ingest(event);

        assertThat(again.accepted()).isZero();
        assertThat(again.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("beyond-dedup-horizon");
            assertThat(r.detail()).contains("2026-10-18T00:00:00Z");
        });
        assertThat(rows.inboxRows()).isEqualTo(1); // the first delivery's, never a second projection
        assertThat(meters.get("streamvane.ingress.events").tag("outcome", "rejected")
                .tag("reason", "beyond-dedup-horizon").counter().count()).isEqualTo(1);
    }

    @Test
    void theHorizonIsTheStartOfTheOldestKeptDay() {
        String lastRefused = acdStart("c-1", Instant.parse("2026-10-15T23:59:59.999Z").toEpochMilli());
        String firstKept = acdStart("c-2", Instant.parse("2026-10-16T00:00:00Z").toEpochMilli());

        assertThat(ingest(lastRefused).rejected()).extracting(IngestionResult.ItemRejection::reason)
                .containsExactly("beyond-dedup-horizon");
        assertThat(ingest(firstKept).accepted()).isEqualTo(1);
    }

    private IngestionResult.Ingested ingest(String body) {
        return (IngestionResult.Ingested) pipeline.ingest(body.getBytes(StandardCharsets.UTF_8), Transport.HTTP);
    }
}
