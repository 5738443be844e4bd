package io.streamvane.ingress.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.ingress.StoreRows;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawPartitionMaintenanceTest {

    private DataSource dataSource;
    private StoreRows rows;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.freshMigrated().dataSource();
        rows = new StoreRows(dataSource);
    }

    private RawPartitionMaintenance at(LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new RawPartitionMaintenance(dataSource, new DedupHorizon(Duration.ofDays(35)), Duration.ofDays(14), clock);
    }

    /** The store's today: the migration created the first partitions by it, whatever the JVM's clock says. */
    private LocalDate storeToday() {
        return LocalDate.parse(rows.queryString("SELECT (now() AT TIME ZONE 'UTC')::date::text"));
    }

    private boolean partitionExists(LocalDate day) {
        return rows.queryString("SELECT to_regclass('raw_event_p" + day.toString().replace("-", "") + "') IS NOT NULL")
                .equals("t");
    }

    @Test
    void keepsRetentionDaysBehindAndLookaheadDaysAheadAndDropsOlderDays() throws Exception {
        LocalDate today = storeToday().plusDays(40);

        var run = at(today).runOnce().orElseThrow();

        assertThat(partitionExists(today.plusDays(14))).isTrue();
        assertThat(partitionExists(today.minusDays(35))).isTrue();
        assertThat(partitionExists(today.minusDays(36))).isFalse();
        assertThat(run.created()).isEqualTo(40);
        assertThat(run.dropped()).isEqualTo(40);
        assertThat(rows.count("FROM pg_inherits WHERE inhparent = 'raw_event'::regclass AND inhrelid::regclass::text ~ '^raw_event_p'"))
                .isEqualTo(35 + 1 + 14);
    }

    @Test
    void secondRunChangesNothing() throws Exception {
        LocalDate today = storeToday();
        at(today).runOnce();

        var again = at(today).runOnce().orElseThrow();

        assertThat(again.created()).isZero();
        assertThat(again.dropped()).isZero();
    }

    @Test
    void runIsSkippedWhileAnotherReplicaHoldsTheJob() throws Exception {
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('streamvane_raw_partition_job'))");

            assertThat(at(storeToday().plusDays(40)).runOnce()).isEmpty();

            other.rollback();
        }
        assertThat(at(storeToday().plusDays(40)).runOnce()).isPresent();
    }
}
