package io.streamvane.scheduler.genesys;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.QueueMetric;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Request and response shapes of the analytics query APIs (interfaces.md §3), as records. */
public final class Analytics {

    private Analytics() {
    }

    public static final String CONVERSATION_AGGREGATES = "/api/v2/analytics/conversations/aggregates/query";
    public static final String QUEUE_OBSERVATIONS = "/api/v2/analytics/queues/observations/query";
    public static final String USER_AGGREGATES = "/api/v2/analytics/users/aggregates/query";

    /** Genesys' nOverSla: answered after the SL threshold, the complement of answered within SL. */
    public static final String OVER_SLA = "nOverSla";

    /** The conversation metrics that carry the SPEC §2 components: each catalogue metric once, and nOverSla. */
    public static final List<String> QUEUE_METRICS = Stream.concat(QueueMetric.components().stream()
            .flatMap(m -> m.genesysStat().stream()).map(QueueMetric.GenesysStat::metric), Stream.of(OVER_SLA))
            .distinct().toList();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Predicate(String type, String dimension, String operator, String value) {
        public static Predicate dimension(String dimension, String value) {
            return new Predicate("dimension", dimension, "matches", value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(String type, List<Predicate> predicates) {
        public static Filter anyOf(String dimension, java.util.Collection<String> values) {
            return new Filter("or", values.stream().map(v -> Predicate.dimension(dimension, v)).toList());
        }

    }

    /** {@code ConversationAggregationQuery} / {@code UserAggregationQuery}: same shape. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AggregationQuery(String interval, String granularity, String timeZone, List<String> groupBy,
                                   Filter filter, List<String> metrics) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObservationQuery(Filter filter, List<String> metrics, List<String> detailMetrics) {
    }

    /** {@code StatisticalSummary}; every field optional. It has no {@code calculatedMetricValue} (SDK 198.1.0, 223.0.0). */
    public record Stats(Double max, Double min, Long count, Double sum, Double current, Double ratio,
                        Double numerator, Double denominator, Double target) {
    }

    public record MetricValue(String metric, String qualifier, Stats stats) {
    }

    public record DataPoint(String interval, List<MetricValue> metrics) {
    }

    public record AggregateResult(Map<String, String> group, List<DataPoint> data) {
    }

    public record AggregateResponse(List<AggregateResult> results) {
        public List<AggregateResult> resultsOrEmpty() {
            return results == null ? List.of() : results;
        }
    }

    /** One waiting (or interacting...) item of a {@code detailMetrics} observation. */
    public record ObservationValue(String observationDate, String conversationId, String sessionId, String userId) {
    }

    public record ObservationData(String metric, String qualifier, Stats stats, Boolean truncated,
                                  List<ObservationValue> observations) {
    }

    public record ObservationResult(Map<String, String> group, List<ObservationData> data) {
    }

    public record ObservationResponse(List<ObservationResult> results) {
        public List<ObservationResult> resultsOrEmpty() {
            return results == null ? List.of() : results;
        }
    }

    /** {@code 2025-03-04T10:00:00.000Z/2025-03-04T12:00:00.000Z}, the form the docs show. */
    public static String isoInterval(Interval i) {
        return format(i.start()) + "/" + format(i.end());
    }

    public static Interval parseInterval(String iso) {
        int slash = iso.indexOf('/');
        return new Interval(Instant.parse(iso.substring(0, slash)), Instant.parse(iso.substring(slash + 1)));
    }

    private static String format(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS)).replaceAll("(:\\d\\d)Z$", "$1.000Z");
    }
}
