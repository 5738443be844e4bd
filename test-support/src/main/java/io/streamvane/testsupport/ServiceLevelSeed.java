package io.streamvane.testsupport;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * A queue × media type's service-level goal written into {@code queue_media_sl} as the scheduler's reference sync
 * would, for tests and benchmarks whose truth uses those goals.
 */
public record ServiceLevelSeed(String queueId, String mediaType, Duration threshold, BigDecimal targetPercent) {

    public static void insertAll(DataSource dataSource, List<ServiceLevelSeed> seeds) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms, sl_target_percent, source) "
                        + "VALUES (?, ?, ?, ?, 'simulator')")) {
            for (ServiceLevelSeed seed : seeds) {
                ps.setString(1, seed.queueId());
                ps.setString(2, seed.mediaType());
                ps.setLong(3, seed.threshold().toMillis());
                ps.setBigDecimal(4, seed.targetPercent());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
