package io.streamvane.model.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a failed store call means to its caller, told from the SQLStates and JDBC exception types in the failure's
 * cause chain. Every service classifies with {@link #of}: ingress answers 503 unless it is a {@link #DEFECT}, the
 * engine drops a poison event only for a {@link #DEFECT}, {@link Transactions} redoes a {@link #RETRY_NOW}.
 *
 * <p>The whole chain is walked because wrappers carry the {@link SQLException} as a cause: Spring's
 * {@code DataAccessException}s, connection pools, an unchecked rethrow inside a lambda. The first
 * throwable in the chain that is telling decides; a suppressed exception (a failed rollback) never does.
 */
public enum StoreFailure {

    /**
     * Serialization failure (40001) or deadlock (40P01): the transaction lost a race and was rolled back; redoing
     * the whole unit at once is expected to succeed.
     */
    RETRY_NOW,

    /**
     * The store cannot serve now and nothing was committed; try again later: a connection exception (class 08), the
     * server shutting down or ending the session (57P01..57P05), a cancelled statement (57014, a statement
     * timeout), insufficient resources (class 53: too many connections, disk full, out of memory), and the JDBC
     * transient and recoverable types, a pool timeout ({@link java.sql.SQLTransientConnectionException}) among them.
     */
    UNAVAILABLE,

    /** Anything else: a bug or data the store refuses. Redoing it gives the same answer. */
    DEFECT;

    private static final int MAX_DEPTH = 64;

    public static StoreFailure of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_DEPTH; t = t.getCause()) {
            StoreFailure verdict = telling(t);
            if (verdict != DEFECT) {
                return verdict;
            }
        }
        return DEFECT;
    }

    private static StoreFailure telling(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.equals("40001") || state.equals("40P01")) {
                return RETRY_NOW;
            }
            if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("57014")) {
                return UNAVAILABLE;
            }
        }
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return UNAVAILABLE;
        }
        return DEFECT;
    }
}
