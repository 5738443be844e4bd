package io.streamvane.egress.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox retention against a real PostgreSQL: rows are aged by setting their timestamps back. */
class OutboxRetentionTest {

    static final OutboxRetention.Limits LIMITS =
            new OutboxRetention.Limits(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(2), 5000);

    StoreFixture store;
    SimpleMeterRegistry meters;

    @BeforeEach
    void setUp() {
        store = new StoreFixture(TestDatabases.freshMigrated().dataSource());
        meters = new SimpleMeterRegistry();
    }

    OutboxRetention retention(OutboxRetention.Limits limits, String... sinks) {
        return new OutboxRetention(store.dataSource(), limits, List.of(sinks), meters);
    }

    void delivery(String payloadId, String status, String settledAgo) throws Exception {
        store.exec("INSERT INTO sink_delivery (sink, payload_id, row_key, revision, status, payload, updated_at) "
                + "VALUES ('wfm', ?, ?, 1, ?, '{}'::jsonb, now() - ?::interval)", payloadId, payloadId, status,
                settledAgo);
    }

    long change(String changedAgo) throws Exception {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kpi_change_log (row_kind, queue_id, media_type, interval_start, revision, is_final, "
                        + "changed_at) VALUES ('queue', 'q1', 'voice', now(), 1, false, now() - ?::interval) RETURNING id")) {
            ps.setString(1, changedAgo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void cursor(String sink, long lastChangeId) throws Exception {
        store.exec("INSERT INTO sink_cursor (sink_name, last_change_id) VALUES (?, ?)", sink, lastChangeId);
    }

    List<String> remaining(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    double deletedFrom(String table) {
        return meters.get("streamvane.sink.retention.deleted").tag("table", table).counter().count();
    }

    @Test
    void settledDeliveriesGoOncePastTheirLimitAndPendingOrInFlightOnesNeverDo() throws Exception {
        delivery("delivered-8d", "delivered", "8 days");
        delivery("delivered-6d", "delivered", "6 days");
        delivery("superseded-8d", "superseded", "8 days");
        delivery("superseded-6d", "superseded", "6 days");
        delivery("dead-31d", "dead_lettered", "31 days");
        delivery("dead-29d", "dead_lettered", "29 days");
        delivery("dead-8d", "dead_lettered", "8 days"); // dead letters have the longer limit
        delivery("pending-90d", "pending", "90 days");
        delivery("in-flight-90d", "in_flight", "90 days");

        OutboxRetention.Purged purged = retention(LIMITS, "wfm").runOnce();

        assertThat(purged.deliveries()).isEqualTo(3);
        assertThat(remaining("SELECT payload_id FROM sink_delivery")).containsExactlyInAnyOrder("delivered-6d",
                "superseded-6d", "dead-29d", "dead-8d", "pending-90d", "in-flight-90d");
        assertThat(deletedFrom("sink_delivery")).isEqualTo(3);
        assertThat(deletedFrom("kpi_change_log")).isZero();
    }

    @Test
    void aLargeBacklogGoesInTransactionsOfTheBatchSize() throws Exception {
        store.exec("INSERT INTO sink_delivery (sink, payload_id, row_key, revision, status, payload, updated_at) "
                + "SELECT 'wfm', 'p' || i, 'p' || i, 1, 'delivered', '{}'::jsonb, now() - interval '8 days' "
                + "FROM generate_series(1, 250) i");

        OutboxRetention.Purged purged = retention(new OutboxRetention.Limits(Duration.ofDays(7), Duration.ofDays(30),
                Duration.ofDays(2), 100), "wfm").runOnce();

        assertThat(purged.deliveries()).isEqualTo(250);
        // delivered: 100 + 100 + 50; then one (empty) transaction each for superseded, dead-lettered, change log
        assertThat(purged.batches()).isEqualTo(6);
        assertThat(store.count("SELECT count(*) FROM sink_delivery")).isZero();
        assertThat(deletedFrom("sink_delivery")).isEqualTo(250);
    }

    @Test
    void aDeliveryLockedByAReplayIsLeftForTheNextRunWithoutWaiting() throws Exception {
        delivery("replaying", "delivered", "8 days");
        delivery("idle", "delivered", "8 days");
        try (Connection replay = store.dataSource().getConnection()) {
            replay.setAutoCommit(false);
            try (PreparedStatement ps = replay.prepareStatement("UPDATE sink_delivery SET status = 'pending', "
                    + "updated_at = now() WHERE payload_id = 'replaying'")) {
                ps.executeUpdate();
            }
            OutboxRetention.Purged purged = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> retention(LIMITS, "wfm").runOnce());
            assertThat(purged.deliveries()).isEqualTo(1);
            replay.commit();
        }
        retention(LIMITS, "wfm").runOnce();
        assertThat(remaining("SELECT payload_id || ':' || status FROM sink_delivery"))
                .containsExactly("replaying:pending");
    }

    @Test
    void changeLogGoesUpToTheSlowestConfiguredSinksCursorAndOnlyOncePastItsAge() throws Exception {
        long[] id = new long[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = change(i == 2 ? "1 day" : "3 days"); // the third row is too young to go
        }
        cursor("fast", id[7]);
        cursor("slow", id[4]);
        cursor("removed", 0); // no longer configured here: holds nothing back

        OutboxRetention.Purged purged = retention(LIMITS, "fast", "slow", "not-started-yet").runOnce();

        assertThat(purged.changeLog()).isEqualTo(4); // ids 0, 1, 3, 4
        assertThat(remaining("SELECT id FROM kpi_change_log ORDER BY id")).containsExactly(
                String.valueOf(id[2]), String.valueOf(id[5]), String.valueOf(id[6]), String.valueOf(id[7]));
        assertThat(deletedFrom("kpi_change_log")).isEqualTo(4);
    }

    @Test
    void withoutAConfiguredSinkTheChangeLogIsTrimmedByAgeAlone() throws Exception {
        change("3 days");
        change("3 days");
        long young = change("1 day");
        cursor("elsewhere", 0);

        OutboxRetention.Purged purged = retention(LIMITS).runOnce();

        assertThat(purged.changeLog()).isEqualTo(2);
        assertThat(remaining("SELECT id FROM kpi_change_log")).containsExactly(String.valueOf(young));
    }

    @Test
    void aReplicaFindingAnotherOnePurgingDeletesNothing() throws Exception {
        delivery("old", "delivered", "8 days");
        change("3 days");
        try (Connection other = store.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext('streamvane_sink_retention'))")) {
                ps.execute();
            }
            assertThat(retention(LIMITS).runOnce()).isEqualTo(new OutboxRetention.Purged(0, 0, 0));
            other.commit();
        }
        assertThat(retention(LIMITS).runOnce()).isEqualTo(new OutboxRetention.Purged(1, 1, 4));
    }
}
