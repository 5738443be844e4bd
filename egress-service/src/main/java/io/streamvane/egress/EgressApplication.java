package io.streamvane.egress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the egress-service alone, against the shared metrics store. */
@SpringBootApplication
public class EgressApplication {

    public static void main(String[] args) {
        SpringApplication.run(EgressApplication.class, args);
    }
}
