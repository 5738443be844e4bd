package io.streamvane.platform.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.kpi.ServiceLevelSettings;
import io.streamvane.model.kpi.QueueTimeZones;
import io.streamvane.model.store.KpiSettingsStore;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** Every service binds streamvane.kpi the same way and refuses to start when the store holds other settings. */
class KpiSettingsPublicationTest {

    private TestDatabase db;
    private ApplicationContextRunner service;

    @BeforeEach
    void freshStore() {
        db = TestDatabases.freshMigrated();
        DataSource ds = db.dataSource();
        service = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                        KpiSettingsAutoConfiguration.class))
                .withBean(DataSource.class, () -> ds);
    }

    @Test
    void theFirstServicePublishesItsSettingsAndTheStoreGivesThemBack() {
        service.withPropertyValues("streamvane.kpi.service-level.sl-threshold=30s",
                        "streamvane.kpi.service-level.include-flow-outs=true",
                        "streamvane.kpi.service-level.media-types.Chat.sl-threshold=60s",
                        "streamvane.kpi.service-level.queues.q-1.include-abandons=false",
                        "streamvane.kpi.service-level.queue-media-types.q-1.email.sl-threshold=4h",
                        "streamvane.kpi.allowed-lateness=2m")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    KpiSettings configured = context.getBean(KpiSettings.class);
                    assertThat(context.getBean(KpiSettingsPublication.class).outcome().orElseThrow())
                            .isInstanceOf(KpiSettingsStore.Publication.Stored.class);
                    try (Connection c = db.dataSource().getConnection()) {
                        assertThat(KpiSettingsStore.read(c)).contains(configured);
                        ServiceLevelSettings email = KpiSettingsStore.policy(c).resolve("q-1", "EMAIL");
                        assertThat(email).isEqualTo(new ServiceLevelSettings(Duration.ofHours(4),
                                Duration.ofSeconds(10), false, true, true));
                        assertThat(KpiSettingsStore.policy(c).resolve("q-2", "chat").slThreshold())
                                .isEqualTo(Duration.ofSeconds(60));
                    }
                    assertThat(configured.allowedLateness()).isEqualTo(Duration.ofMinutes(2));
                });
    }

    @Test
    void siteTimeZonesArePublishedWithTheSettingsAndADifferentZoneRefusesTheStart() {
        service.withPropertyValues("streamvane.kpi.time-zone=America/New_York",
                        "streamvane.kpi.queue-time-zones.q-syd=Australia/Sydney")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    try (Connection c = db.dataSource().getConnection()) {
                        QueueTimeZones zones = KpiSettingsStore.timeZones(c);
                        assertThat(zones.of("q-syd")).isEqualTo(ZoneId.of("Australia/Sydney"));
                        assertThat(zones.of("q-other")).isEqualTo(ZoneId.of("America/New_York"));
                    }
                });
        service.withPropertyValues("streamvane.kpi.time-zone=America/New_York").run(second -> {
            assertThat(second).hasFailed();
            assertThat(second.getStartupFailure()).rootCause().hasMessageContaining("streamvane.kpi.queue-time-zones");
        });
    }

    @Test
    void theSlTargetIsPublishedAndOneOutsideZeroToOneStopsTheStart() {
        service.withPropertyValues("streamvane.kpi.sl-target=0.9").run(context -> {
            assertThat(context).hasNotFailed();
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(KpiSettingsStore.targets(c).of("q-1", "voice")).isEqualTo(0.9);
            }
        });
        service.withPropertyValues("streamvane.kpi.sl-target=1.5").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("slTarget"));
    }

    @Test
    void aTimeZoneThatIsAnOffsetOrSplitsABaseBucketStopsTheStartWhileBinding() {
        service.withPropertyValues("streamvane.kpi.time-zone=+05:30").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("not an IANA zone name"));
        service.withPropertyValues("streamvane.kpi.base-granularity=PT1H",
                "streamvane.kpi.queue-time-zones.q-in=Asia/Kolkata").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("queue-time-zones.q-in=Asia/Kolkata")
                        .hasMessageContaining("choose a finer base-granularity"));
        service.withPropertyValues("streamvane.kpi.queue-time-zones.q-in=Asia/Kolkata").run(context ->
                assertThat(context).hasNotFailed());
    }

    @Test
    void aServiceConfiguredDifferentlyRefusesToStartAndNamesTheKey() {
        service.withPropertyValues("streamvane.kpi.service-level.sl-threshold=30s").run(first ->
                assertThat(first).hasNotFailed());

        service.withPropertyValues("streamvane.kpi.service-level.sl-threshold=20s").run(second -> {
            assertThat(second).hasFailed();
            assertThat(second.getStartupFailure()).rootCause()
                    .hasMessageContaining("streamvane.kpi.service-level (global)")
                    .hasMessageContaining("slThreshold=PT20S").hasMessageContaining("slThreshold=PT30S");
        });
        service.withPropertyValues("streamvane.kpi.service-level.sl-threshold=30s").run(same ->
                assertThat(same).hasNotFailed());
    }

    @Test
    void theOwnerChangesTheStoredSettingsButNotTheGranularityOfStoredBuckets() throws SQLException {
        service.run(first -> assertThat(first).hasNotFailed());
        ApplicationContextRunner engine = service.withBean(KpiSettingsOwner.class, KpiSettingsOwner::new);

        engine.withPropertyValues("streamvane.kpi.source-idle-timeout=10m").run(context -> {
            assertThat(context).hasNotFailed();
            var outcome = (KpiSettingsStore.Publication.Changed) context.getBean(KpiSettingsPublication.class)
                    .outcome().orElseThrow();
            assertThat(outcome.previous()).isEqualTo(KpiSettings.DEFAULTS);
            assertThat(outcome.differences()).singleElement().asString()
                    .startsWith("streamvane.kpi.source-idle-timeout: configured PT10M, stored PT30M");
        });

        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO queue_interval (queue_id, media_type, interval_start, interval_end) "
                    + "VALUES ('q-1', 'voice', '2026-01-05T09:00:00Z', '2026-01-05T09:15:00Z')");
        }
        engine.withPropertyValues("streamvane.kpi.source-idle-timeout=10m", "streamvane.kpi.base-granularity=PT30M")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("streamvane.kpi.base-granularity: configured PT30M, stored PT15M");
                });
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(KpiSettingsStore.read(c).orElseThrow().baseGranularity()).isEqualTo(Granularity.PT15M);
        }
    }

    @Test
    void anOutOfRangeValueFailsAtStartup() {
        service.withPropertyValues("streamvane.kpi.allowed-lateness=-1m").run(c -> assertThat(c).hasFailed());
        service.withPropertyValues("streamvane.kpi.service-level.queues.q-1.sl-threshold=-5s")
                .run(c -> assertThat(c).hasFailed());
        service.withPropertyValues("streamvane.kpi.base-granularity=PT20M").run(c -> assertThat(c).hasFailed());
    }
}
