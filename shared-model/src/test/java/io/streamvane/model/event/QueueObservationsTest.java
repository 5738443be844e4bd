package io.streamvane.model.event;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.streamvane.model.event.GenesysBodies.*;
import static io.streamvane.model.event.Parsed.singleEvent;
import static io.streamvane.model.event.Parsed.singleRejection;
import static org.assertj.core.api.Assertions.assertThat;

class QueueObservationsTest {

    private final EventParser parser = new EventParser();

    private GenesysEvent parse(String body) {
        return singleEvent(parser.parse(Envelopes.notification(OBSERVATIONS_TOPIC, body)));
    }

    @Test
    void bucketMessageCarriesEveryMetricWithExactStats() {
        GenesysEvent event = parse(OBSERVATIONS);

        QueueObservations observations = (QueueObservations) event.body();
        assertThat(observations.queueId()).isEqualTo(QUEUE_ID);
        assertThat(observations.mediaType()).isEqualTo("voice");
        QueueObservations.IntervalMetrics interval = observations.data().get(0);
        assertThat(interval.start()).isEqualTo(Instant.parse("2024-12-30T09:30:00Z"));
        assertThat(interval.end()).isEqualTo(Instant.parse("2024-12-30T10:00:00Z"));
        assertThat(interval.metrics()).extracting(QueueObservations.Metric::metric)
                .containsExactly("tAbandon", "nOffered", "oServiceLevel");
        assertThat(interval.metrics().get(0).stats().get("sum")).isEqualByComparingTo("86168");
        assertThat(interval.metrics().get(2).stats().get("target")).isEqualTo(new BigDecimal("0.5"));
        assertThat(event.ids()).isEqualTo(EntityIds.ofQueue(QUEUE_ID, "voice"));
    }

    @Test
    void bucketMessageHappensAtItsIntervalStart() {
        assertThat(parse(OBSERVATIONS).eventTime()).isEqualTo(Instant.parse("2024-12-30T09:30:00Z"));
    }

    @Test
    void instantObservationHappensAtItsInstant() {
        assertThat(parse(INSTANT_OBSERVATIONS).eventTime()).isEqualTo(Instant.parse("2024-12-30T09:46:54.839Z"));
    }

    @Test
    void aNewValueForTheSameIntervalIsANewEvent() {
        GenesysEvent first = parse(OBSERVATIONS);
        GenesysEvent later = parse(OBSERVATIONS.replace("\"nOffered\", \"stats\": { \"count\": 2 }",
                "\"nOffered\", \"stats\": { \"count\": 3 }"));

        assertThat(later.identity()).isNotEqualTo(first.identity());
    }

    @Test
    void identityIgnoresKeyOrderAndNumberSpelling() {
        String reordered = """
                { "data": [ { "metrics": [
                    { "stats": { "max": 74387, "min": 11781, "sum": 86168, "count": 2 }, "metric": "tAbandon" },
                    { "metric": "nOffered", "stats": { "count": 2.0 } },
                    { "metric": "oServiceLevel", "stats": { "target": 0.5, "denominator": 2, "numerator": 0, "ratio": 0 } } ],
                    "interval": "2024-12-30T09:30:00.000Z/2024-12-30T10:00:00.000Z" } ],
                  "group": { "mediaType": "voice", "queueId": "%s" } }
                """.formatted(QUEUE_ID);

        assertThat(parse(reordered).identity()).isEqualTo(parse(OBSERVATIONS).identity());
    }

    @Test
    void identityNamesQueueMediaAndInterval() {
        assertThat(parse(OBSERVATIONS).identity().key()).startsWith("QUEUE_OBSERVATIONS|" + QUEUE_ID
                + "|voice|2024-12-30T09:30:00.000Z/2024-12-30T10:00:00.000Z|sha256:");
    }

    @Test
    void userMetricsGroupWithoutMediaTypeIsAccepted() {
        String body = """
                { "group": { "queueId": "%s" },
                  "data": [ { "interval": "2025-03-04T10:00:00.000Z/2025-03-04T10:00:00.000Z",
                              "metrics": [ { "metric": "oUserRoutingStatuses", "qualifier": "IDLE",
                                             "stats": { "count": 4 } } ] } ] }
                """.formatted(QUEUE_ID);

        QueueObservations observations = (QueueObservations) parse(body).body();

        assertThat(observations.mediaType()).isNull();
        assertThat(observations.data().get(0).metrics().get(0).qualifier()).isEqualTo("IDLE");
    }

    @Test
    void observationWithoutDataIsRejected() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(OBSERVATIONS_TOPIC,
                "{\"group\":{\"queueId\":\"q-1\"},\"data\":[]}")));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(rejected.detail()).isEqualTo("queue observations event lacks data");
    }

    @Test
    void unreadableIntervalIsAnInvalidFieldNamingItsPosition() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(OBSERVATIONS_TOPIC,
                "{\"group\":{\"queueId\":\"q-1\"},\"data\":[{\"interval\":\"now\",\"metrics\":[]}]}")));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.detail())
                .isEqualTo("queue observations event data[0].interval must be an ISO-8601 interval start/end, got \"now\"");
    }

    @Test
    void statThatIsNotANumberIsAnInvalidField() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(OBSERVATIONS_TOPIC,
                OBSERVATIONS.replace("\"count\": 2 }", "\"count\": \"two\" }"))));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.detail()).contains("data[0].metrics[1].stats.count must be a number");
    }
}
