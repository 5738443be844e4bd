package io.streamvane.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mypurecloud.sdk.v2.model.AggregateMetricData;
import com.mypurecloud.sdk.v2.model.ConversationAggregateDataContainer;
import com.mypurecloud.sdk.v2.model.ConversationAggregateQueryResponse;
import com.mypurecloud.sdk.v2.model.ConversationAggregationQuery;
import com.mypurecloud.sdk.v2.model.ObservationMetricData;
import com.mypurecloud.sdk.v2.model.ObservationValue;
import com.mypurecloud.sdk.v2.model.QueueEntityListing;
import com.mypurecloud.sdk.v2.model.QueueObservationDataContainer;
import com.mypurecloud.sdk.v2.model.QueueObservationQuery;
import com.mypurecloud.sdk.v2.model.QueueObservationQueryResponse;
import com.mypurecloud.sdk.v2.model.StatisticalResponse;
import com.mypurecloud.sdk.v2.model.StatisticalSummary;
import com.mypurecloud.sdk.v2.model.UserAggregateDataContainer;
import com.mypurecloud.sdk.v2.model.UserAggregateQueryResponse;
import com.mypurecloud.sdk.v2.model.UserAggregationQuery;
import com.mypurecloud.sdk.v2.model.UserEntityListing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.scheduler.agents.UserAggregates;
import io.streamvane.scheduler.genesys.Analytics;
import io.streamvane.scheduler.genesys.EntityListing;
import io.streamvane.scheduler.genesys.GenesysClient;
import io.streamvane.scheduler.observe.ObservationPoll;
import io.streamvane.scheduler.store.QueueAggregates;
import io.streamvane.simulator.sdk.SdkOracle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics queries the scheduler posts, captured on the wire from its own code paths ({@link QueueAggregates},
 * {@link UserAggregates}, {@link ObservationPoll} through {@link GenesysClient}), read by the Genesys Java SDK's query
 * models (198.1.0) strictly: no field the model lacks, every metric, groupBy dimension, filter dimension, filter type
 * and operator a value of the SDK's enums (checked by writing the bound query back: this SDK turns an unknown
 * enum-list value into the enum's first constant instead of failing). The response records the scheduler reads use
 * the SDK's field names.
 *
 * <p>Excused, with the evidence: {@code oLongestWaiting} in the observation metrics is not in 198.1.0's
 * QueueObservationQuery.MetricsEnum but is in 264.1.0's (platform-client-sdk-java build/docs/QueueObservationQuery.md),
 * so Genesys accepts it today; this SDK's client could not even send it.
 */
class GenesysSdkRequestBodiesTest {

    static final List<UserAggregates.Pass> PASSES = List.of(
            new UserAggregates.Pass("T+1h", Duration.ofHours(1)), new UserAggregates.Pass("T+48h", Duration.ofHours(48)));

    /** Metric names newer than SDK 198.1.0 (present in 264.1.0); nothing else is excused. */
    private static final Set<String> OBSERVATION_METRICS_NEWER_THAN_SDK = Set.of("oLongestWaiting");

    private static final Interval RANGE = new Interval(Instant.parse("2026-03-02T08:00:00Z"),
            Instant.parse("2026-03-02T09:00:00Z"));

    private final FakeGenesys fake = new FakeGenesys();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void conversationAggregateQueriesAreConversationAggregationQueriesForEveryBaseGranularity() {
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).willReturn(okJson("{\"results\":[]}")));
        GenesysClient client = fake.client();
        List<Granularity> bases = Arrays.stream(Granularity.values()).filter(Granularity::canBeBase).toList();
        for (Granularity base : bases) {
            new QueueAggregates(client, base).fetch(RANGE);
        }

        List<JsonNode> bodies = bodies(Analytics.CONVERSATION_AGGREGATES);
        assertThat(bodies).hasSize(bases.size());
        for (JsonNode body : bodies) {
            ConversationAggregationQuery q = SdkOracle.bindExactly("conversation aggregates query", body,
                    ConversationAggregationQuery.class);
            assertTimes(q.getInterval(), q.getGranularity(), q.getTimeZone());
            assertThat(q.getGroupBy()).containsExactly(ConversationAggregationQuery.GroupByEnum.QUEUEID,
                    ConversationAggregationQuery.GroupByEnum.MEDIATYPE);
            assertThat(q.getMetrics()).extracting(ConversationAggregationQuery.MetricsEnum::toString)
                    .containsExactlyElementsOf(Analytics.QUEUE_METRICS);
        }
    }

    @Test
    void userAggregateQueriesAreUserAggregationQueries() {
        fake.server.stubFor(post(urlEqualTo(Analytics.USER_AGGREGATES)).willReturn(okJson("{\"results\":[]}")));
        StoreFixture store = new StoreFixture();
        for (int i = 0; i < 3; i++) {
            store.jdbc.update("INSERT INTO app_user (user_id, name) VALUES (?, ?)", "u-" + i, "Agent " + i);
        }
        new UserAggregates(fake.client(), store.jdbc, store.tx, fake.clock, Granularity.PT15M,
                PASSES, Duration.ofHours(1), Duration.ofDays(1), 2, new SimpleMeterRegistry())
                .fetch(RANGE, "T+1h");

        List<JsonNode> bodies = bodies(Analytics.USER_AGGREGATES);
        assertThat(bodies).hasSize(2); // two users per request
        List<String> users = new ArrayList<>();
        for (JsonNode body : bodies) {
            UserAggregationQuery q = SdkOracle.bindExactly("user aggregates query", body, UserAggregationQuery.class);
            assertTimes(q.getInterval(), q.getGranularity(), q.getTimeZone());
            assertThat(q.getGroupBy()).containsExactly(UserAggregationQuery.GroupByEnum.USERID);
            assertThat(q.getMetrics()).containsExactly(UserAggregationQuery.MetricsEnum.TAGENTROUTINGSTATUS,
                    UserAggregationQuery.MetricsEnum.TSYSTEMPRESENCE);
            q.getFilter().getPredicates().forEach(p -> users.add(p.getValue()));
        }
        assertThat(users).containsExactly("u-0", "u-1", "u-2");
    }

    @Test
    void observationQueriesAreQueueObservationQueries() {
        fake.server.stubFor(post(urlEqualTo(Analytics.QUEUE_OBSERVATIONS)).willReturn(okJson("{\"results\":[]}")));
        StoreFixture store = new StoreFixture();
        store.jdbc.update("INSERT INTO queue (queue_id, name) VALUES ('q-1', 'Sales'), ('q-2', 'Support')");
        new ObservationPoll(fake.client(), store.jdbc, store.tx, JsonMapper.builder().build(), fake.clock,
                Duration.ofMinutes(2), 100).run();

        List<JsonNode> bodies = bodies(Analytics.QUEUE_OBSERVATIONS);
        assertThat(bodies).hasSize(1);
        ObjectNode body = (ObjectNode) bodies.get(0).deepCopy();
        ArrayNode known = JsonNodeFactory.instance.arrayNode();
        for (JsonNode metric : body.path("metrics")) {
            if (!OBSERVATION_METRICS_NEWER_THAN_SDK.contains(metric.asText())) {
                known.add(metric);
            }
        }
        assertThat(body.path("metrics").size() - known.size()).as("newer-than-SDK metrics excused")
                .isLessThanOrEqualTo(OBSERVATION_METRICS_NEWER_THAN_SDK.size());
        body.set("metrics", known);
        QueueObservationQuery q = SdkOracle.bindExactly("queue observations query", body, QueueObservationQuery.class);
        assertThat(q.getFilter().getPredicates()).extracting(p -> p.getDimension().toString() + "=" + p.getValue())
                .containsExactly("queueId=q-1", "queueId=q-2");
        assertThat(q.getMetrics()).hasSize(known.size());
        assertThat(q.getDetailMetrics()).containsExactly(QueueObservationQuery.DetailMetricsEnum.OWAITING);
    }

    /**
     * Every component of the response records the scheduler reads is a property of the SDK model it stands for
     * (a JSON object with each component name, all null, binds strictly): no field is read under a wrong name.
     */
    @Test
    void responseRecordsReadTheSdksFieldNames() {
        Map<Class<?>, List<Class<?>>> models = Map.of(
                Analytics.Stats.class, List.of(StatisticalSummary.class),
                Analytics.MetricValue.class, List.of(AggregateMetricData.class),
                Analytics.DataPoint.class, List.of(StatisticalResponse.class),
                Analytics.AggregateResult.class, List.of(ConversationAggregateDataContainer.class,
                        UserAggregateDataContainer.class),
                Analytics.AggregateResponse.class, List.of(ConversationAggregateQueryResponse.class,
                        UserAggregateQueryResponse.class),
                Analytics.ObservationValue.class, List.of(ObservationValue.class),
                Analytics.ObservationData.class, List.of(ObservationMetricData.class),
                Analytics.ObservationResult.class, List.of(QueueObservationDataContainer.class),
                Analytics.ObservationResponse.class, List.of(QueueObservationQueryResponse.class),
                EntityListing.class, List.of(QueueEntityListing.class, UserEntityListing.class));
        for (Map.Entry<Class<?>, List<Class<?>>> e : models.entrySet()) {
            ObjectNode names = JsonNodeFactory.instance.objectNode();
            for (var component : e.getKey().getRecordComponents()) {
                names.putNull(component.getName());
            }
            for (Class<?> model : e.getValue()) {
                SdkOracle.bindStrictly(e.getKey().getSimpleName() + "'s fields", names, model);
            }
        }
    }

    /** interval: ISO start/end with milliseconds, as the docs show; granularity: an ISO-8601 period; zone: IANA. */
    private static void assertTimes(String interval, String granularity, String timeZone) {
        assertThat(interval).isEqualTo("2026-03-02T08:00:00.000Z/2026-03-02T09:00:00.000Z");
        assertThat(granularity).matches("P(T\\d+[HM]|\\d+[DWM])");
        if (granularity.contains("T")) {
            assertThat(Duration.parse(granularity)).isPositive();
        } else {
            assertThat(java.time.Period.parse(granularity).isNegative()).isFalse();
        }
        if (timeZone != null) {
            ZoneId.of(timeZone);
        }
    }

    private List<JsonNode> bodies(String path) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : fake.server.findAll(postRequestedFor(urlEqualTo(path)))) {
            bodies.add(SdkOracle.tree(request.getBodyAsString()));
        }
        return bodies;
    }
}
