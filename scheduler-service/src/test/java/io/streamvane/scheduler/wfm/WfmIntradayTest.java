package io.streamvane.scheduler.wfm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.scheduler.FakeGenesys;
import io.streamvane.scheduler.StoreFixture;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The business-unit intraday API (interfaces.md §3.5) with real-shaped payloads; the fake Genesys API does not serve it. */
class WfmIntradayTest {

    private static final String BU = "bu-1";
    private static final String BASE = "/api/v2/workforcemanagement/businessunits/" + BU + "/intraday";

    private final FakeGenesys fake = new FakeGenesys();
    private final StoreFixture store = new StoreFixture();

    @AfterEach
    void close() {
        fake.close();
    }

    private WfmIntraday job() {
        return new WfmIntraday(fake.client(), store.jdbc, store.tx, fake.clock, List.of(BU), ZoneOffset.UTC, 0, 15);
    }

    @Test
    void storesForecastAndScheduleperPlanningGroupMediaAndInterval() {
        fake.server.stubFor(get(urlPathEqualTo(BASE + "/planninggroups")).withQueryParam("date", equalTo("2026-03-02"))
                .willReturn(json("""
                        {"entities": [{"id": "pg-1", "name": "Sales", "selfUri": "/x"}, {"id": "pg-2", "name": "Care"}]}""")));
        fake.server.stubFor(post(urlEqualTo(BASE)).withRequestBody(equalToJson("""
                {"businessUnitDate": "2026-03-02", "categories": ["ForecastData", "ScheduleData"],
                 "planningGroupIds": ["pg-1"], "intervalLengthMinutes": 15}""")).willReturn(json("""
                {"status": "Complete", "result": {
                  "startDate": "2026-03-02T00:00:00Z", "endDate": "2026-03-03T00:00:00Z", "intervalLengthMinutes": 15,
                  "categories": ["ForecastData", "ScheduleData"],
                  "shortTermForecast": {"id": "stf-1", "weekDate": "2026-03-02"},
                  "schedule": {"id": "sch-1", "weekDate": "2026-03-02"},
                  "intradayDataGroupings": [
                    {"mediaType": "Voice",
                     "forecastDataSummary": {"offered": 30.5, "averageHandleTimeSeconds": 300.0},
                     "forecastDataPerInterval": [{"offered": 10.5, "averageHandleTimeSeconds": 310.0},
                                                 {"offered": 20.0, "averageHandleTimeSeconds": 295.0}],
                     "scheduleDataSummary": {"onQueueTimeSeconds": 5400.0},
                     "scheduleDataPerInterval": [{"onQueueTimeSeconds": 2700.0}, {"onQueueTimeSeconds": 2700.0}],
                     "performancePredictionDataPerInterval": [{"serviceLevelPercent": 0.8}]},
                    {"mediaType": "Chat",
                     "forecastDataPerInterval": [{"offered": 3.0, "averageHandleTimeSeconds": 600.0}],
                     "scheduleDataPerInterval": []}]}}""")));
        fake.server.stubFor(post(urlEqualTo(BASE)).withRequestBody(equalToJson("""
                {"planningGroupIds": ["pg-2"]}""", true, true)).willReturn(json("""
                {"status": "Processing", "operationId": "op-7"}""")));

        WfmIntraday.Result r = job().fetch(BU, LocalDate.parse("2026-03-02"));

        assertThat(r).isEqualTo(new WfmIntraday.Result(2, 3, 3, 1));
        List<Map<String, Object>> rows = store.jdbc.queryForList("""
                SELECT planning_group_id, media_type, to_char(interval_start AT TIME ZONE 'UTC', 'HH24:MI') AS t,
                       forecast_offered, forecast_aht_seconds, scheduled_on_queue_seconds
                FROM wfm_intraday ORDER BY media_type DESC, interval_start""");
        assertThat(rows).containsExactly(
                Map.of("planning_group_id", "pg-1", "media_type", "voice", "t", "00:00", "forecast_offered", 10.5,
                        "forecast_aht_seconds", 310.0, "scheduled_on_queue_seconds", 2700.0),
                Map.of("planning_group_id", "pg-1", "media_type", "voice", "t", "00:15", "forecast_offered", 20.0,
                        "forecast_aht_seconds", 295.0, "scheduled_on_queue_seconds", 2700.0),
                new java.util.HashMap<>(Map.of("planning_group_id", "pg-1", "media_type", "chat", "t", "00:00",
                        "forecast_offered", 3.0, "forecast_aht_seconds", 600.0)) {{
                    put("scheduled_on_queue_seconds", null);
                }});
        // Asked again: updated in place.
        job().fetch(BU, LocalDate.parse("2026-03-02"));
        assertThat(store.jdbc.queryForObject("SELECT count(*) FROM wfm_intraday", Integer.class)).isEqualTo(3);
        fake.server.verify(4, postRequestedFor(urlEqualTo(BASE)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
