package io.streamvane.egress.delivery;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.Rollup;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the current interval row for a key from {@code queue_interval_effective} (the gap policy applied, like the
 * API), rolled up to the sink's granularity with {@link Rollup}. A coarse row is final when every existing bucket is
 * final and either its last base bucket exists (finality follows the watermark in time order, so a final last bucket
 * means no earlier bucket can still be open) or the watermark has passed the coarse row's end (a base bucket without
 * events has no row and never becomes final itself: a PT30M half-hour whose second quarter was quiet).
 */
final class IntervalRows {

    private static final String SELECT = "SELECT e.interval_start, e.offered, e.answered, e.answered_within_sl, "
            + "e.abandoned, e.short_abandoned, e.flow_outs, e.answer_wait_ms, e.abandon_wait_ms, e.handled, "
            + "e.handle_ms, e.talk_ms, e.hold_ms, e.acw_ms, e.revision, e.is_final, q.name "
            + "FROM queue_interval_effective e LEFT JOIN queue q ON q.queue_id = e.queue_id "
            + "WHERE e.queue_id = ? AND e.media_type = ? AND e.interval_start >= ? AND e.interval_start < ?";

    private IntervalRows() {
    }

    /**
     * @param watermark the effective finality watermark ({@link DeliveryStore#watermark}); {@link Instant#MIN} when
     *                  no source is active
     */
    static Optional<QueueIntervalPayload> read(Connection c, String queueId, String mediaType, Instant start,
            Granularity granularity, ServiceLevelPolicy policy, Instant watermark) throws SQLException {
        Instant end = start.plus(granularity.duration());
        Instant lastBase = end.minus(Granularity.DEFAULT_BASE.duration());
        Map<Instant, IntervalComponents> base = new HashMap<>();
        int revision = 0;
        boolean allFinal = true;
        boolean lastPresent = false;
        String queueName = null;
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, queueId);
            ps.setString(2, mediaType);
            ps.setTimestamp(3, Timestamp.from(start));
            ps.setTimestamp(4, Timestamp.from(end));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant s = rs.getTimestamp(1).toInstant();
                    base.put(s, new IntervalComponents(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                            rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)));
                    revision += rs.getInt(15);
                    allFinal &= rs.getBoolean(16);
                    lastPresent |= s.equals(lastBase);
                    queueName = rs.getString(17);
                }
            }
        }
        if (base.isEmpty()) {
            return Optional.empty();
        }
        IntervalComponents components = granularity == Granularity.DEFAULT_BASE
                ? base.values().iterator().next()
                : Rollup.rollUp(base, granularity).firstEntry().getValue();
        return Optional.of(new QueueIntervalPayload(queueId, queueName, mediaType, start, granularity, components,
                policy.resolve(queueId, mediaType), revision, allFinal && (lastPresent || !watermark.isBefore(end))));
    }
}
