package io.streamvane.scheduler.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One non-zero drift between the event-derived value and the Genesys aggregate, as {@code GET /drift} lists it. Field
 * names are the {@code reconcile_drift} columns, snake_case, as the endpoint has always answered.
 */
record DriftRow(
        @JsonProperty("queue_id") String queueId,
        @JsonProperty("media_type") String mediaType,
        @JsonProperty("interval_start") @UtcMillis Instant intervalStart,
        @JsonProperty("interval_end") @UtcMillis Instant intervalEnd,
        String pass,
        String metric,
        @JsonProperty("events_value") long eventsValue,
        @JsonProperty("api_value") long apiValue,
        long drift,
        @JsonProperty("exceeds_tolerance") boolean exceedsTolerance,
        boolean adopted,
        @JsonProperty("checked_at") @UtcMillis Instant checkedAt) {

    static DriftRow from(ResultSet rs, int row) throws SQLException {
        return new DriftRow(rs.getString("queue_id"), rs.getString("media_type"),
                GapView.instant(rs, "interval_start"), GapView.instant(rs, "interval_end"), rs.getString("pass"),
                rs.getString("metric"), rs.getLong("events_value"), rs.getLong("api_value"), rs.getLong("drift"),
                rs.getBoolean("exceeds_tolerance"), rs.getBoolean("adopted"), GapView.instant(rs, "checked_at"));
    }
}
