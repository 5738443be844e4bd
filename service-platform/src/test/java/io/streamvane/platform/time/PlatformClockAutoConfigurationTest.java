package io.streamvane.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PlatformClockAutoConfigurationTest {

    private static final Clock PINNED = Clock.fixed(Instant.parse("2025-03-30T01:30:00Z"), ZoneOffset.UTC);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformClockAutoConfiguration.class));

    @Test
    void everyServiceGetsItByAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(PlatformClockAutoConfiguration.class.getName());
    }

    @Test
    void withoutAClockOfItsOwnTheContextGetsTheSystemClockInUtc() {
        runner.run(context -> assertThat(context).getBean(Clock.class).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void aClockOfTheContextsOwnReplacesIt() {
        runner.withUserConfiguration(Pinned.class).run(context -> {
            assertThat(context).hasSingleBean(Clock.class);
            assertThat(context.getBean(Clock.class).instant()).isEqualTo(PINNED.instant());
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Pinned {
        @Bean
        Clock pinnedClock() {
            return PINNED;
        }
    }
}
