package io.streamvane.engine.finality;

import io.streamvane.model.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Flags ACD sessions waiting longer than the bound (default 4 h, SPEC §2) as expired, so a lost acd.end does not
 * inflate waiting and longest wait forever. A late acd.end still completes the row.
 */
public final class AcdSessionExpiry {

    private final Transactions tx;
    private final Duration expireAfter;
    private final Clock clock;

    public AcdSessionExpiry(Transactions tx, Duration expireAfter, Clock clock) {
        this.tx = tx;
        this.expireAfter = expireAfter;
        this.clock = clock;
    }

    /** Returns how many sessions it expired. */
    public int expire() throws SQLException {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE acd_session SET expired = true, updated_at = now() "
                    + "WHERE ended_at IS NULL AND NOT expired AND started_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant().minus(expireAfter)));
                return ps.executeUpdate();
            }
        });
    }
}
