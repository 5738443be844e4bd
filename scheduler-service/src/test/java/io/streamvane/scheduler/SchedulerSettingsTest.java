package io.streamvane.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.platform.settings.SettingsCheckAutoConfiguration;
import io.streamvane.platform.settings.UnknownSettingsException;
import io.streamvane.scheduler.agents.UserAggregatesSettings;
import io.streamvane.scheduler.gapfill.GapFillSettings;
import io.streamvane.scheduler.genesys.GenesysProperties;
import io.streamvane.scheduler.jobs.JobsSettings;
import io.streamvane.scheduler.jobs.JobsSettings.FixedDelay;
import io.streamvane.scheduler.observe.ObservationPollSettings;
import io.streamvane.scheduler.reconcile.ReconcileSettings;
import io.streamvane.scheduler.reference.ReferenceSettings;
import io.streamvane.scheduler.wfm.WfmSettings;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The scheduler's settings records bind with the defaults its README lists (those application.yml used to repeat). */
class SchedulerSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SettingsCheckAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void everySettingBindsWithItsDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            GenesysProperties genesys = context.getBean(GenesysProperties.class);
            assertThat(genesys.environment()).isEqualTo("mypurecloud.com");
            assertThat(genesys.apiBaseUrl()).isEqualTo(URI.create("https://api.mypurecloud.com"));
            assertThat(genesys.loginBaseUrl()).isEqualTo(URI.create("https://login.mypurecloud.com"));
            assertThat(genesys.clientId()).isNull();
            assertThat(genesys.requestsPerMinute()).isEqualTo(300);
            assertThat(genesys.rateShare()).isEqualTo(0.5);
            assertThat(genesys.permittedPerMinute()).isEqualTo(150);
            assertThat(genesys.rateLimitWait()).isEqualTo(Duration.ofMinutes(2));
            assertThat(genesys.maxAttempts()).isEqualTo(6);
            assertThat(genesys.backoffBase()).isEqualTo(Duration.ofSeconds(3));
            assertThat(genesys.backoffMax()).isEqualTo(Duration.ofSeconds(60));
            assertThat(genesys.defaultRetryAfter()).isEqualTo(Duration.ofSeconds(3));
            assertThat(genesys.maxRetryAfter()).isEqualTo(Duration.ofMinutes(5));
            assertThat(genesys.tokenRenewBefore()).isEqualTo(Duration.ofMinutes(5));
            assertThat(genesys.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(genesys.readTimeout()).isEqualTo(Duration.ofSeconds(60));

            assertThat(context.getBean(GapFillSettings.class))
                    .isEqualTo(new GapFillSettings(Duration.ofHours(1), Duration.ofMinutes(2), 500))
                    .isEqualTo(GapFillSettings.defaults());
            assertThat(context.getBean(ReconcileSettings.class)).isEqualTo(new ReconcileSettings(
                    List.of(new ReconcileSettings.Pass("T+1h", Duration.ofHours(1), false),
                            new ReconcileSettings.Pass("T+48h", Duration.ofHours(48), true)),
                    new ReconcileSettings.Tolerance(0, 0.0), Duration.ofHours(1), Duration.ofDays(2)))
                    .isEqualTo(ReconcileSettings.defaults());
            assertThat(context.getBean(ReferenceSettings.class)).isEqualTo(new ReferenceSettings(100));
            assertThat(context.getBean(ObservationPollSettings.class))
                    .isEqualTo(new ObservationPollSettings(Duration.ofMinutes(2), 100));
            assertThat(context.getBean(UserAggregatesSettings.class)).isEqualTo(new UserAggregatesSettings(
                    Duration.ofHours(1), Duration.ofDays(2), 100));
            assertThat(context.getBean(WfmSettings.class))
                    .isEqualTo(new WfmSettings(List.of(), ZoneId.of("UTC"), 1, 15));

            JobsSettings jobs = context.getBean(JobsSettings.class);
            assertThat(jobs.enabled()).isTrue();
            assertThat(jobs.lockAtMostFor()).isEqualTo(Duration.ofMinutes(30));
            assertThat(jobs.lockAtLeastFor()).isEqualTo(Duration.ofSeconds(5));
            Duration thirtySeconds = Duration.ofSeconds(30);
            assertThat(jobs.schedules()).containsExactly(
                    Map.entry("reference-sync", new FixedDelay(Duration.ofHours(1), thirtySeconds)),
                    Map.entry("gap-fill", new FixedDelay(Duration.ofMinutes(1), thirtySeconds)),
                    Map.entry("reconcile", new FixedDelay(Duration.ofMinutes(15), thirtySeconds)),
                    Map.entry("observation-poll", new FixedDelay(Duration.ofMinutes(1), thirtySeconds)),
                    Map.entry("user-aggregates", new FixedDelay(Duration.ofMinutes(15), thirtySeconds)),
                    Map.entry("wfm-intraday", new FixedDelay(Duration.ofMinutes(15), thirtySeconds)));
        });
    }

    @Test
    void aJobsOwnInitialDelayOverridesTheSharedOneAndAnUnsetEveryKeepsTheJobsDefault() {
        runner.withPropertyValues("streamvane.scheduler.jobs.initial-delay=PT5S",
                "streamvane.scheduler.jobs.reconcile.initial-delay=PT3M",
                "streamvane.scheduler.wfm.business-unit-ids=bu-1, ,bu-2,").run(context -> {
                    Map<String, FixedDelay> schedules = context.getBean(JobsSettings.class).schedules();
                    assertThat(schedules.get("reconcile"))
                            .isEqualTo(new FixedDelay(Duration.ofMinutes(15), Duration.ofMinutes(3)));
                    assertThat(schedules.get("gap-fill"))
                            .isEqualTo(new FixedDelay(Duration.ofMinutes(1), Duration.ofSeconds(5)));
                    assertThat(context.getBean(WfmSettings.class).businessUnitIds()).containsExactly("bu-1", "bu-2");
                });
    }

    @Test
    void aMisspeltKeyFailsTheStartNamingIt() {
        runner.withPropertyValues("streamvane.scheduler.user-aggregates.users-per-reqest=50").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.scheduler.user-aggregates.users-per-reqest"));
        runner.withPropertyValues("streamvane.scheduler.reconcile.passes[0].adopted=true").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.scheduler.reconcile.passes[0].adopted"));
    }

    @Test
    void anOutOfRangeValueFailsTheStartNamingTheSetting() {
        runner.withPropertyValues("streamvane.scheduler.genesys.rate-share=1.5").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("streamvane.scheduler.genesys").hasMessageContaining("rateShare"));
        runner.withPropertyValues("streamvane.scheduler.user-aggregates.users-per-request=101").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("usersPerRequest"));
        runner.withPropertyValues("streamvane.scheduler.genesys.default-retry-after=PT10M").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("max-retry-after must be at least default-retry-after"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GenesysProperties.class, GapFillSettings.class, ReconcileSettings.class,
            ReferenceSettings.class, ObservationPollSettings.class, UserAggregatesSettings.class, WfmSettings.class,
            JobsSettings.class})
    static class Settings {
    }
}
