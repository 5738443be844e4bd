package io.streamvane.ingress.pipeline;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Tells a store failure worth retrying later (the database is away or busy) from a defect. */
final class StoreFailures {

    /** Serialization failure and deadlock: retrying the same transaction at once is expected to succeed. */
    private static final Set<String> RETRY_NOW = Set.of("40001", "40P01");

    private StoreFailures() {
    }

    /**
     * Connectivity and availability: SQLState class 08 (connection exception), 57P01..57P03 (shutdown, cannot
     * connect now), 53300 (too many connections), the JDBC and Spring transient types, and a pool that
     * could not hand out a connection.
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                        || RETRY_NOW.contains(state)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static boolean isRetryableNow(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && RETRY_NOW.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
