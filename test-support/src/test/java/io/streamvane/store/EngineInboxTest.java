package io.streamvane.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class EngineInboxTest {

    private static final String ENQUEUE = """
            INSERT INTO engine_inbox (raw_event_id, event_time, topic_kind, payload)
            VALUES (1, now(), 'acd.start', '{}'::jsonb), (2, now(), 'acd.end', '{}'::jsonb)""";
    private static final String CLAIM = "SELECT seq FROM engine_inbox ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED";

    private DataSource ds;

    @BeforeEach
    void migratedDatabase() {
        ds = TestDatabases.freshMigrated().dataSource();
    }

    @Test
    void enqueueingNotifiesListenersOnStreamvaneInbox() throws Exception {
        try (Connection listener = ds.getConnection(); Connection writer = ds.getConnection()) {
            try (Statement st = listener.createStatement()) {
                st.execute("LISTEN streamvane_inbox");
            }
            try (Statement st = writer.createStatement()) {
                st.executeUpdate(ENQUEUE);
            }

            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5000);

            assertThat(notifications).isNotNull().hasSize(1);
            assertThat(notifications[0].getName()).isEqualTo("streamvane_inbox");
        }
    }

    @Test
    void concurrentClaimersTakeDifferentRows() throws Exception {
        new Jdbc(ds).update(ENQUEUE);
        try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            long claimedByA = claim(a);
            long claimedByB = claim(b);

            assertThat(claimedByA).isNotEqualTo(claimedByB);
            a.rollback();
            b.rollback();
        }
    }

    private static long claim(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(CLAIM)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
