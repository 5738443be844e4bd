package io.streamvane.ingress.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.dao.QueryTimeoutException;

class StoreFailuresTest {

    @Test
    void connectionExceptionsAndTransientFailuresMeanUnavailable() {
        assertThat(StoreFailures.isUnavailable(new SQLException("refused", "08001"))).isTrue();
        assertThat(StoreFailures.isUnavailable(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(StoreFailures.isUnavailable(new SQLException("too many", "53300"))).isTrue();
        assertThat(StoreFailures.isUnavailable(new SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(StoreFailures.isUnavailable(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(StoreFailures.isUnavailable(new QueryTimeoutException("slow"))).isTrue();
        assertThat(StoreFailures.isUnavailable(new RuntimeException("wrapped", new SQLException("io", "08006"))))
                .isTrue();
    }

    @Test
    void dataAndProgrammingErrorsAreNotUnavailability() {
        assertThat(StoreFailures.isUnavailable(new SQLException("bad json", "22P02"))).isFalse();
        assertThat(StoreFailures.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
        assertThat(StoreFailures.isUnavailable(new IllegalArgumentException("bug"))).isFalse();
    }

    @Test
    void deadlocksAndSerializationFailuresAreRetriedAtOnce() {
        assertThat(StoreFailures.isRetryableNow(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(StoreFailures.isRetryableNow(new SQLException("serialization", "40001"))).isTrue();
        assertThat(StoreFailures.isRetryableNow(new SQLException("refused", "08001"))).isFalse();
    }
}
