package io.streamvane.egress.rabbit;

import io.streamvane.egress.delivery.SinkProvider;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The RabbitMQ sink, on with streamvane.egress.rabbit.enabled=true. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RabbitSinkProperties.class)
@ConditionalOnProperty(prefix = "streamvane.egress.rabbit", name = "enabled", havingValue = "true")
class RabbitSinkConfiguration {

    @Bean(destroyMethod = "")
    SinkProvider rabbitSink(RabbitSinkProperties props, Clock clock) {
        RabbitSink sink = new RabbitSink(props, RabbitSink.connectionFactory(props), clock);
        return () -> List.of(sink);
    }
}
