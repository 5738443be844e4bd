package io.streamvane.ingress.servicebus;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.ingress.service-bus.*}: switches the Service Bus ingress on and tunes its store breaker; defaults
 * in code. The connection, entity, concurrency, prefetch, lock renewal and sessions are the spring-cloud-azure
 * {@code spring.cloud.azure.servicebus.processor.*} properties.
 *
 * @param enabled             off unless set: without it no processor is built
 * @param breakerName         the Resilience4j circuit breaker; tune it under
 *                            {@code resilience4j.circuitbreaker.instances.<name>.*}, else the defaults in code apply
 * @param storeProbeInterval  how often a paused processor checks whether the store is back
 * @param drainTimeout        how long a pausing processor waits for the messages already in the pipeline to be
 *                            committed and settled before it stops (see {@link ProcessorPause})
 */
@Validated
@ConfigurationProperties("streamvane.ingress.service-bus")
public record ServiceBusIngressProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("servicebus-store") String breakerName,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration storeProbeInterval,
        @NotNull @DurationMin(millis = 0) @DefaultValue("30s") Duration drainTimeout) {
}
