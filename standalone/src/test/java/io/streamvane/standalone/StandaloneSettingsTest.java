package io.streamvane.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.platform.settings.SettingsCheckAutoConfiguration;
import io.streamvane.platform.settings.UnknownSettings;
import io.streamvane.platform.settings.UnknownSettingsException;
import io.streamvane.standalone.demo.SimulatorProperties;
import io.streamvane.standalone.embedded.EmbeddedPostgresProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The single-process app holds every module, so here every declared setting is on the class path: the shipped
 * configuration must use only declared keys, and the platform's list of service namespaces must match them.
 */
class StandaloneSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SettingsCheckAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void theSimulatorAndEmbeddedDatabaseSettingsBindWithTheirDefaults() {
        runner.run(context -> {
            SimulatorProperties simulator = context.getBean(SimulatorProperties.class);
            assertThat(simulator.enabled()).isFalse();
            assertThat(simulator.speedup()).isEqualTo(60);
            assertThat(simulator.start()).isNull();
            assertThat(simulator.history()).isEqualTo(Duration.ofHours(2));
            assertThat(simulator.siteTimeZone()).isNull();
            assertThat(simulator.duration()).isEqualTo(Duration.ofDays(1));
            assertThat(simulator.seed()).isEqualTo(42);
            assertThat(simulator.arrivalRateScale()).isEqualTo(1.0);
            assertThat(simulator.faults()).isEqualTo(SimulatorProperties.Faults.NONE);
            assertThat(simulator.ingressUrl()).isNull();
            assertThat(simulator.apiKey()).isNull();
            assertThat(simulator.apiPort()).isZero();
            assertThat(simulator.apiRequestsPerMinute()).isEqualTo(300);
            assertThat(simulator.apiTokenLifetime()).isEqualTo(Duration.ofHours(24));
            assertThat(context.getBean(EmbeddedPostgresProperties.class))
                    .isEqualTo(new EmbeddedPostgresProperties(true, null));
        });
    }

    @Test
    void theDataDirectoryBindsAsAPath() {
        runner.withPropertyValues("streamvane.embedded-postgres.data-directory=/var/lib/streamvane-demo").run(context ->
                assertThat(context.getBean(EmbeddedPostgresProperties.class).dataDirectory())
                        .isEqualTo(Path.of("/var/lib/streamvane-demo")));
    }

    @Test
    void anOutOfRangeSimulatorSettingFailsTheStartNamingIt() {
        runner.withPropertyValues("streamvane.simulator.speedup=0").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("streamvane.simulator").hasMessageContaining("speedup"));
    }

    @Test
    void aMisspeltSimulatorKeyFailsTheStart() {
        runner.withPropertyValues("streamvane.simulator.arival-rate-scale=2").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("did you mean streamvane.simulator.arrival-rate-scale?"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application.yml", "application-demo.yml"})
    void everyKeyTheShippedConfigurationSetsIsDeclared(String file) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                .forEach(environment.getPropertySources()::addFirst);
        assertThat(UnknownSettings.in(environment, getClass().getClassLoader())).isEmpty();
    }

    @Test
    void theServiceNamespacesThePlatformKnowsAreExactlyThoseTheModulesDeclare() {
        assertThat(UnknownSettings.declaredNamespaces(getClass().getClassLoader()))
                .containsExactlyInAnyOrderElementsOf(UnknownSettings.SERVICE_NAMESPACES);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SimulatorProperties.class, EmbeddedPostgresProperties.class})
    static class Settings {
    }
}
