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
 * sources updated within {@code sourceIdleTimeout}, so a source that fell silent stops holding finality back. Idleness
 * is judged on the store's clock, the one that stamps {@code watermark.updated_at}, so no service's clock is compared
 * with another's. The engine's finality sweep and every push sink read it here.
 */
public final class EffectiveWatermark {

    private static final String SELECT = "SELECT min(watermark) FROM watermark "
            + "WHERE watermark IS NOT NULL AND updated_at >= now() - make_interval(secs => ?)";

    private EffectiveWatermark() {
    }

    /** {@link Watermark#NONE} (nothing final) when no source is active. */
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
