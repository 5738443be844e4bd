package io.streamvane.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.platform.settings.SettingsBinder;
import io.streamvane.platform.settings.SettingsCheckAutoConfiguration;
import io.streamvane.platform.settings.UnknownSettingsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class EngineSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SettingsCheckAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void everySettingBindsWithTheDefaultTheReadmeLists() {
        runner.run(context -> {
            EngineProperties engine = context.getBean(EngineProperties.class);
            assertThat(engine).isEqualTo(new EngineProperties(true, 2, 500, Duration.ofSeconds(1),
                    new EngineProperties.Finality(Duration.ofSeconds(5)),
                    new EngineProperties.AcdSessions(Duration.ofMinutes(1)),
                    new EngineProperties.ServiceLevel(Duration.ofMinutes(1)),
                    new EngineProperties.Replay(Duration.ofHours(1), Duration.ofHours(12), true, Duration.ofDays(2))));
            assertThat(SettingsBinder.defaults(EngineProperties.class)).isEqualTo(engine);
        });
    }

    @Test
    void aMisspeltKeyFailsTheStartNamingIt() {
        runner.withPropertyValues("streamvane.engine.replay.settings-change-horizont=1d").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.engine.replay.settings-change-horizont")
                        .hasMessageContaining("did you mean streamvane.engine.replay.settings-change-horizon?"));
    }

    @Test
    void anOutOfRangeValueFailsTheStartNamingTheSetting() {
        runner.withPropertyValues("streamvane.engine.workers=0").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("streamvane.engine").hasMessageContaining("workers"));
        runner.withPropertyValues("streamvane.engine.finality.sweep-interval=0s").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("finality.sweepInterval"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EngineProperties.class)
    static class Settings {
    }
}
