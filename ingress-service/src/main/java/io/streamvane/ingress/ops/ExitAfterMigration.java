package io.streamvane.ingress.ops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Migration-only run, as the Helm chart's migration Job starts it: with
 * {@code streamvane.migration.exit-after-migrate=true} (and {@code spring.flyway.enabled=true},
 * {@code spring.main.web-application-type=none}) Flyway migrates during start-up, then the process exits
 * with Spring's exit code instead of serving. A failed migration fails the start-up, so the Job fails.
 */
@Component
@ConditionalOnProperty(name = "streamvane.migration.exit-after-migrate", havingValue = "true")
class ExitAfterMigration implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        System.exit(SpringApplication.exit(event.getApplicationContext()));
    }
}
