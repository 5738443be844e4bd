package io.streamvane.ingress.guard;

import io.streamvane.model.store.StoreLocks;
import io.streamvane.model.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code raw_event}'s daily partitions rolling: ensures today−retention .. today+lookahead exist and drops the
 * days before today−retention (the dedup horizon is therefore the retention). Every replica may run it: a run
 * first takes a transaction-scoped advisory lock without waiting and skips when another replica holds it. The lock,
 * the creations and the drops are one transaction, redone whole after a deadlock.
 */
public final class RawPartitionMaintenance {

    /** What one run did; empty when another replica was running it. */
    public record Run(LocalDate from, LocalDate to, int created, int dropped) {
    }

    private static final Logger log = LoggerFactory.getLogger(RawPartitionMaintenance.class);
    private static final String JOB_LOCK = "SELECT pg_try_advisory_xact_lock(" + StoreLocks.RAW_PARTITION_JOB + ")";

    private final Transactions transactions;
    private final DedupHorizon horizon;
    private final Duration lookahead;
    private final Clock clock;

    public RawPartitionMaintenance(DataSource dataSource, DedupHorizon horizon, Duration lookahead, Clock clock) {
        this.transactions = new Transactions(Objects.requireNonNull(dataSource, "dataSource"));
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.lookahead = Objects.requireNonNull(lookahead, "lookahead");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<Run> runOnce() throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate oldest = horizon.oldestKeptDay(clock.instant());
        LocalDate newest = today.plusDays(lookahead.toDays());
        Optional<Run> run = transactions.inTransaction(connection -> {
            if (!queryBoolean(connection, JOB_LOCK)) {
                return Optional.empty();
            }
            int created = callInt(connection, "SELECT streamvane_ensure_raw_partitions(?, ?)", oldest, newest);
            int dropped = callInt(connection, "SELECT streamvane_drop_raw_partitions_before(?)", oldest, null);
            return Optional.of(new Run(oldest, newest, created, dropped));
        });
        if (run.isEmpty()) {
            log.debug("raw partition maintenance skipped: another replica is running it");
        } else {
            log.info("raw partitions {}..{}: {} created, {} dropped", oldest, newest, run.get().created(),
                    run.get().dropped());
        }
        return run;
    }

    private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static int callInt(Connection connection, String sql, LocalDate first, LocalDate second)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, first);
            if (second != null) {
                statement.setObject(2, second);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
