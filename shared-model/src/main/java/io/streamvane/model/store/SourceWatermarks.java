package io.streamvane.model.store;

import io.streamvane.model.kpi.Watermark;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The per-source watermark rows ({@code watermark}): the one statement that advances a source, its value computed by
 * {@link Watermark#advancedTo} (max event time − allowed lateness) and kept monotonic with {@code GREATEST}, so
 * concurrent replicas never move it back. {@link EffectiveWatermark} combines the sources.
 */
public final class SourceWatermarks {

    private static final String ADVANCE = """
            INSERT INTO watermark AS w (source, max_event_time, watermark, updated_at)
            VALUES (?, ?, ?, now())
            ON CONFLICT (source) DO UPDATE
               SET max_event_time = GREATEST(w.max_event_time, EXCLUDED.max_event_time),
                   watermark = GREATEST(w.watermark, EXCLUDED.watermark),
                   updated_at = now()
             WHERE w.max_event_time IS NULL OR w.max_event_time < EXCLUDED.max_event_time
            """;

    private SourceWatermarks() {
    }

    /**
     * Raises {@code source}'s watermark for a newly seen {@code maxEventTime}, in the caller's transaction. Locks the
     * source's row until commit, so callers do it last in their transaction.
     */
    public static void advance(Connection c, String source, Instant maxEventTime, Duration allowedLateness)
            throws SQLException {
        Instant watermark = Watermark.NONE.advancedTo(maxEventTime, allowedLateness).value();
        try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
            ps.setString(1, source);
            ps.setTimestamp(2, Timestamp.from(maxEventTime));
            ps.setTimestamp(3, Timestamp.from(watermark));
            ps.executeUpdate();
        }
    }
}
