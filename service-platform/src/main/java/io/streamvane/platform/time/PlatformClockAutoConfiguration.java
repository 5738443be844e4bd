package io.streamvane.platform.time;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The process's one {@link Clock}, UTC. Every configuration that needs the time takes this bean instead of calling
 * {@code Clock.systemUTC()} itself, so a test pins time for the whole context by declaring its own {@code Clock}
 * bean: this one then backs off. No application component-scans this class (the single-process app scans
 * {@code io.streamvane} but excludes auto-configurations with {@code AutoConfigurationExcludeFilter}), so it is always
 * processed after the application's own beans and its condition sees the test's clock.
 *
 * <p>Registered in {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, so
 * every service with {@code @EnableAutoConfiguration} gets it without an {@code @Import}.
 */
@AutoConfiguration
public class PlatformClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
