package io.streamvane.model.store;

import io.streamvane.model.kpi.Watermark;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;

/**
 * The effective finality watermark, read in the caller's transaction: the minimum stored {@code watermark} over the
 * sources updated within {@code sourceIdleTimeout}, so a source that fell silent stops holding finality back; when
 * every source is silent (a quiet night), none holds it back and the furthest one stands, so what was final stays
 * final for every reader instead of the whole history reading "not final" until the next event. Idleness
 * is judged on the store's clock, the one that stamps {@code watermark.updated_at}, so no service's clock is compared
 * with another's. The engine's finality sweep and every push sink read it here.
 */
public final class EffectiveWatermark {

    private static final String SELECT = """
            SELECT coalesce(min(watermark) FILTER (WHERE updated_at >= now() - make_interval(secs => ?)),
                            max(watermark))
            FROM watermark
            WHERE watermark IS NOT NULL""";

    private EffectiveWatermark() {
    }

    /** {@link Watermark#NONE} (nothing final) before any source has a watermark. */
    public static Watermark read(Connection c, Duration sourceIdleTimeout) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setDouble(1, sourceIdleTimeout.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null ? Watermark.NONE : new Watermark(t.toInstant());
            }
        }
    }
}
