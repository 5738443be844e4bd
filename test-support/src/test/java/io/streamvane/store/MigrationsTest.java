package io.streamvane.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static final List<String> TABLES = List.of(
            "raw_event", "engine_inbox", "queue_interval", "queue_interval_api", "agent_interval", "agent_segment",
            "acd_session", "agent_state", "routing_status_history", "queue_observation", "watermark",
            "kpi_change_log", "sink_cursor", "sink_delivery", "queue", "queue_media_sl", "app_user",
            "sl_settings_override", "ingest_gap", "shedlock");

    @Test
    void migrationsApplyOnAFreshDatabaseAndRerunningIsANoOp() {
        TestDatabase db = TestDatabases.fresh();
        Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations(TestDatabase.MIGRATIONS).load();

        MigrateResult first = flyway.migrate();
        MigrateResult again = flyway.migrate();

        assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(4);
        assertThat(again.migrationsExecuted).isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void everyStoreTableExistsAndSaysWhatItHolds() throws Exception {
        Jdbc jdbc = new Jdbc(TestDatabases.freshMigrated().dataSource());

        for (String table : TABLES) {
            assertThat(jdbc.value("SELECT obj_description(to_regclass(?)::oid, 'pg_class')", table))
                    .as("comment on %s", table).isNotNull();
        }
        assertThat(jdbc.count("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname IN ('public', 'reporting') AND c.relkind IN ('r', 'p', 'v')
                  AND NOT c.relispartition AND c.relname <> 'flyway_schema_history'
                  AND obj_description(c.oid, 'pg_class') IS NULL""")).as("relations without a comment").isZero();
    }

    @Test
    void reportingSchemaHasTheStableViewsAndDimensions() throws Exception {
        Jdbc jdbc = new Jdbc(TestDatabases.freshMigrated().dataSource());

        for (String relation : List.of("queue_interval", "agent_interval", "queue_realtime", "dim_queue", "dim_agent",
                "dim_date", "dim_media_type")) {
            assertThat(jdbc.value("SELECT to_regclass(?)", "reporting." + relation)).as(relation).isNotNull();
        }
        assertThat(jdbc.value("SELECT date FROM reporting.dim_date WHERE date_key = 20240229").toString())
                .isEqualTo("2024-02-29");
        assertThat(jdbc.value("SELECT media_type_key FROM reporting.dim_media_type WHERE media_type = 'voice'"))
                .isEqualTo(1);
    }
}
