package io.streamvane.egress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the egress-service alone, against the shared metrics store. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EgressApplication {

    public static void main(String[] args) {
        SpringApplication.run(EgressApplication.class, args);
    }
}
