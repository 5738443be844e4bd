package io.streamvane.reliability;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Every service in one context, as the standalone app composes them (its {@code StandaloneApplication} is the
 * same three annotations), but on a test database rather than the standalone's embedded one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan({"io.streamvane.ingress", "io.streamvane.engine", "io.streamvane.scheduler",
        "io.streamvane.egress", "io.streamvane.platform"})
@ComponentScan(basePackages = {"io.streamvane.ingress", "io.streamvane.engine", "io.streamvane.scheduler",
        "io.streamvane.egress", "io.streamvane.platform", "io.streamvane.model"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
public class AllServicesApplication {
}
