package io.streamvane.model.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs a unit of work in one JDBC transaction: commit when it returns, roll back when it throws, the connection's
 * auto-commit mode restored either way.
 *
 * <p>A unit that fails with {@link StoreFailure#RETRY_NOW} (deadlock, serialization failure) is redone whole, on a
 * fresh connection, up to the attempts this instance was built with. Writers lock rows in one key order, so a lost
 * race is rare, but the store makes no promise, and redoing a unit that touches only the store is safe. A unit with
 * effects outside the store (a sink call, a counter) runs with one attempt.
 */
public final class Transactions {

    /** Work inside a transaction, on its connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Attempts per unit unless the caller says otherwise: a race lost a few times in a row still completes. */
    public static final int DEFAULT_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final int attempts;

    public Transactions(DataSource dataSource) {
        this(dataSource, DEFAULT_ATTEMPTS);
    }

    /** @param attempts how often a unit runs at most; 1 runs it once, for a unit that must not be redone */
    public Transactions(DataSource dataSource, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.attempts = attempts;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction on a connection of its own and returns what it returned, once committed.
     *
     * @throws SQLException nothing was committed (classify it with {@link StoreFailure#of}); also when the commit
     *                      itself failed with a lost connection, whose outcome the database alone knows
     */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                return inTransaction(c, work);
            } catch (SQLException | RuntimeException failure) {
                if (attempt < attempts && StoreFailure.of(failure) == StoreFailure.RETRY_NOW) {
                    continue;
                }
                throw failure;
            }
        }
    }

    /**
     * Runs {@code work} once in one transaction on the caller's connection, which is left open. The connection
     * should have no transaction open: whatever it has is committed or rolled back with the work.
     */
    public static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (Throwable failure) {
            try {
                c.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            restoreAutoCommit(c, autoCommit);
            throw failure;
        }
        restoreAutoCommit(c, autoCommit);
        return result;
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // The transaction has ended, so this is not the unit's failure; a broken connection is the pool's to drop.
        }
    }
}
