package io.streamvane.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.odata.ODataProperties;
import io.streamvane.egress.powerbi.PowerBiProperties;
import io.streamvane.egress.rabbit.RabbitSinkProperties;
import io.streamvane.egress.retention.RetentionProperties;
import io.streamvane.egress.wallboard.WallboardProperties;
import io.streamvane.egress.wfm.WfmProperties;
import io.streamvane.platform.settings.SettingsCheckAutoConfiguration;
import io.streamvane.platform.settings.UnknownSettingsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Egress's settings bind with the defaults its README lists; a typo or an out-of-range value stops the start. */
class EgressSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    SettingsCheckAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void everySettingBindsWithItsDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DeliveryProperties delivery = context.getBean(DeliveryProperties.class);
            assertThat(delivery.pollInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(delivery.maxAttempts()).isEqualTo(12);
            assertThat(delivery.startFrom()).isEqualTo(DeliveryProperties.StartFrom.BEGINNING);
            RetentionProperties retention = context.getBean(RetentionProperties.class);
            assertThat(retention.interval()).isEqualTo(Duration.ofHours(1));
            assertThat(retention.initialDelay()).isEqualTo(Duration.ofMinutes(1));
            assertThat(context.getBean(WallboardProperties.class).maxStreams()).isEqualTo(500);
            assertThat(context.getBean(ODataProperties.class).maxPageSize()).isEqualTo(1000);
            assertThat(context.getBean(QueryProperties.class).statementTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(context.getBean(PowerBiProperties.class).postsPerMinute()).isEqualTo(120);
            assertThat(context.getBean(RabbitSinkProperties.class).exchange()).isEqualTo("streamvane.kpi");
            assertThat(context.getBean(WfmProperties.class).feeds()).isEmpty();
        });
    }

    @Test
    void aMisspeltKeyFailsTheStartNamingIt() {
        runner.withPropertyValues("streamvane.egress.delivery.retention.dead-letterd=10d").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.egress.delivery.retention.dead-letterd"));
        // Moved to the one settings tree: every row and the wallboard show streamvane.kpi.sl-target now.
        runner.withPropertyValues("streamvane.egress.wallboard.default-sl-target=0.8").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.egress.wallboard.default-sl-target"));
        // Removed with the one settings tree: the idle timeout is streamvane.kpi.source-idle-timeout now.
        runner.withPropertyValues("streamvane.egress.delivery.source-idle-timeout=30m").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.egress.delivery.source-idle-timeout"));
    }

    @Test
    void anOutOfRangeValueFailsTheStartNamingTheSetting() {
        runner.withPropertyValues("streamvane.egress.powerbi.posts-per-minute=500").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("postsPerMinute"));
        runner.withPropertyValues("streamvane.egress.wfm.feeds[0].name=wfm", "streamvane.egress.wfm.feeds[0].batch-size=0")
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("url"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DeliveryProperties.class, RetentionProperties.class, WallboardProperties.class,
            ODataProperties.class, PowerBiProperties.class, RabbitSinkProperties.class, WfmProperties.class,
            QueryProperties.class})
    static class Settings {
    }
}
