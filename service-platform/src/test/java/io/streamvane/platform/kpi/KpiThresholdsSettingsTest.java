package io.streamvane.platform.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.model.kpi.AlertMetric;
import io.streamvane.model.kpi.AlertPolicy;
import io.streamvane.model.kpi.AlertThreshold;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.platform.settings.SettingsCheckAutoConfiguration;
import io.streamvane.platform.settings.UnknownSettingsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * {@code streamvane.kpi.thresholds} binds in every service with the layering of service level; a misordered pair,
 * also one made across layers, or a fraction out of 0..1 stops the start naming the property to fix.
 */
class KpiThresholdsSettingsTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    SettingsCheckAutoConfiguration.class, KpiSettingsAutoConfiguration.class));

    @Test
    void withoutThresholdsTheDefaultsApply() {
        service.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AlertPolicy.class)).isEqualTo(AlertPolicy.DEFAULTS);
        });
    }

    @Test
    void theIssuesExampleBindsLayerByLayerAndStaysOutOfThePublishedSettings() {
        service.withPropertyValues(
                        "streamvane.kpi.thresholds.service-level.warning=0.8",
                        "streamvane.kpi.thresholds.service-level.critical=0.6",
                        "streamvane.kpi.thresholds.longest-wait.warning=60s",
                        "streamvane.kpi.thresholds.longest-wait.critical=180s",
                        "streamvane.kpi.thresholds.waiting.warning=5",
                        "streamvane.kpi.thresholds.waiting.critical=15",
                        "streamvane.kpi.thresholds.abandon-rate.warning=0.05",
                        "streamvane.kpi.thresholds.abandon-rate.critical=0.10",
                        "streamvane.kpi.thresholds.asa.warning=30s",
                        "streamvane.kpi.thresholds.asa.critical=90s",
                        "streamvane.kpi.thresholds.media-types.chat.longest-wait.warning=120s",
                        "streamvane.kpi.thresholds.media-types.chat.longest-wait.critical=300s",
                        "streamvane.kpi.thresholds.queues.q-vip.service-level.warning=0.95",
                        "streamvane.kpi.thresholds.queues.q-vip.service-level.critical=0.9",
                        "streamvane.kpi.thresholds.queue-media-types.q-vip.email.asa.critical=4h")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AlertPolicy policy = context.getBean(AlertPolicy.class);
                    assertThat(policy.resolve("q-1", "Chat").get(AlertMetric.LONGEST_WAIT))
                            .isEqualTo(new AlertThreshold(AlertMetric.LONGEST_WAIT, 120, 300));
                    assertThat(policy.resolve("q-1", "voice").get(AlertMetric.LONGEST_WAIT))
                            .isEqualTo(new AlertThreshold(AlertMetric.LONGEST_WAIT, 60, 180));
                    assertThat(policy.resolve("q-vip", "chat").get(AlertMetric.SERVICE_LEVEL))
                            .isEqualTo(new AlertThreshold(AlertMetric.SERVICE_LEVEL, 0.95, 0.9));
                    assertThat(policy.resolve("q-vip", "email").get(AlertMetric.ASA))
                            .isEqualTo(new AlertThreshold(AlertMetric.ASA, 30, 4 * 3600));
                    assertThat(policy.resolve("q-vip", "voice").get(AlertMetric.ASA))
                            .isEqualTo(new AlertThreshold(AlertMetric.ASA, 30, 90));
                    assertThat(policy.resolve("q-1", "voice").get(AlertMetric.WAITING))
                            .isEqualTo(new AlertThreshold(AlertMetric.WAITING, 5, 15));
                    // Presentation only: the settings every service compares through the store do not move.
                    assertThat(context.getBean(KpiSettings.class)).isEqualTo(KpiSettings.DEFAULTS);
                });
    }

    @Test
    void aMisspeltThresholdKeyFailsTheStartNamingIt() {
        service.withPropertyValues("streamvane.kpi.thresholds.queues.q-1.longest-wiat.warning=60s").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.kpi.thresholds.queues.q-1.longest-wiat.warning"));
    }

    @Test
    void aCriticalLevelBetterThanItsWarningFailsTheStartNamingTheProperty() {
        service.withPropertyValues("streamvane.kpi.thresholds.service-level.warning=0.6",
                "streamvane.kpi.thresholds.service-level.critical=0.8").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageStartingWith("streamvane.kpi.thresholds.service-level: ")
                        .hasMessageContaining("below is worse"));
        service.withPropertyValues("streamvane.kpi.thresholds.media-types.chat.waiting.warning=20",
                "streamvane.kpi.thresholds.media-types.chat.waiting.critical=10").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageStartingWith("streamvane.kpi.thresholds.media-types.chat.waiting: "));
    }

    @Test
    void aPairMisorderedWithTheLevelItInheritsFailsTheStartNamingTheLayer() {
        // 0.85 alone is a fine critical level, but below the 0.8 warning the queue inherits it is not.
        service.withPropertyValues("streamvane.kpi.thresholds.queues.q-1.service-level.critical=0.85").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageStartingWith("streamvane.kpi.thresholds.queues.q-1.service-level: "));
        service.withPropertyValues("streamvane.kpi.thresholds.longest-wait.critical=30s").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageStartingWith("streamvane.kpi.thresholds.longest-wait: ")
                        .hasMessageContaining("above is worse"));
    }

    @Test
    void aFractionOutsideZeroToOneOrANegativeWaitFailsTheStartNamingIt() {
        service.withPropertyValues("streamvane.kpi.thresholds.abandon-rate.warning=1.5").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageStartingWith("streamvane.kpi.thresholds.abandon-rate.warning: ")
                        .hasMessageContaining("from 0 to 1"));
        service.withPropertyValues("streamvane.kpi.thresholds.queue-media-types.q-1.email.service-level.critical=-0.1")
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith(
                        "streamvane.kpi.thresholds.queue-media-types.q-1.email.service-level.critical: "));
        service.withPropertyValues("streamvane.kpi.thresholds.asa.warning=-5s").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageStartingWith("streamvane.kpi.thresholds.asa.warning: "));
    }
}
