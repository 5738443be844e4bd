package io.streamvane.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.api.AnalyticsApi;
import com.mypurecloud.sdk.v2.api.RoutingApi;
import com.mypurecloud.sdk.v2.api.UsersApi;
import com.mypurecloud.sdk.v2.api.request.GetRoutingQueuesRequest;
import com.mypurecloud.sdk.v2.api.request.GetUsersRequest;
import com.mypurecloud.sdk.v2.extensions.AuthResponse;
import com.mypurecloud.sdk.v2.model.AggregateMetricData;
import com.mypurecloud.sdk.v2.model.ConversationAggregateDataContainer;
import com.mypurecloud.sdk.v2.model.ConversationAggregateQueryResponse;
import com.mypurecloud.sdk.v2.model.ConversationAggregationQuery;
import com.mypurecloud.sdk.v2.model.ErrorBody;
import com.mypurecloud.sdk.v2.model.ObservationMetricData;
import com.mypurecloud.sdk.v2.model.ObservationValue;
import com.mypurecloud.sdk.v2.model.Queue;
import com.mypurecloud.sdk.v2.model.QueueEntityListing;
import com.mypurecloud.sdk.v2.model.QueueObservationDataContainer;
import com.mypurecloud.sdk.v2.model.QueueObservationQuery;
import com.mypurecloud.sdk.v2.model.QueueObservationQueryFilter;
import com.mypurecloud.sdk.v2.model.QueueObservationQueryPredicate;
import com.mypurecloud.sdk.v2.model.QueueObservationQueryResponse;
import com.mypurecloud.sdk.v2.model.StatisticalResponse;
import com.mypurecloud.sdk.v2.model.StatisticalSummary;
import com.mypurecloud.sdk.v2.model.User;
import com.mypurecloud.sdk.v2.model.UserAggregateDataContainer;
import com.mypurecloud.sdk.v2.model.UserAggregateQueryFilter;
import com.mypurecloud.sdk.v2.model.UserAggregateQueryPredicate;
import com.mypurecloud.sdk.v2.model.UserAggregateQueryResponse;
import com.mypurecloud.sdk.v2.model.UserAggregationQuery;
import com.mypurecloud.sdk.v2.model.UserEntityListing;
import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.model.AgentSpec;
import io.streamvane.simulator.model.MediaType;
import io.streamvane.simulator.model.QueueSpec;
import io.streamvane.simulator.sdk.SdkOracle;
import io.streamvane.simulator.truth.QueueComponents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fake Genesys API as the official Java SDK (198.1.0) sees it: the SDK logs in at the fake's token endpoint
 * and calls through its own {@link AnalyticsApi}, {@link RoutingApi} and {@link UsersApi}; every response parses and
 * carries the values the fake computed (the ground truth, for aggregates). The same responses, fetched raw, also
 * bind strictly ({@code FAIL_ON_UNKNOWN_PROPERTIES}) to the SDK's response models and write back unchanged, so the
 * fake sends no field Genesys' models lack (the SDK's own client would drop one silently).
 *
 * <p>Not covered because the fake does not serve them: wrap-up codes, presence definitions, notification channels
 * and subscriptions, conversation and user details.
 */
class GenesysSdkFakeApiTest {

    /** A busy weekday morning: contacts wait, agents are in every state. */
    static final Instant NOW = Instant.parse("2026-03-02T11:12:13Z");
    static final Instant FROM = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant TO = Instant.parse("2026-03-02T10:00:00Z");
    static final String INTERVAL = "2026-03-02T08:00:00.000Z/2026-03-02T10:00:00.000Z";

    static Simulator run;
    static FakeGenesysApi api;
    static com.mypurecloud.sdk.v2.ApiClient sdk;
    static ApiClient raw;
    static AuthResponse login;

    @BeforeAll
    static void start() throws Exception {
        run = SharedRun.day();
        api = FakeGenesysApi.start(run, FakeApiSettings.defaults().withRequestsPerMinute(10_000)
                .withClock(Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC))
                .withSimulationNow(() -> NOW));
        // The SDK's own login call cannot be pointed here: it always posts to https://login.<base host minus its
        // first label>/oauth/token. So the token comes from the fake's endpoint as any client fetches it, is read
        // with the SDK's AuthResponse model, and handed to the SDK as its access token.
        raw = new ApiClient(api.baseUrl());
        login = SdkOracle.bindExactly("token response", SdkOracle.tree(raw.token(FakeApiSettings.DEFAULT_CLIENT_ID,
                FakeApiSettings.DEFAULT_CLIENT_SECRET).body()), AuthResponse.class);
        raw.token = login.getAccess_token();
        sdk = com.mypurecloud.sdk.v2.ApiClient.Builder.standard().withBasePath(api.baseUrl().toString())
                .withAccessToken(login.getAccess_token()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        sdk.close();
        api.close();
    }

    @Test
    void theFakesTokenResponseIsTheSdksAuthResponse() {
        assertThat(login.getAccess_token()).isNotBlank();
        assertThat(login.getToken_type()).isEqualToIgnoringCase("bearer");
        assertThat(login.getExpires_in()).isEqualTo(24 * 3600);
        assertThat(login.getError()).isNull();
    }

    @Test
    void conversationAggregatesArriveThroughTheSdkWithTheGroundTruthsCountsAndSums() throws Exception {
        ConversationAggregationQuery query = new ConversationAggregationQuery().interval(INTERVAL).granularity("PT30M")
                .groupBy(List.of(ConversationAggregationQuery.GroupByEnum.QUEUEID,
                        ConversationAggregationQuery.GroupByEnum.MEDIATYPE))
                .metrics(List.of(ConversationAggregationQuery.MetricsEnum.NOFFERED,
                        ConversationAggregationQuery.MetricsEnum.TANSWERED,
                        ConversationAggregationQuery.MetricsEnum.TABANDON,
                        ConversationAggregationQuery.MetricsEnum.TSHORTABANDON,
                        ConversationAggregationQuery.MetricsEnum.TFLOWOUT,
                        ConversationAggregationQuery.MetricsEnum.NOVERSLA,
                        ConversationAggregationQuery.MetricsEnum.THANDLE,
                        ConversationAggregationQuery.MetricsEnum.TTALK,
                        ConversationAggregationQuery.MetricsEnum.THELD,
                        ConversationAggregationQuery.MetricsEnum.TACW,
                        ConversationAggregationQuery.MetricsEnum.OSERVICELEVEL));

        ConversationAggregateQueryResponse response = new AnalyticsApi(sdk).postAnalyticsConversationsAggregatesQuery(query);

        assertThat(response.getResults()).isNotEmpty();
        int compared = 0;
        for (ConversationAggregateDataContainer result : response.getResults()) {
            String queueId = result.getGroup().get("queueId");
            String mediaType = result.getGroup().get("mediaType");
            assertThat(queueId).isNotNull();
            assertThat(mediaType).isIn("voice", "chat");
            Map<String, long[]> totals = new HashMap<>(); // metric -> {count, sum}
            for (StatisticalResponse bucket : result.getData()) {
                assertThat(bucket.getInterval()).matches("2026-03-02T(08|09):[03]0:00\\.000Z/2026-03-02T\\d\\d:[03]0:00\\.000Z");
                for (AggregateMetricData metric : bucket.getMetrics()) {
                    StatisticalSummary stats = metric.getStats();
                    assertThat(stats).as(metric.getMetric()).isNotNull();
                    if (metric.getMetric().equals("oServiceLevel")) {
                        assertThat(stats.getRatio()).isNotNull();
                        assertThat(stats.getDenominator().signum()).isPositive();
                        assertThat(stats.getTarget()).isNotNull();
                        continue;
                    }
                    assertThat(stats.getCount()).as(metric.getMetric()).isPositive();
                    long[] t = totals.computeIfAbsent(metric.getMetric(), m -> new long[2]);
                    t[0] += stats.getCount();
                    t[1] += stats.getSum() == null ? 0 : stats.getSum().longValueExact();
                }
            }
            QueueComponents truth = run.groundTruth().queueTotal(queueId, mediaType, FROM, TO);
            assertThat(count(totals, "nOffered")).isEqualTo(truth.offered());
            assertThat(count(totals, "tAnswered")).isEqualTo(truth.answered());
            assertThat(sum(totals, "tAnswered")).isEqualTo(truth.answerWaitMs());
            assertThat(count(totals, "tAnswered") - count(totals, "nOverSla")).isEqualTo(truth.answeredWithinSl());
            assertThat(count(totals, "tAbandon")).isEqualTo(truth.abandoned());
            assertThat(sum(totals, "tAbandon")).isEqualTo(truth.abandonWaitMs());
            assertThat(count(totals, "tShortAbandon")).isEqualTo(truth.shortAbandoned());
            assertThat(count(totals, "tFlowOut")).isEqualTo(truth.flowOuts());
            assertThat(count(totals, "tHandle")).isEqualTo(truth.handled());
            assertThat(sum(totals, "tHandle")).isEqualTo(truth.handleMs());
            assertThat(sum(totals, "tTalk")).isEqualTo(truth.talkMs());
            assertThat(sum(totals, "tHeld")).isEqualTo(truth.holdMs());
            assertThat(sum(totals, "tAcw")).isEqualTo(truth.acwMs());
            compared++;
        }
        assertThat(compared).isEqualTo(run.groundTruth().queueMedia().size());
        assertThat(run.groundTruth().queueMedia().stream()
                .mapToLong(k -> run.groundTruth().queueTotal(k.queueId(), k.mediaType(), FROM, TO).offered()).sum())
                .isPositive();

        SdkOracle.bindExactly("conversation aggregates response", postRaw(FakeGenesysApi.CONVERSATION_AGGREGATES, query),
                ConversationAggregateQueryResponse.class);
    }

    @Test
    void userAggregatesArriveThroughTheSdkAndFillEveryBucketOfEveryAgent() throws Exception {
        List<AgentSpec> agents = run.config().agents().subList(0, 5);
        List<UserAggregateQueryPredicate> predicates = new ArrayList<>();
        agents.forEach(a -> predicates.add(new UserAggregateQueryPredicate()
                .type(UserAggregateQueryPredicate.TypeEnum.DIMENSION)
                .dimension(UserAggregateQueryPredicate.DimensionEnum.USERID)
                .operator(UserAggregateQueryPredicate.OperatorEnum.MATCHES).value(a.id())));
        UserAggregationQuery query = new UserAggregationQuery().interval(INTERVAL).granularity("PT30M")
                .groupBy(List.of(UserAggregationQuery.GroupByEnum.USERID))
                .filter(new UserAggregateQueryFilter().type(UserAggregateQueryFilter.TypeEnum.OR).predicates(predicates))
                .metrics(List.of(UserAggregationQuery.MetricsEnum.TAGENTROUTINGSTATUS,
                        UserAggregationQuery.MetricsEnum.TSYSTEMPRESENCE,
                        UserAggregationQuery.MetricsEnum.TORGANIZATIONPRESENCE));

        UserAggregateQueryResponse response = new AnalyticsApi(sdk).postAnalyticsUsersAggregatesQuery(query);

        assertThat(response.getSystemToOrganizationMappings()).containsKey("ON_QUEUE");
        assertThat(response.getResults()).extracting(r -> r.getGroup().get("userId"))
                .containsExactlyInAnyOrderElementsOf(agents.stream().map(AgentSpec::id).toList());
        for (UserAggregateDataContainer result : response.getResults()) {
            assertThat(result.getData()).hasSize(4);
            for (StatisticalResponse bucket : result.getData()) {
                Map<String, Long> perMetric = new HashMap<>();
                for (AggregateMetricData metric : bucket.getMetrics()) {
                    assertThat(metric.getQualifier()).isNotBlank();
                    perMetric.merge(metric.getMetric(), metric.getStats().getSum().longValueExact(), Long::sum);
                }
                // Every agent is in exactly one routing status and one presence at every instant of a past bucket.
                assertThat(perMetric).containsOnlyKeys("tAgentRoutingStatus", "tSystemPresence", "tOrganizationPresence")
                        .allSatisfy((metric, ms) -> assertThat(ms).as(metric).isEqualTo(Duration.ofMinutes(30).toMillis()));
            }
        }

        SdkOracle.bindExactly("user aggregates response", postRaw(FakeGenesysApi.USER_AGGREGATES, query),
                UserAggregateQueryResponse.class);
    }

    @Test
    void queueObservationsArriveThroughTheSdkWithEveryWaitingContact() throws Exception {
        List<QueueObservationQueryPredicate> predicates = new ArrayList<>();
        run.config().queues().forEach(q -> predicates.add(new QueueObservationQueryPredicate()
                .dimension(QueueObservationQueryPredicate.DimensionEnum.QUEUEID).value(q.id())));
        QueueObservationQuery query = new QueueObservationQuery()
                .filter(new QueueObservationQueryFilter().type(QueueObservationQueryFilter.TypeEnum.OR)
                        .predicates(predicates))
                .metrics(List.of(QueueObservationQuery.MetricsEnum.values()))
                .detailMetrics(List.of(QueueObservationQuery.DetailMetricsEnum.OWAITING));

        QueueObservationQueryResponse response = new AnalyticsApi(sdk).postAnalyticsQueuesObservationsQuery(query);

        assertThat(response.getSystemToOrganizationMappings()).containsKey("ON_QUEUE");
        int mediaGroups = 0;
        long waiting = 0;
        for (QueueObservationDataContainer result : response.getResults()) {
            String queueId = result.getGroup().get("queueId");
            QueueSpec queue = run.config().queue(queueId);
            Map<String, Long> counts = new HashMap<>();
            for (ObservationMetricData data : result.getData()) {
                assertThat(data.getStats().getCount()).as(data.getMetric()).isNotNull();
                counts.merge(data.getMetric(), data.getStats().getCount(), Long::sum);
                if (data.getMetric().equals("oWaiting")) {
                    assertThat(data.getObservations()).hasSize(data.getStats().getCount().intValue());
                    for (ObservationValue observation : data.getObservations()) {
                        assertThat(observation.getObservationDate().toInstant()).isBeforeOrEqualTo(NOW);
                        assertThat(observation.getConversationId()).isNotBlank();
                        assertThat(observation.getSessionId()).isNotBlank();
                        assertThat(observation.getDirection()).isEqualTo(ObservationValue.DirectionEnum.INBOUND);
                    }
                }
            }
            if (result.getGroup().containsKey("mediaType")) {
                mediaGroups++;
                assertThat(queue.mediaTypes()).extracting(MediaType::lower).contains(result.getGroup().get("mediaType"));
                assertThat(counts).containsKeys("oWaiting", "oInteracting");
                waiting += counts.get("oWaiting");
            } else {
                long members = run.config().agents().stream().filter(a -> a.queueIds().contains(queueId)).count();
                assertThat(counts.get("oMemberUsers")).isEqualTo(members);
                assertThat(counts.get("oUserRoutingStatuses")).isEqualTo(members);
                assertThat(counts.get("oUserPresences")).isEqualTo(members);
            }
        }
        assertThat(mediaGroups).isEqualTo(run.config().queues().stream().mapToInt(q -> q.mediaTypes().size()).sum());
        assertThat(waiting).as("contacts waiting at %s", NOW).isPositive();

        SdkOracle.bindExactly("queue observations response", postRaw(FakeGenesysApi.QUEUE_OBSERVATIONS, query),
                QueueObservationQueryResponse.class);
        // What the scheduler asks for (oLongestWaiting is newer than this SDK's query enum, so only a raw request can
        // carry it) must still come back in the SDK's response model.
        SdkOracle.bindExactly("queue observations response with oLongestWaiting", SdkOracle.tree(raw.postOk(
                FakeGenesysApi.QUEUE_OBSERVATIONS, """
                        {"metrics": ["oWaiting", "oInteracting", "oAlerting", "oLongestWaiting", "oOnQueueUsers",
                                     "oActiveUsers", "oMemberUsers", "oOffQueueUsers"],
                         "detailMetrics": ["oWaiting"]}""").toString()), QueueObservationQueryResponse.class);
    }

    @Test
    void queuesPageThroughTheSdkWithTheirServiceLevelSettings() throws Exception {
        RoutingApi routing = new RoutingApi(sdk);
        List<Queue> queues = new ArrayList<>();
        QueueEntityListing page;
        int pageNumber = 1;
        do {
            page = routing.getRoutingQueues(GetRoutingQueuesRequest.builder().withPageSize(3).withPageNumber(pageNumber++)
                    .build());
            queues.addAll(page.getEntities());
        } while (page.getNextUri() != null);

        assertThat(page.getTotal()).isEqualTo(run.config().queues().size());
        assertThat(page.getPageCount()).isEqualTo(pageNumber - 1);
        assertThat(queues).extracting(Queue::getId)
                .containsExactlyInAnyOrderElementsOf(run.config().queues().stream().map(QueueSpec::id).toList());
        for (Queue queue : queues) {
            QueueSpec spec = run.config().queue(queue.getId());
            assertThat(queue.getName()).isEqualTo(spec.name());
            assertThat(queue.getDivision().getId()).isEqualTo(spec.divisionId());
            assertThat(queue.getMediaSettings().getCall().getServiceLevel().getPercentage())
                    .isEqualTo(spec.media().get(MediaType.VOICE).serviceLevelTarget());
            assertThat(queue.getMediaSettings().getCall().getServiceLevel().getDurationMs())
                    .isEqualTo(spec.media().get(MediaType.VOICE).serviceLevelThreshold().toMillis());
            assertThat(queue.getMediaSettings().getChat().getServiceLevel().getDurationMs())
                    .isEqualTo(spec.media().get(MediaType.CHAT).serviceLevelThreshold().toMillis());
            assertThat(queue.getAcwSettings().getWrapupPrompt()).isNotNull();
            assertThat(queue.getMemberCount()).isPositive();
        }

        SdkOracle.bindExactly("queue listing", getRaw(FakeGenesysApi.QUEUES + "?pageSize=3&pageNumber=1"),
                QueueEntityListing.class);
        SdkOracle.bindExactly("last queue listing page",
                getRaw(FakeGenesysApi.QUEUES + "?pageSize=3&pageNumber=" + (pageNumber - 1)), QueueEntityListing.class);
    }

    @Test
    void usersPageThroughTheSdk() throws Exception {
        UsersApi users = new UsersApi(sdk);
        UserEntityListing page = users.getUsers(GetUsersRequest.builder().withPageSize(25).withPageNumber(1)
                .withState("active").build());

        assertThat(page.getTotal()).isEqualTo(run.config().agents().size());
        assertThat(page.getEntities()).hasSize(Math.min(25, run.config().agents().size()));
        for (User user : page.getEntities()) {
            assertThat(user.getId()).isNotBlank();
            assertThat(user.getName()).isNotBlank();
            assertThat(user.getState()).isEqualTo(User.StateEnum.ACTIVE);
            assertThat(user.getDivision().getId()).isNotBlank();
        }

        SdkOracle.bindExactly("user listing", getRaw(FakeGenesysApi.USERS + "?pageSize=25&pageNumber=2"),
                UserEntityListing.class);

        // expand=presence,routingStatus: each user's current state and since when, in the SDK's own models.
        UserEntityListing expanded = users.getUsers(GetUsersRequest.builder().withPageSize(25).withPageNumber(1)
                .withState("active").withExpand(List.of("presence", "routingStatus")).build());
        for (User user : expanded.getEntities()) {
            assertThat(user.getPresence().getPresenceDefinition().getSystemPresence()).isNotBlank();
            assertThat(user.getPresence().getModifiedDate()).isNotNull();
            assertThat(user.getRoutingStatus().getStatus()).isNotNull();
            assertThat(user.getRoutingStatus().getStartTime()).isNotNull();
        }
        SdkOracle.bindExactly("user listing with states", getRaw(FakeGenesysApi.USERS
                + "?pageSize=25&pageNumber=1&expand=presence,routingStatus"), UserEntityListing.class);
    }

    @Test
    void errorsComeAsTheSdksErrorBody() {
        ConversationAggregationQuery backwards = new ConversationAggregationQuery()
                .interval("2026-03-02T10:00:00.000Z/2026-03-02T08:00:00.000Z")
                .metrics(List.of(ConversationAggregationQuery.MetricsEnum.NOFFERED));

        assertThatThrownBy(() -> new AnalyticsApi(sdk).postAnalyticsConversationsAggregatesQuery(backwards))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    ErrorBody body = SdkOracle.bindExactly("error body", SdkOracle.tree(e.getRawBody()), ErrorBody.class);
                    assertThat(body.getStatus()).isEqualTo(400);
                    assertThat(body.getCode()).isNotBlank();
                    assertThat(body.getMessage()).contains("interval");
                    // Sent, but invisible to the SDK: its lookup of "ININ-Correlation-Id" is case-sensitive and the
                    // JDK's HTTP server writes every header name as "Inin-correlation-id".
                    assertThat(e.getHeaders().keySet()).anyMatch(h -> h.equalsIgnoreCase("ININ-Correlation-Id"));
                });

        com.mypurecloud.sdk.v2.ApiClient anonymous = com.mypurecloud.sdk.v2.ApiClient.Builder.standard()
                .withBasePath(api.baseUrl().toString()).withAccessToken("not-a-token").build();
        assertThatThrownBy(() -> new UsersApi(anonymous).getUsers(GetUsersRequest.builder().build()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    SdkOracle.bindExactly("401 body", SdkOracle.tree(e.getRawBody()), ErrorBody.class);
                });
    }

    /** The exact body the SDK sends (its own mapper), posted with the JDK client, answer as raw JSON. */
    private static JsonNode postRaw(String path, Object sdkQuery) throws Exception {
        String body = SdkOracle.strictMapper().writeValueAsString(sdkQuery);
        return SdkOracle.tree(raw.postOk(path, body).toString());
    }

    private static JsonNode getRaw(String pathAndQuery) {
        return SdkOracle.tree(raw.getOk(pathAndQuery).toString());
    }

    private static long count(Map<String, long[]> totals, String metric) {
        return totals.getOrDefault(metric, new long[2])[0];
    }

    private static long sum(Map<String, long[]> totals, String metric) {
        return totals.getOrDefault(metric, new long[2])[1];
    }
}
