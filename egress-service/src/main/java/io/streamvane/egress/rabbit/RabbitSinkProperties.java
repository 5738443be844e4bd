package io.streamvane.egress.rabbit;

import io.streamvane.model.kpi.Granularity;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RabbitMQ sink ({@code streamvane.egress.rabbit.*}). It owns its connection (confirms and returns on), separate
 * from any {@code spring.rabbitmq} use elsewhere.
 *
 * @param uri            amqp://user:password@host:port/vhost (vhost URL-encoded, %2F for /)
 * @param exchange       topic exchange, declared durable if absent
 * @param confirmTimeout how long a publish may wait for the broker's confirm before it counts as failed
 */
@ConfigurationProperties("streamvane.egress.rabbit")
public record RabbitSinkProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("rabbitmq") String name,
        @DefaultValue("amqp://guest:guest@localhost:5672/%2F") URI uri,
        @DefaultValue("streamvane.kpi") String exchange,
        @DefaultValue("PT15M") Granularity granularity,
        @DefaultValue("false") boolean finalOnly,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10s") Duration confirmTimeout) {
}
