package io.streamvane.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * How a service test pins time: a {@code @TestConfiguration} with a {@code @Primary} {@link Clock}, named in
 * {@code @Import} because {@code @SpringBootTest(classes = ...)} does not pick up nested configurations on its own.
 * It wins even where the platform's clock is registered as well, as in the single-process app, whose component scan
 * of {@code io.streamvane} picks up {@link PlatformClockAutoConfiguration} as a plain configuration (imported here
 * the same way).
 */
@SpringBootTest(classes = PinnedClockTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(PinnedClockTest.Pinned.class)
class PinnedClockTest {

    static final Instant NOON = Instant.parse("2025-10-26T12:00:00Z");

    @Autowired
    Clock clock;

    @Test
    void everyBeanThatTakesTheClockGetsThePinnedOne() {
        assertThat(clock.instant()).isEqualTo(NOON);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PlatformClockAutoConfiguration.class)
    static class App {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Pinned {
        @Bean
        @Primary
        Clock pinnedClock() {
            return Clock.fixed(NOON, ZoneOffset.UTC);
        }
    }
}
