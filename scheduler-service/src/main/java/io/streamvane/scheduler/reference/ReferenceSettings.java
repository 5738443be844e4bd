package io.streamvane.scheduler.reference;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.scheduler.reference.*}, defaults in code.
 *
 * @param pageSize queues and users asked for per page of the reference sync
 */
@Validated
@ConfigurationProperties("streamvane.scheduler.reference")
public record ReferenceSettings(@Min(1) @Max(500) @DefaultValue("100") int pageSize) {
}
