package io.streamvane.scheduler.wfm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.streamvane.scheduler.genesys.GenesysClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forecast (offered, AHT) and scheduled on-queue time per planning group, media and interval from the business-unit
 * intraday API (interfaces.md §3.5), into {@code wfm_intraday}. Per business unit and date: one
 * {@code GET …/intraday/planninggroups?date=} and one {@code POST …/intraday} per planning group (the response's
 * {@code intradayDataGroupings} sum over the requested groups, so one group per request keeps them apart).
 * Asked synchronously; an answer still {@code Processing} (its result would arrive on the notification topic) is
 * skipped and asked again next run. Genesys carries no actuals here: {@code queue_interval} supplies them.
 */
public class WfmIntraday {

    private static final Logger log = LoggerFactory.getLogger(WfmIntraday.class);

    public record Result(int planningGroups, long apiRequests, int rows, int pending) {
    }

    public record PlanningGroup(String id, String name) {
    }

    public record PlanningGroupListing(List<PlanningGroup> entities) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntradayRequest(String businessUnitDate, List<String> categories, List<String> planningGroupIds,
                                  Integer intervalLengthMinutes) {
    }

    public record ForecastData(Double offered, Double averageHandleTimeSeconds) {
    }

    public record ScheduleData(Double onQueueTimeSeconds) {
    }

    public record DataGrouping(String mediaType, List<ForecastData> forecastDataPerInterval,
                               List<ScheduleData> scheduleDataPerInterval) {
    }

    public record BuIntradayResponse(String startDate, String endDate, Integer intervalLengthMinutes, String noDataReason,
                                     List<DataGrouping> intradayDataGroupings) {
    }

    public record AsyncIntradayResponse(String status, String operationId, BuIntradayResponse result) {
    }

    private final GenesysClient client;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<String> businessUnitIds;
    private final ZoneId zone;
    private final int daysAhead;
    private final int intervalMinutes;

    public WfmIntraday(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
                       List<String> businessUnitIds, ZoneId zone, int daysAhead, int intervalMinutes) {
        this.client = client;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.businessUnitIds = List.copyOf(businessUnitIds);
        this.zone = zone;
        this.daysAhead = Math.max(0, daysAhead);
        this.intervalMinutes = intervalMinutes;
    }

    /** Today (in the business unit's zone) and {@code daysAhead} more, for every configured business unit. */
    public Result run() {
        Result total = new Result(0, 0, 0, 0);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        for (String bu : businessUnitIds) {
            for (int d = 0; d <= daysAhead; d++) {
                Result r = fetch(bu, today.plusDays(d));
                total = new Result(total.planningGroups() + r.planningGroups(), total.apiRequests() + r.apiRequests(),
                        total.rows() + r.rows(), total.pending() + r.pending());
            }
        }
        return total;
    }

    public Result fetch(String businessUnitId, LocalDate date) {
        String base = "/api/v2/workforcemanagement/businessunits/" + businessUnitId + "/intraday";
        PlanningGroupListing groups = client.get(base + "/planninggroups?date=" + date, PlanningGroupListing.class);
        long requests = 1;
        int rows = 0;
        int pending = 0;
        List<PlanningGroup> list = groups == null || groups.entities() == null ? List.of() : groups.entities();
        for (PlanningGroup pg : list) {
            AsyncIntradayResponse response = client.post(base, new IntradayRequest(date.toString(),
                    List.of("ForecastData", "ScheduleData"), List.of(pg.id()), intervalMinutes), AsyncIntradayResponse.class);
            requests++;
            if (response == null || response.result() == null || !"Complete".equalsIgnoreCase(response.status())) {
                log.info("WFM intraday {} {} {}: {} (asked again next run)", businessUnitId, pg.id(), date,
                        response == null ? "no answer" : response.status());
                pending++;
                continue;
            }
            rows += tx.execute(s -> store(businessUnitId, pg.id(), response.result()));
        }
        return new Result(list.size(), requests, rows, pending);
    }

    private int store(String bu, String planningGroup, BuIntradayResponse r) {
        if (r.startDate() == null || r.intradayDataGroupings() == null) {
            return 0; // noDataReason: NoPublishedSchedule / NoSourceForecast
        }
        Instant start = OffsetDateTime.parse(r.startDate()).toInstant();
        Duration step = Duration.ofMinutes(r.intervalLengthMinutes() == null ? intervalMinutes : r.intervalLengthMinutes());
        int n = 0;
        for (DataGrouping g : r.intradayDataGroupings()) {
            String media = g.mediaType() == null ? "" : g.mediaType().toLowerCase(Locale.ROOT);
            List<ForecastData> f = g.forecastDataPerInterval() == null ? List.of() : g.forecastDataPerInterval();
            List<ScheduleData> s = g.scheduleDataPerInterval() == null ? List.of() : g.scheduleDataPerInterval();
            for (int i = 0; i < Math.max(f.size(), s.size()); i++) {
                Instant is = start.plus(step.multipliedBy(i));
                ForecastData fd = i < f.size() ? f.get(i) : null;
                ScheduleData sd = i < s.size() ? s.get(i) : null;
                n += jdbc.update("""
                                INSERT INTO wfm_intraday (business_unit_id, planning_group_id, media_type, interval_start,
                                    interval_end, forecast_offered, forecast_aht_seconds, scheduled_on_queue_seconds)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                                ON CONFLICT (business_unit_id, planning_group_id, media_type, interval_start) DO UPDATE SET
                                    interval_end = excluded.interval_end, forecast_offered = excluded.forecast_offered,
                                    forecast_aht_seconds = excluded.forecast_aht_seconds,
                                    scheduled_on_queue_seconds = excluded.scheduled_on_queue_seconds, fetched_at = now()""",
                        bu, planningGroup, media, Timestamp.from(is), Timestamp.from(is.plus(step)),
                        fd == null ? null : fd.offered(), fd == null ? null : fd.averageHandleTimeSeconds(),
                        sd == null ? null : sd.onQueueTimeSeconds());
            }
        }
        return n;
    }
}
