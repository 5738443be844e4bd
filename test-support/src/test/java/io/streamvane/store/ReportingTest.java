package io.streamvane.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.kpi.QueueTimeZones;
import io.streamvane.model.store.KpiSettingsStore;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportingTest {

    private DataSource ds;
    private Jdbc jdbc;

    @BeforeEach
    void migratedDatabaseWithOneInterval() throws Exception {
        ds = TestDatabases.freshMigrated().dataSource();
        jdbc = new Jdbc(ds);
        jdbc.update("INSERT INTO queue (queue_id, name) VALUES ('q1', 'Support')");
        jdbc.update(insertInterval("queue_interval"));
        publish(KpiSettings.DEFAULTS);
    }

    /** What a service's start-up writes: the views read the settings from there. */
    private void publish(KpiSettings settings) throws SQLException {
        try (Connection c = ds.getConnection()) {
            KpiSettingsStore.publish(c, settings, KpiSettingsStore.Role.OWNER, "test");
        }
    }

    private static String insertInterval(String table) {
        return "INSERT INTO " + table + """
                 (queue_id, media_type, interval_start, interval_end, offered, answered, answered_within_sl,
                  abandoned, short_abandoned, answer_wait_ms, handled, handle_ms, revision, is_final)
                VALUES ('q1', 'voice', '2025-01-01T10:00:00Z', '2025-01-01T10:15:00Z', 12, 10, 8, 2, 1, 50000, 10,
                        3000000, 3, true)""";
    }

    private Map<String, Object> queueRow() throws SQLException {
        List<Map<String, Object>> rows = jdbc.rows("SELECT * FROM reporting.queue_interval");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void queueIntervalViewDerivesKpisWithTheSpecDefaults() throws Exception {
        Map<String, Object> row = queueRow();

        assertThat((Double) row.get("service_level")).isCloseTo(8.0 / 11, within(1e-12));
        assertThat((Double) row.get("asa_seconds")).isCloseTo(5.0, within(1e-12));
        assertThat((Double) row.get("aht_seconds")).isCloseTo(300.0, within(1e-12));
        assertThat((Double) row.get("abandon_rate")).isCloseTo(2.0 / 12, within(1e-12));
        assertThat(row).containsEntry("queue_name", "Support")
                .containsEntry("interval_minutes", 15)
                .containsEntry("date_key", 20250101)
                .containsEntry("media_type_key", 1)
                .containsEntry("source", "events")
                .containsEntry("revision", 3)
                .containsEntry("is_final", true);
        assertThat(((Number) row.get("sl_threshold_seconds")).doubleValue()).isEqualTo(20.0);
    }

    @Test
    void dateKeyAndLocalTimesFollowTheQueuesSiteTimeZone() throws Exception {
        assertThat(queueRow()).containsEntry("time_zone", "UTC").containsEntry("date_key", 20250101);
        // 2025-01-01 10:00Z is 2025-01-01 05:00 in New York and 2025-01-01 21:00 in Sydney; 23:30Z is the next day
        // in Sydney and still the same one in New York.
        jdbc.update("UPDATE queue_interval SET interval_start = '2025-01-01T23:30:00Z', "
                + "interval_end = '2025-01-01T23:45:00Z'");
        publish(KpiSettings.DEFAULTS.withTimeZones(new QueueTimeZones(ZoneId.of("America/New_York"),
                Map.of("q1", ZoneId.of("Australia/Sydney")))));
        assertThat(queueRow()).containsEntry("time_zone", "Australia/Sydney").containsEntry("date_key", 20250102)
                .containsEntry("interval_start_local", Timestamp.valueOf("2025-01-02 10:30:00"));
        publish(KpiSettings.DEFAULTS.withTimeZones(new QueueTimeZones(ZoneId.of("America/New_York"), Map.of())));
        assertThat(queueRow()).containsEntry("time_zone", "America/New_York").containsEntry("date_key", 20250101)
                .containsEntry("interval_end_local", Timestamp.valueOf("2025-01-01 18:45:00"));
    }

    @Test
    void derivedValuesAreNullWhenTheirDenominatorIsZero() throws Exception {
        jdbc.update("UPDATE queue_interval SET offered = 0, answered = 0, abandoned = 0, short_abandoned = 0, handled = 0");

        Map<String, Object> row = queueRow();

        assertThat(row.get("service_level")).isNull();
        assertThat(row.get("asa_seconds")).isNull();
        assertThat(row.get("aht_seconds")).isNull();
        assertThat(row.get("abandon_rate")).isNull();
    }

    @Test
    void overridesAndGenesysThresholdsChangeTheSettingsTheViewUses() throws Exception {
        publish(KpiSettings.DEFAULTS.withServiceLevel(ServiceLevelPolicy.builder()
                .global(ServiceLevelOverride.NONE.withExcludeShortAbandons(false)).build().layers()));
        jdbc.update("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms) VALUES ('q1', 'voice', 30000)");

        Map<String, Object> row = queueRow();

        assertThat((Double) row.get("service_level")).isCloseTo(8.0 / 12, within(1e-12));
        assertThat(((Number) row.get("sl_threshold_seconds")).doubleValue()).isEqualTo(30.0);
    }

    @Test
    void everyRowCarriesTheSlTargetGenesysSetsOnTheQueueElseThePublishedDefault() throws Exception {
        assertThat(queueRow()).containsEntry("sl_target", 0.8);
        publish(KpiSettings.DEFAULTS.withSlTarget(0.75));
        assertThat(queueRow()).containsEntry("sl_target", 0.75);
        jdbc.update("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms, sl_target_percent) "
                + "VALUES ('q1', 'voice', 20000, 90)");
        assertThat(queueRow()).containsEntry("sl_target", 0.9);
        try (Connection c = ds.getConnection()) {
            assertThat(KpiSettingsStore.targets(c).of("q1", "voice")).isEqualTo(0.9);
            assertThat(KpiSettingsStore.targets(c).of("q2", "voice")).isEqualTo(0.75);
        }
    }

    @Test
    void apiComponentsReplaceEventsOnlyForIntervalsOverlappingAGap() throws Exception {
        jdbc.update(insertInterval("queue_interval_api"));
        jdbc.update("UPDATE queue_interval_api SET offered = 99");
        assertThat(queueRow()).containsEntry("source", "events").containsEntry("offered", 12L);

        jdbc.update("""
                INSERT INTO ingest_gap (source, gap_start, gap_end, status)
                VALUES ('websocket', '2025-01-01T10:05:00Z', '2025-01-01T10:06:00Z', 'filled')""");

        assertThat(queueRow()).containsEntry("source", "api").containsEntry("offered", 99L);
    }

    @Test
    void agentIntervalViewDerivesOccupancy() throws Exception {
        jdbc.update("""
                INSERT INTO agent_interval (user_id, interval_start, interval_end, handled, handle_ms, interacting_ms,
                                            idle_ms, communicating_ms)
                VALUES ('u1', '2025-01-01T10:00:00Z', '2025-01-01T10:15:00Z', 2, 600000, 600000, 200000, 100000)""");

        Map<String, Object> row = jdbc.rows("SELECT * FROM reporting.agent_interval").get(0);

        assertThat((Double) row.get("occupancy")).isCloseTo(600000.0 / 900000, within(1e-12));
        assertThat((Double) row.get("aht_seconds")).isCloseTo(300.0, within(1e-12));
    }

    @Test
    void agentDayHasLoggedInTimeAndTheFirstLogInAndLastLogOutOfTheSitesDay() throws Exception {
        // Sydney (+11:00 in January): 10:00Z on 1 January is 21:00 that day, 22:00Z is 09:00 on 2 January; the agent
        // logs out at 06:00Z (17:00 on 2 January).
        publish(KpiSettings.DEFAULTS.withTimeZones(new QueueTimeZones(ZoneId.of("Australia/Sydney"), Map.of())));
        jdbc.update("""
                INSERT INTO presence_history (user_id, started_at, status, ended_at, counted_until) VALUES
                    ('u1', '2025-01-01T10:00:00Z', 'OFFLINE', '2025-01-01T22:00:00Z', NULL),
                    ('u1', '2025-01-01T22:00:00Z', 'ON_QUEUE', '2025-01-02T01:00:00Z', NULL),
                    ('u1', '2025-01-02T01:00:00Z', 'BREAK', '2025-01-02T01:15:00Z', NULL),
                    ('u1', '2025-01-02T01:15:00Z', 'ON_QUEUE', '2025-01-02T06:00:00Z', NULL),
                    ('u1', '2025-01-02T06:00:00Z', 'OFFLINE', NULL, '2025-01-02T07:00:00Z')""");
        jdbc.update("""
                INSERT INTO agent_interval (user_id, interval_start, interval_end, handled, presence_on_queue_ms,
                                            presence_offline_ms, idle_ms, interacting_ms, is_final) VALUES
                    ('u1', '2025-01-01T10:00:00Z', '2025-01-01T10:15:00Z', 0, 0, 900000, 0, 0, true),
                    ('u1', '2025-01-01T22:00:00Z', '2025-01-01T22:15:00Z', 1, 900000, 0, 300000, 600000, true)""");
        jdbc.update("""
                INSERT INTO agent_interval (user_id, interval_start, interval_end, presence_break_ms, is_final)
                VALUES ('u1', '2025-01-02T01:00:00Z', '2025-01-02T01:15:00Z', 900000, false)""");

        List<Map<String, Object>> days = jdbc.rows("SELECT * FROM reporting.agent_day ORDER BY local_date");

        assertThat(days).hasSize(2);
        assertThat(days.get(0)).containsEntry("date_key", 20250101).containsEntry("logged_in_ms", 0L)
                .containsEntry("first_login", null)
                .containsEntry("last_logout", Timestamp.from(Instant.parse("2025-01-01T10:00:00Z")));
        assertThat(days.get(1)).containsEntry("date_key", 20250102).containsEntry("time_zone", "Australia/Sydney")
                .containsEntry("logged_in_ms", 1_800_000L).containsEntry("on_queue_ms", 900_000L)
                .containsEntry("break_ms", 900_000L).containsEntry("handled", 1L).containsEntry("is_final", false)
                .containsEntry("first_login", Timestamp.from(Instant.parse("2025-01-01T22:00:00Z")))
                .containsEntry("last_logout", Timestamp.from(Instant.parse("2025-01-02T06:00:00Z")));
        assertThat((Double) days.get(1).get("occupancy")).isCloseTo(600000.0 / 900000, within(1e-12));
        assertThat((Double) days.get(1).get("utilization")).isCloseTo(600000.0 / 1_800_000, within(1e-12));
    }

    @Test
    void realtimeViewCountsWaitingSessionsAndAgents() throws Exception {
        jdbc.update("""
                INSERT INTO acd_session (conversation_id, session_key, queue_id, media_type, started_at, ended_at)
                VALUES ('c1', 's1', 'q1', 'voice', now() - interval '30 seconds', NULL),
                       ('c2', 's2', 'q1', 'voice', now() - interval '10 seconds', NULL),
                       ('c3', 's3', 'q1', 'voice', now() - interval '60 seconds', now())""");
        jdbc.update("""
                INSERT INTO agent_state (user_id, presence, routing_status, active_queue_ids)
                VALUES ('u1', 'On Queue', 'IDLE', '{q1}'), ('u2', 'ON_QUEUE', 'INTERACTING', '{q1,q2}'),
                       ('u3', 'AVAILABLE', 'OFF_QUEUE', '{q1}')""");

        Map<String, Object> row = jdbc.rows("SELECT * FROM reporting.queue_realtime WHERE queue_id = 'q1'").get(0);

        assertThat(row).containsEntry("waiting", 2L).containsEntry("agents_on_queue", 2L).containsEntry("agents_available", 1L);
        assertThat((Long) row.get("longest_wait_seconds")).isBetween(29L, 40L);
    }

    @Test
    void realtimeInteractingCountsAnsweredSessionsWhoseAgentHasNotFinished() throws Exception {
        jdbc.update("""
                INSERT INTO acd_session (conversation_id, session_key, queue_id, media_type, started_at, ended_at, outcome)
                VALUES ('c1', 's1', 'q1', 'voice', now() - interval '5 minutes', now() - interval '4 minutes', 'ANSWERED'),
                       ('c2', 's2', 'q1', 'voice', now() - interval '5 minutes', now() - interval '3 minutes', 'ANSWERED'),
                       ('c3', 's3', 'q1', 'voice', now() - interval '5 minutes', now() - interval '2 minutes', 'ABANDON'),
                       ('c4', 's4', 'q1', 'voice', now() - interval '6 hours', now() - interval '5 hours', 'ANSWERED')""");
        jdbc.update("""
                INSERT INTO agent_segment (conversation_id, participant_id, queue_id, user_id, media_type, interacting,
                                           completion_time)
                VALUES ('c2', 'p2', 'q1', 'u2', 'voice', true, now() - interval '1 minute')""");

        Map<String, Object> row = jdbc.rows("SELECT * FROM reporting.queue_realtime WHERE queue_id = 'q1'").get(0);

        // c1 is still with its agent; c2's agent has finished; c3 was abandoned; c4 is past the 4 h bound.
        assertThat(row).containsEntry("interacting", 1L);

        // The bound is streamvane.kpi.acd-session-expiry as published, not a constant of the view.
        publish(new KpiSettings(KpiSettings.DEFAULTS.serviceLevel(), KpiSettings.DEFAULTS.baseGranularity(),
                KpiSettings.DEFAULTS.allowedLateness(), Duration.ofHours(8), KpiSettings.DEFAULTS.sourceIdleTimeout(),
                KpiSettings.DEFAULTS.timeZones(), KpiSettings.DEFAULTS.slTarget()));
        assertThat(jdbc.rows("SELECT * FROM reporting.queue_realtime WHERE queue_id = 'q1'").get(0))
                .containsEntry("interacting", 2L);
    }

    @Test
    void reportingRoleReadsTheViewsButCannotTouchBaseTables() throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            asReportingRole(c);
            assertThat(Jdbc.rows(c.createStatement().executeQuery("SELECT * FROM reporting.queue_interval"))).hasSize(1);
            assertThat(Jdbc.rows(c.createStatement().executeQuery("SELECT * FROM reporting.dim_date LIMIT 1"))).hasSize(1);
            c.rollback();

            for (String forbidden : List.of(
                    "SELECT * FROM queue_interval",
                    "INSERT INTO queue (queue_id, name) VALUES ('q2', 'Sales')",
                    "UPDATE queue_interval SET offered = 0",
                    "INSERT INTO reporting.dim_media_type VALUES (99, 'x', 'X')")) {
                asReportingRole(c);
                assertThatThrownBy(() -> c.createStatement().execute(forbidden))
                        .as(forbidden)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                c.rollback();
            }
        }
    }

    private static void asReportingRole(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL ROLE streamvane_reporting");
        }
    }
}
