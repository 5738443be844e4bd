package io.streamvane.ingress.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.guard.DedupHorizon;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.TestEvents;
import io.streamvane.ingress.guard.RawEventStore;
import io.streamvane.ingress.guard.WatermarkTracker;
import io.streamvane.model.event.EventParser;
import io.streamvane.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever the duplicates, envelopes, split into bodies and order: raw_event holds exactly the distinct events. */
class DedupPropertiesTest {

    private static DataSource dataSource;
    private static StoreRows rows;
    private static final long T0 = Instant.now().minus(Duration.ofHours(3)).toEpochMilli();

    @BeforeContainer
    static void database() {
        dataSource = TestDatabases.freshMigrated().dataSource();
        rows = new StoreRows(dataSource);
    }

    /** An event drawn from a small pool (so duplicates are frequent), in a random envelope. */
    record Sent(int event, int form) {
        String json() {
            return TestEvents.FORMS.get(form).wrap(TestEvents.acdStartTopic("c-" + event),
                    TestEvents.acdStartBody("c-" + event, T0 + event * 1000L));
        }
    }

    @Provide
    Arbitrary<List<Sent>> multisets() {
        Arbitrary<Sent> sent = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, TestEvents.FORMS.size() - 1))
                .as(Sent::new);
        return sent.list().ofMinSize(0).ofMaxSize(80);
    }

    @Property(tries = 20)
    void rawEventHoldsExactlyTheDistinctIdentities(@ForAll("multisets") List<Sent> events, @ForAll long seed) {
        rows.execute("TRUNCATE raw_event, engine_inbox, watermark");
        IngestionPipeline pipeline = new IngestionPipeline(new EventParser(),
                new RawEventStore(dataSource, new WatermarkTracker(Duration.ofMinutes(5))),
                new DedupHorizon(Duration.ofDays(35)), new SimpleMeterRegistry(), Clock.systemUTC());
        Random random = new Random(seed);
        List<Sent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        int acceptedTotal = 0;
        int duplicatesTotal = 0;
        for (int from = 0; from < shuffled.size(); ) {
            int to = Math.min(shuffled.size(), from + 1 + random.nextInt(12));
            List<String> body = shuffled.subList(from, to).stream().map(Sent::json).toList();
            String json = body.size() == 1 && random.nextBoolean() ? body.get(0) : TestEvents.batch(body);
            var result = (IngestionResult.Ingested) pipeline.ingest(json.getBytes(StandardCharsets.UTF_8),
                    Transport.HTTP);
            acceptedTotal += result.accepted();
            duplicatesTotal += result.duplicates();
            from = to;
        }

        long distinct = new HashSet<>(events.stream().map(Sent::event).toList()).size();
        assertThat(rows.rawEvents()).isEqualTo(distinct);
        assertThat(rows.inboxRows()).isEqualTo(distinct);
        assertThat(acceptedTotal).isEqualTo(distinct);
        assertThat(acceptedTotal + duplicatesTotal).isEqualTo(events.size());
    }
}
