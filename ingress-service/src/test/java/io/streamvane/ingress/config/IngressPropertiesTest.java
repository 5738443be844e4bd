package io.streamvane.ingress.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.util.unit.DataSize;

class IngressPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngressProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void defaultsComeFromCode() {
        runner.run(context -> {
            IngressProperties properties = context.getBean(IngressProperties.class);
            assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
            assertThat(properties.maxBatchItems()).isEqualTo(10_000);
            assertThat(properties.rawRetention()).isEqualTo(Duration.ofDays(35));
            assertThat(properties.partitions().lookahead()).isEqualTo(Duration.ofDays(14));
            assertThat(properties.partitions().enabled()).isTrue();
        });
    }

    @Test
    void settingsBindFromProperties() {
        runner.withPropertyValues("streamvane.ingress.max-body-size=256KB", "streamvane.ingress.max-clock-skew=1m")
                .run(context -> {
                    assertThat(context.getBean(IngressProperties.class).maxBodySize()).isEqualTo(DataSize.ofKilobytes(256));
                    assertThat(context.getBean(IngressProperties.class).maxClockSkew()).isEqualTo(Duration.ofMinutes(1));
                });
    }

    @Test
    void invalidSettingsFailStartup() {
        runner.withPropertyValues("streamvane.ingress.max-clock-skew=-1m").run(context ->
                assertThat(context).hasFailed());
        runner.withPropertyValues("streamvane.ingress.max-batch-items=0").run(context ->
                assertThat(context).hasFailed());
        runner.withPropertyValues("streamvane.ingress.raw-retention=1h").run(context ->
                assertThat(context).hasFailed());
    }
}
