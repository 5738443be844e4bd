package io.streamvane.scheduler;

import io.streamvane.platform.security.PlatformSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Runs the scheduler-service alone, against the shared metrics store. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PlatformSecurityConfiguration.class)
public class SchedulerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SchedulerApplication.class, args);
    }
}
