package io.streamvane.scheduler.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A recorded ingest gap with its fill progress, as {@code GET /gaps} lists it. Field names are the {@code ingest_gap}
 * columns, snake_case, as the endpoint has always answered.
 */
record GapView(
        long id,
        String source,
        @JsonProperty("gap_start") @UtcMillis Instant gapStart,
        @JsonProperty("gap_end") @UtcMillis Instant gapEnd,
        String status,
        int attempts,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("recorded_at") @UtcMillis Instant recordedAt,
        @JsonProperty("filled_at") @UtcMillis Instant filledAt,
        @JsonProperty("chunks_done") long chunksDone,
        @JsonProperty("chunks_planned") long chunksPlanned) {

    static GapView from(ResultSet rs, int row) throws SQLException {
        return new GapView(rs.getLong("id"), rs.getString("source"), instant(rs, "gap_start"), instant(rs, "gap_end"),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "recorded_at"),
                instant(rs, "filled_at"), rs.getLong("chunks_done"), rs.getLong("chunks_planned"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
