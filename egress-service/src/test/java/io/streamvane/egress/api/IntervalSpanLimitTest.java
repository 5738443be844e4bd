package io.streamvane.egress.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressIntegrationTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One interval request must not take the service down: a range longer than the documented maximum is refused with
 * a 400 naming the reason before any bucket is built, and the longest range allowed is answered a page at a time.
 */
class IntervalSpanLimitTest extends EgressIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Test
    void aThousandYearsAtFifteenMinutesIs400SpanTooLargeQuicklyAndWithoutHeapGrowth() {
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 1, true);
        String uri = "/api/v1/queues/q1/intervals?from=2025-01-01T00:00:00Z&to=3025-01-01T00:00:00Z"
                + "&granularity=PT15M&limit=10000";
        get(uri, READ_KEY).retrieve().toEntity(String.class); // warm up the request path once

        System.gc();
        long heapBefore = MEMORY.getHeapMemoryUsage().getUsed();
        long started = System.nanoTime();
        ResponseEntity<String> r = get(uri, READ_KEY).retrieve().toEntity(String.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long heapAfter = MEMORY.getHeapMemoryUsage().getUsed();
        System.out.printf("[span-limit] PT15M over 1,000 years: %d in %d ms, heap used %.1f MB -> %.1f MB (%+.1f MB)%n",
                r.getStatusCode().value(), took.toMillis(), heapBefore / 1e6, heapAfter / 1e6,
                (heapAfter - heapBefore) / 1e6);

        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(r.getBody());
        assertThat(problem.get("reason").asString()).isEqualTo("span-too-large");
        assertThat(problem.get("type").asString()).isEqualTo("https://streamvane.io/problems/span-too-large");
        assertThat(problem.get("detail").asString()).contains("400 days", "PT15M", "split the range");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void tenYearsAtFifteenMinutesAndElevenAtADayAreRefusedAsTooLong() {
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 1, true);

        assertSpanTooLarge("from=2015-01-01T00:00:00Z&to=2025-01-01T00:00:00Z");
        assertSpanTooLarge("from=2015-01-01T00:00:00Z&to=2016-02-05T00:00:01Z&granularity=PT1H"); // 400 d + 1 s
        assertSpanTooLarge("from=2014-01-01T00:00:00Z&to=2025-01-01T00:00:00Z&granularity=P1D");
        assertSpanTooLarge("from=2025-01-01T00:00:00Z&to=9999-12-31T00:00:00Z&granularity=P1D");
        assertSpanTooLarge("from=0001-01-01T00:00:00Z&to=2025-01-01T00:00:00Z&granularity=P1D");
    }

    @Test
    void theLongestRangeAllowedIsAnsweredAPageAtATime() {
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 3, 3, 3, 0, 0, 0, 1000, 0, 0, 1, true);
        Instant from = Instant.parse("2025-01-01T00:00:00Z");

        ResponseEntity<QueueIntervalRow[]> intraday = get("/api/v1/queues/q1/intervals?from=" + from + "&to="
                + from.plus(IntervalQuery.MAX_SPAN_INTRADAY) + "&limit=10000", READ_KEY).retrieve()
                .toEntity(QueueIntervalRow[].class);
        ResponseEntity<QueueIntervalRow[]> daily = get("/api/v1/queues/q1/intervals?from=" + from + "&to="
                + from.plus(IntervalQuery.MAX_SPAN_DAILY) + "&granularity=P1D&limit=10000", READ_KEY).retrieve()
                .toEntity(QueueIntervalRow[].class);

        assertThat(intraday.getStatusCode().value()).isEqualTo(200);
        assertThat(intraday.getBody()).hasSize(10_000);
        assertThat(intraday.getBody()[40].offered()).isEqualTo(3);
        assertThat(intraday.getHeaders().getFirst(HttpHeaders.LINK))
                .contains("from=" + from.plus(Duration.ofMinutes(15).multipliedBy(10_000)));
        assertThat(daily.getStatusCode().value()).isEqualTo(200);
        assertThat(daily.getBody()).hasSize(3_660);
        assertThat(daily.getBody()[0].offered()).isEqualTo(3);
        assertThat(daily.getHeaders().getFirst(HttpHeaders.LINK)).isNull();
    }

    private void assertSpanTooLarge(String query) {
        ResponseEntity<String> r = get("/api/v1/queues/q1/intervals?" + query, READ_KEY)
                .retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).as(query + " -> " + r.getBody()).isEqualTo(400);
        assertThat(JSON.readTree(r.getBody()).get("reason").asString()).as(query).isEqualTo("span-too-large");
    }
}
