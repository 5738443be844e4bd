package io.streamvane.engine;

import io.streamvane.platform.security.PlatformSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Runs the reactive-engine alone, against the shared metrics store. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PlatformSecurityConfiguration.class)
public class EngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(EngineApplication.class, args);
    }
}
