package io.streamvane.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamvane.model.store.StoreFailure;
import io.streamvane.model.store.Transactions;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    private DataSource ds;
    private Jdbc jdbc;
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void table() throws SQLException {
        ds = TestDatabases.fresh().dataSource();
        jdbc = new Jdbc(ds);
        jdbc.update("CREATE TABLE note (v text NOT NULL)");
    }

    private void write(Connection c, String v) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO note (v) VALUES (?)")) {
            ps.setString(1, v);
            ps.executeUpdate();
        }
    }

    /** A genuine server-side error with the given SQLState, as PgJDBC reports it. */
    private static void raise(Connection c, String sqlState) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN RAISE EXCEPTION 'raised' USING ERRCODE = '" + sqlState + "'; END $$");
        }
    }

    private List<Object> notes() throws SQLException {
        return jdbc.rows("SELECT v FROM note ORDER BY v").stream().map(r -> r.get("v")).toList();
    }

    @Test
    void whatTheWorkWroteIsCommittedAndItsResultReturned() throws SQLException {
        int result = new Transactions(ds).inTransaction(c -> {
            attempts.incrementAndGet();
            write(c, "a");
            write(c, "b");
            return 42;
        });

        assertThat(result).isEqualTo(42);
        assertThat(attempts).hasValue(1);
        assertThat(notes()).containsExactly("a", "b");
    }

    @Test
    void aDefectRollsBackEverythingTheWorkWroteAndIsNotRedone() throws SQLException {
        assertThatThrownBy(() -> new Transactions(ds).inTransaction(c -> {
            attempts.incrementAndGet();
            write(c, "a");
            raise(c, "22012");
            return null;
        })).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22012");
            assertThat(StoreFailure.of(e)).isEqualTo(StoreFailure.DEFECT);
        });

        assertThat(attempts).hasValue(1);
        assertThat(jdbc.count("SELECT count(*) FROM note")).isZero();
    }

    @Test
    void aRuntimeExceptionRollsBackToo() throws SQLException {
        assertThatThrownBy(() -> new Transactions(ds).inTransaction(c -> {
            write(c, "a");
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bug");

        assertThat(jdbc.count("SELECT count(*) FROM note")).isZero();
    }

    @Test
    void aSerializationFailureIsRedoneOnceThenCommittedWithoutTheFirstAttemptsWrites() throws SQLException {
        String result = new Transactions(ds).inTransaction(c -> {
            int attempt = attempts.incrementAndGet();
            write(c, "attempt " + attempt);
            if (attempt == 1) {
                raise(c, "40001");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
        assertThat(notes()).containsExactly("attempt 2");
    }

    @Test
    void aDeadlockIsRedoneNoMoreOftenThanTheAttemptsAllow() throws SQLException {
        assertThatThrownBy(() -> new Transactions(ds, 3).inTransaction(c -> {
            write(c, "attempt " + attempts.incrementAndGet());
            raise(c, "40P01");
            return null;
        })).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("40P01"));

        assertThat(attempts).hasValue(3);
        assertThat(jdbc.count("SELECT count(*) FROM note")).isZero();
    }

    @Test
    void oneAttemptRunsTheWorkOnceEvenForALostRace() {
        assertThatThrownBy(() -> new Transactions(ds, 1).inTransaction(c -> {
            attempts.incrementAndGet();
            raise(c, "40001");
            return null;
        })).isInstanceOf(SQLException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void onTheCallersConnectionItCommitsOrRollsBackAndRestoresAutoCommit() throws SQLException {
        try (Connection c = ds.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();

            boolean autoCommitInside = Transactions.inTransaction(c, tx -> {
                write(tx, "kept");
                return tx.getAutoCommit();
            });
            assertThat(autoCommitInside).isFalse();
            assertThat(c.getAutoCommit()).isTrue();

            assertThatThrownBy(() -> Transactions.inTransaction(c, tx -> {
                write(tx, "rolled back");
                raise(tx, "23505");
                return null;
            })).isInstanceOf(SQLException.class);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isClosed()).isFalse();
        }
        assertThat(notes()).containsExactly("kept");
    }
}
