package io.streamvane.ingress.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.model.store.StoreFailure;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Shared-model's {@link StoreFailure} knows no Spring. What Spring's JDBC translators make of an {@link SQLException}
 * carries it as the cause, so a Spring-wrapped failure means to ingress what the bare one means: 503 unless a defect.
 */
class SpringWrappedStoreFailuresTest {

    private static final List<SQLExceptionTranslator> SPRING = List.of(
            new SQLErrorCodeSQLExceptionTranslator("PostgreSQL"), new SQLExceptionSubclassTranslator(),
            new SQLStateSQLExceptionTranslator());

    private static final Map<SQLException, StoreFailure> FAILURES = Map.ofEntries(
            Map.entry(new SQLException("refused", "08001"), StoreFailure.UNAVAILABLE),
            Map.entry(new SQLException("I/O error", "08006"), StoreFailure.UNAVAILABLE),
            Map.entry(new SQLException("admin shutdown", "57P01"), StoreFailure.UNAVAILABLE),
            Map.entry(new SQLException("statement timeout", "57014"), StoreFailure.UNAVAILABLE),
            Map.entry(new SQLException("too many connections", "53300"), StoreFailure.UNAVAILABLE),
            Map.entry(new SQLTransientConnectionException("pool timeout"), StoreFailure.UNAVAILABLE),
            Map.entry(new SQLTimeoutException("query timeout"), StoreFailure.UNAVAILABLE),
            Map.entry(new SQLException("serialization", "40001"), StoreFailure.RETRY_NOW),
            Map.entry(new SQLException("deadlock", "40P01"), StoreFailure.RETRY_NOW),
            Map.entry(new SQLException("bad json", "22P02"), StoreFailure.DEFECT),
            Map.entry(new SQLException("duplicate key", "23505"), StoreFailure.DEFECT),
            Map.entry(new SQLException("syntax", "42601"), StoreFailure.DEFECT));

    @Test
    void whatSpringTranslatesAFailureToMeansWhatTheFailureMeans() {
        FAILURES.forEach((failure, meaning) -> {
            assertThat(StoreFailure.of(failure)).as(failure.toString()).isEqualTo(meaning);
            for (SQLExceptionTranslator translator : SPRING) {
                DataAccessException translated = translator.translate("store", "INSERT", failure);
                if (translated == null) { // the SQLState translator, given no SQLState: JdbcTemplate's last fallback
                    assertThat(failure.getSQLState()).as(translator + " on " + failure).isNull();
                    continue;
                }
                assertThat(StoreFailure.of(translated)).as(translated.toString()).isEqualTo(meaning);
            }
        });
    }

    @Test
    void aConnectionSpringCouldNotObtainMeansUnavailable() {
        assertThat(StoreFailure.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("pool timeout")))).isEqualTo(StoreFailure.UNAVAILABLE);
        assertThat(StoreFailure.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("refused", "08001")))).isEqualTo(StoreFailure.UNAVAILABLE);
    }

    @Test
    void aFailureWrappedInAnyRuntimeExceptionMeansWhatItMeans() {
        assertThat(StoreFailure.of(new RuntimeException("wrapped", new SQLException("io", "08006"))))
                .isEqualTo(StoreFailure.UNAVAILABLE);
        assertThat(StoreFailure.of(new IllegalArgumentException("bug"))).isEqualTo(StoreFailure.DEFECT);
    }
}
