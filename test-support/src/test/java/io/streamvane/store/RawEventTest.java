package io.streamvane.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawEventTest {

    private Jdbc jdbc;

    @BeforeEach
    void migratedDatabase() {
        jdbc = new Jdbc(TestDatabases.freshMigrated().dataSource());
    }

    private int insert(String identity, String eventTime) throws Exception {
        return jdbc.update("""
                INSERT INTO raw_event (identity_digest, identity_key, topic_kind, topic_name, event_time, source, body)
                VALUES (sha256(convert_to(?, 'UTF8')), ?, 'acd.start', 'v2.detail.events.conversation.c1.acd.start',
                        ?::timestamptz, 'http', '{"conversationId":"c1"}'::jsonb)
                ON CONFLICT (identity_digest, event_time) DO NOTHING""", identity, identity, eventTime);
    }

    private String partitionOf(String identity) throws Exception {
        return (String) jdbc.value("SELECT tableoid::regclass::text FROM raw_event WHERE identity_key = ?", identity);
    }

    @Test
    void aDuplicateEventInsertsNothing() throws Exception {
        String now = jdbc.value("SELECT now()::text").toString();

        assertThat(insert("acd.start|c1|s1|t", now)).isEqualTo(1);
        assertThat(insert("acd.start|c1|s1|t", now)).isZero();
        assertThat(jdbc.count("SELECT count(*) FROM raw_event")).isEqualTo(1);
    }

    @Test
    void dailyPartitionsCoverAWindowAroundTodayAndTheDefaultCatchesTheRest() throws Exception {
        for (int offset : new int[] {-35, -1, 0, 1, 14}) {
            assertThat(jdbc.value("SELECT to_regclass('raw_event_p' || to_char(current_date + ?, 'YYYYMMDD'))", offset))
                    .as("partition for today%+d", offset).isNotNull();
        }
        insert("today", jdbc.value("SELECT (current_date::timestamp AT TIME ZONE 'UTC' + interval '1 hour')::text").toString());
        insert("long-ago", "2001-02-03T04:05:06Z");

        assertThat(partitionOf("today")).startsWith("raw_event_p");
        assertThat(partitionOf("long-ago")).isEqualTo("raw_event_default");
    }

    @Test
    void creatingAPartitionMovesItsRowsOutOfTheDefaultAndDedupStillHolds() throws Exception {
        insert("long-ago", "2001-02-03T23:59:59Z");
        insert("next-day", "2001-02-04T00:00:00Z");

        assertThat(jdbc.value("SELECT streamvane_ensure_raw_partitions('2001-02-03', '2001-02-03')")).isEqualTo(1);
        assertThat(jdbc.value("SELECT streamvane_ensure_raw_partitions('2001-02-03', '2001-02-03')")).isEqualTo(0);

        assertThat(partitionOf("long-ago")).isEqualTo("raw_event_p20010203");
        assertThat(partitionOf("next-day")).isEqualTo("raw_event_default");
        assertThat(insert("long-ago", "2001-02-03T23:59:59Z")).isZero();
    }

    @Test
    void retentionDropsWholeDaysBeforeTheCutoffAndPurgesOldDefaultRows() throws Exception {
        jdbc.value("SELECT streamvane_ensure_raw_partitions('2001-02-01', '2001-02-03')");
        insert("in-dropped-day", "2001-02-01T12:00:00Z");
        insert("in-kept-day", "2001-02-03T12:00:00Z");
        insert("old-in-default", "2000-06-01T00:00:00Z");

        assertThat(jdbc.value("SELECT streamvane_drop_raw_partitions_before('2001-02-03')")).isEqualTo(2);

        assertThat(jdbc.value("SELECT to_regclass('raw_event_p20010201')")).isNull();
        assertThat(jdbc.value("SELECT to_regclass('raw_event_p20010202')")).isNull();
        assertThat(jdbc.value("SELECT to_regclass('raw_event_p20010203')")).isNotNull();
        assertThat(jdbc.rows("SELECT identity_key FROM raw_event ORDER BY identity_key"))
                .extracting(r -> r.get("identity_key")).containsExactly("in-kept-day");
    }
}
