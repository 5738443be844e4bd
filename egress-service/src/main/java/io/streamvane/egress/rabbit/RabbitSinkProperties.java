package io.streamvane.egress.rabbit;

import io.streamvane.model.kpi.Granularity;
import java.net.URI;
import java.time.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The RabbitMQ sink ({@code streamvane.egress.rabbit.*}). It owns its connection (confirms and returns on), separate
 * from any {@code spring.rabbitmq} use elsewhere.
 *
 * @param uri            amqp://user:password@host:port/vhost (vhost URL-encoded, %2F for /)
 * @param exchange       topic exchange, declared durable if absent
 * @param confirmTimeout how long a publish may wait for the broker's confirm before it counts as failed
 * @param agents         also publish agent interval rows ({@code kpi.agent.<userId>.<granularity>}); off by default,
 *                       since a broker without a binding for them would return every one as unroutable
 */
@Validated
@ConfigurationProperties("streamvane.egress.rabbit")
public record RabbitSinkProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("rabbitmq") String name,
        @NotNull @DefaultValue("amqp://guest:guest@localhost:5672/%2F") URI uri,
        @NotBlank @DefaultValue("streamvane.kpi") String exchange,
        @NotNull @DefaultValue("PT15M") Granularity granularity,
        @DefaultValue("false") boolean finalOnly,
        @Min(1) @Max(10_000) @DefaultValue("100") int batchSize,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("false") boolean agents) {
}
