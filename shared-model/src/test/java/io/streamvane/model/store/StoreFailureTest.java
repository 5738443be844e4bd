package io.streamvane.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreFailureTest {

    /** Shaped like Spring's DataAccessExceptions: a runtime exception of its own that carries the SQLException. */
    private static final class DataAccessLikeException extends RuntimeException {
        DataAccessLikeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static SQLException state(String sqlState) {
        return new SQLException("failure " + sqlState, sqlState);
    }

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01"})
    void serializationFailureAndDeadlockAreRedoneAtOnce(String sqlState) {
        assertThat(StoreFailure.of(state(sqlState))).isEqualTo(StoreFailure.RETRY_NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08003", "08004", "08006", "08P01"})
    void connectionExceptionsOfClass08MeanUnavailable(String sqlState) {
        assertThat(StoreFailure.of(state(sqlState))).isEqualTo(StoreFailure.UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"57P01", "57P02", "57P03", "57P05", "57014"})
    void aServerShuttingDownOrEndingTheSessionOrCancellingTheStatementMeansUnavailable(String sqlState) {
        assertThat(StoreFailure.of(state(sqlState))).isEqualTo(StoreFailure.UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"53000", "53100", "53200", "53300", "53400"})
    void insufficientResourcesOfClass53MeanUnavailable(String sqlState) {
        assertThat(StoreFailure.of(state(sqlState))).isEqualTo(StoreFailure.UNAVAILABLE);
    }

    @Test
    void jdbcTransientAndRecoverableTypesMeanUnavailableWithoutAnySqlState() {
        Stream.of(new SQLTransientConnectionException("pool timeout"), new SQLTimeoutException("query timeout"),
                new SQLTransientException("transient"), new SQLRecoverableException("reconnect"))
                .forEach(e -> assertThat(StoreFailure.of(e)).as(e.toString()).isEqualTo(StoreFailure.UNAVAILABLE));
    }

    @Test
    void aTransientTypeCarryingASerializationFailureIsRedoneAtOnce() {
        assertThat(StoreFailure.of(new SQLTransientException("could not serialize", "40001")))
                .isEqualTo(StoreFailure.RETRY_NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"22P02", "23505", "23503", "42601", "42P01", "42501", "54001", "55P03", "XX000", "25P02"})
    void dataAndProgrammingErrorsAreDefects(String sqlState) {
        assertThat(StoreFailure.of(state(sqlState))).isEqualTo(StoreFailure.DEFECT);
    }

    @Test
    void failuresWithoutAnySqlCauseAreDefects() {
        assertThat(StoreFailure.of(new SQLException("no state"))).isEqualTo(StoreFailure.DEFECT);
        assertThat(StoreFailure.of(new IllegalStateException("bug"))).isEqualTo(StoreFailure.DEFECT);
        assertThat(StoreFailure.of(new NullPointerException())).isEqualTo(StoreFailure.DEFECT);
    }

    @Test
    void theCauseChainIsWalkedThroughWrappers() {
        assertThat(StoreFailure.of(new RuntimeException("outer", new IllegalStateException("inner",
                state("40P01"))))).isEqualTo(StoreFailure.RETRY_NOW);
        assertThat(StoreFailure.of(new DataAccessLikeException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("pool timeout")))).isEqualTo(StoreFailure.UNAVAILABLE);
        assertThat(StoreFailure.of(new DataAccessLikeException("bad SQL grammar", state("42601"))))
                .isEqualTo(StoreFailure.DEFECT);
    }

    @Test
    void aStateThatTellsNothingLetsItsCauseDecide() {
        SQLException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", 0, new int[0],
                state("08006"));
        assertThat(StoreFailure.of(batch)).isEqualTo(StoreFailure.UNAVAILABLE);
    }

    @Test
    void theOutermostTellingFailureDecides() {
        SQLException deadlock = new SQLException("deadlock detected", "40P01", state("08006"));
        assertThat(StoreFailure.of(deadlock)).isEqualTo(StoreFailure.RETRY_NOW);
    }

    @Test
    void aSuppressedRollbackFailureDoesNotDecide() {
        SQLException defect = state("23505");
        defect.addSuppressed(state("08006"));
        assertThat(StoreFailure.of(defect)).isEqualTo(StoreFailure.DEFECT);
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(StoreFailure.of(a)).isEqualTo(StoreFailure.DEFECT);
    }
}
