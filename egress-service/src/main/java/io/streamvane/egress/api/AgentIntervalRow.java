package io.streamvane.egress.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.streamvane.model.kpi.AgentComponents;
import io.streamvane.model.kpi.AgentMetric;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.ServiceLevelSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * One agent × bucket row: the components of the {@link AgentMetric} catalogue (handle components, time in each routing
 * status, time in each system presence), AHT and occupancy.
 */
@Schema(example = """
        {"userId":"u-ann","intervalStart":"2025-01-01T10:00:00Z","intervalEnd":"2025-01-01T10:15:00Z","handled":3,
         "handleMs":900000,"talkMs":700000,"holdMs":50000,"acwMs":150000,"idleMs":60000,"interactingMs":780000,
         "communicatingMs":0,"notRespondingMs":0,"offQueueMs":60000,"otherMs":0,"presenceAvailableMs":0,
         "presenceAwayMs":0,"presenceBusyMs":0,"presenceOfflineMs":0,"presenceIdleMs":0,"presenceOnQueueMs":840000,
         "presenceMealMs":0,"presenceTrainingMs":0,"presenceMeetingMs":0,"presenceBreakMs":60000,
         "presenceOtherMs":0,"ahtSeconds":300.0,
         "occupancy":0.9285714285714286,"utilization":0.8666666666666667,"final":true,"revision":2,"timeZone":"UTC"}""")
public record AgentIntervalRow(
        String userId,
        @Schema(description = "bucket start with the offset of the row's time zone") OffsetDateTime intervalStart,
        @Schema(description = "bucket end with the offset of the row's time zone") OffsetDateTime intervalEnd,
        long handled,
        long handleMs,
        long talkMs,
        long holdMs,
        long acwMs,
        long idleMs,
        long interactingMs,
        long communicatingMs,
        long notRespondingMs,
        long offQueueMs,
        long otherMs,
        long presenceAvailableMs,
        long presenceAwayMs,
        long presenceBusyMs,
        long presenceOfflineMs,
        long presenceIdleMs,
        long presenceOnQueueMs,
        long presenceMealMs,
        long presenceTrainingMs,
        long presenceMeetingMs,
        long presenceBreakMs,
        long presenceOtherMs,
        Double ahtSeconds,
        @Schema(description = "INTERACTING / (INTERACTING + IDLE + COMMUNICATING) time, 0..1") Double occupancy,
        @Schema(description = "INTERACTING time / logged-in time (any presence but Offline), 0..1") Double utilization,
        @JsonProperty("final") boolean isFinal,
        long revision,
        @Schema(description = "IANA time zone whose local period the row is: the deployment's default")
        String timeZone) {

    /** The row of {@code c}; AHT and occupancy from their one definition each. */
    static AgentIntervalRow of(String userId, OffsetDateTime start, OffsetDateTime end, AgentComponents c,
            boolean isFinal, long revision, String timeZone) {
        IntervalComponents handle = IntervalComponents.builder().handled(c.get(AgentMetric.HANDLED))
                .handleMs(c.get(AgentMetric.HANDLE_MS)).build();
        Double aht = DerivedKpis.of(handle, ServiceLevelSettings.DEFAULTS).ahtSeconds();
        return new AgentIntervalRow(userId, start, end, c.get(AgentMetric.HANDLED), c.get(AgentMetric.HANDLE_MS),
                c.get(AgentMetric.TALK_MS), c.get(AgentMetric.HOLD_MS), c.get(AgentMetric.ACW_MS),
                c.get(AgentMetric.IDLE_MS), c.get(AgentMetric.INTERACTING_MS), c.get(AgentMetric.COMMUNICATING_MS),
                c.get(AgentMetric.NOT_RESPONDING_MS), c.get(AgentMetric.OFF_QUEUE_MS), c.get(AgentMetric.OTHER_MS),
                c.get(AgentMetric.PRESENCE_AVAILABLE_MS), c.get(AgentMetric.PRESENCE_AWAY_MS),
                c.get(AgentMetric.PRESENCE_BUSY_MS), c.get(AgentMetric.PRESENCE_OFFLINE_MS),
                c.get(AgentMetric.PRESENCE_IDLE_MS), c.get(AgentMetric.PRESENCE_ON_QUEUE_MS),
                c.get(AgentMetric.PRESENCE_MEAL_MS), c.get(AgentMetric.PRESENCE_TRAINING_MS),
                c.get(AgentMetric.PRESENCE_MEETING_MS), c.get(AgentMetric.PRESENCE_BREAK_MS),
                c.get(AgentMetric.PRESENCE_OTHER_MS), aht, c.occupancy(), c.utilization(), isFinal, revision, timeZone);
    }
}
