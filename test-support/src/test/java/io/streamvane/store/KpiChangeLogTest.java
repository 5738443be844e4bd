package io.streamvane.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class KpiChangeLogTest {

    private static final String CHANGE = """
            INSERT INTO kpi_change_log (row_kind, queue_id, media_type, interval_start, revision, is_final)
            VALUES ('queue', 'q1', 'voice', '2025-01-01T10:00:00Z', 1, false) RETURNING id""";

    @Test
    void aSecondWriterGetsItsIdOnlyAfterTheFirstCommitsSoIdOrderIsCommitOrder() throws Exception {
        DataSource ds = TestDatabases.freshMigrated().dataSource();
        Jdbc jdbc = new Jdbc(ds);
        try (Connection first = ds.getConnection()) {
            first.setAutoCommit(false);
            long firstId = insert(first);

            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
                try (Connection c = ds.getConnection()) {
                    return insert(c);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Until PostgreSQL shows the second writer queued on the lock. How long it takes to get there depends on
            // the machine, so the bound is generous; the verdict does not: the second writer must not finish first.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                assertThat(second).as("second writer must wait for the first to commit").isNotDone();
                return jdbc.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                        + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") > 0;
            });
            assertThat(jdbc.value("SELECT last_value FROM kpi_change_log_id_seq")).isEqualTo(firstId);

            first.commit();
            assertThat(second.get(60, TimeUnit.SECONDS)).isGreaterThan(firstId);
        }
    }

    private static long insert(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(CHANGE)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
