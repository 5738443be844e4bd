package io.streamvane.ingress.guard;

import io.streamvane.model.store.SourceWatermarks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Advances each transport's event-time watermark ({@link SourceWatermarks}: max event time seen minus
 * {@code streamvane.kpi.allowed-lateness}, monotonic) as accepted events are stored.
 *
 * <p>Advancing locks the source's row until commit, so the store does it last in its transaction, and skips it
 * when this process already advanced the source at least as far (the common case of a batch of older events).
 *
 * <p>An event time further ahead of the receive time than {@code maxClockSkew} counts only up to that bound: the
 * event itself is stored and projected, but one event stamped hours ahead (a wrong clock, a scheduled shift end)
 * must not declare every interval until then final.
 */
public final class WatermarkTracker {

    /** A source's watermark as stored. */
    public record Watermark(String source, Instant maxEventTime, Instant watermark) {
    }

    /** How far ahead of the receive time an event time still counts in full. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(2);

    private final Duration allowedLateness;
    private final Duration maxClockSkew;
    private final Clock clock;
    private final Map<String, Instant> advancedTo = new ConcurrentHashMap<>();

    public WatermarkTracker(Duration allowedLateness, Duration maxClockSkew, Clock clock) {
        this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WatermarkTracker(Duration allowedLateness) {
        this(allowedLateness, DEFAULT_MAX_CLOCK_SKEW, Clock.systemUTC());
    }

    /** The event time a batch contributes to the watermark: its max, but no further than now + the clock skew. */
    Instant counted(Instant maxEventTime) {
        Instant bound = clock.instant().plus(maxClockSkew);
        return maxEventTime.isAfter(bound) ? bound : maxEventTime;
    }

    /** Raises the source's watermark to {@code maxEventTime - allowedLateness} within the caller's transaction. */
    void advance(Connection connection, String source, Instant maxEventTime) throws SQLException {
        Instant known = advancedTo.get(source);
        if (known != null && !maxEventTime.isAfter(known)) {
            return;
        }
        SourceWatermarks.advance(connection, source, maxEventTime, allowedLateness);
    }

    /** Called after commit: this process now knows the source is at least this far. */
    void advanced(String source, Instant maxEventTime) {
        advancedTo.merge(source, maxEventTime, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The stored watermark of a source, if it has one. */
    public static Optional<Watermark> read(DataSource dataSource, String source) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT max_event_time, watermark FROM watermark WHERE source = ?")) {
            select.setString(1, source);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp max = row.getTimestamp(1);
                Timestamp watermark = row.getTimestamp(2);
                return Optional.of(new Watermark(source, max == null ? null : max.toInstant(),
                        watermark == null ? null : watermark.toInstant()));
            }
        }
    }
}
