package io.streamvane.ingress;

import io.streamvane.platform.security.PlatformSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Runs the ingress-service alone, against the shared metrics store. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PlatformSecurityConfiguration.class)
public class IngressApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngressApplication.class, args);
    }
}
