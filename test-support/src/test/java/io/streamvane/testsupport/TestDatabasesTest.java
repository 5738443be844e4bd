package io.streamvane.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestDatabasesTest {

    @Test
    void choosesTheLocalServerWhenDockerIsAbsentAndLocalPostgresAnswers() {
        assumeTrue(Env.forcedBackend().isEmpty(), "backend forced by STREAMVANE_TEST_BACKEND");
        assumeTrue(!Docker.available(), "Docker is available here, so containers are chosen");
        // A missing service, unlike the two choices above: CI (CI=true) must have one, so there this fails.
        TestDatabases.PostgresServer local = TestDatabases.PostgresServer.local();
        Preconditions.require(local.answers(), () -> "no local PostgreSQL here (" + local.describe()
                + "; STREAMVANE_TEST_PG_HOST/_PORT/_USER/_PASSWORD)");

        assertThat(TestDatabases.backend()).isEqualTo(Backend.LOCAL);
    }

    @Test
    void eachCallGivesItsOwnEmptyDatabase() throws SQLException {
        TestDatabase first = TestDatabases.fresh();
        TestDatabase second = TestDatabases.fresh();

        assertThat(first.databaseName()).startsWith("sv_test_").isNotEqualTo(second.databaseName());
        try (Connection c = first.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE only_in_first (x int)");
        }
        try (Connection c = second.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('only_in_first') IS NULL, current_database()")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getString(2)).isEqualTo(second.databaseName());
        }
    }

    @Test
    void springPropertiesNameTheDatasource() {
        TestDatabase db = TestDatabases.fresh();

        assertThat(db.springProperties())
                .containsEntry("spring.datasource.url", db.jdbcUrl())
                .containsEntry("spring.datasource.username", db.username())
                .containsEntry("spring.datasource.password", db.password());
    }
}
