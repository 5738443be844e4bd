package io.streamvane.egress.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.intervals.QueueIntervals;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the delivery engine over every {@link SinkProvider}; off with streamvane.egress.delivery.enabled=false. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
@ConditionalOnProperty(prefix = "streamvane.egress.delivery", name = "enabled", matchIfMissing = true)
class DeliveryConfiguration {

    @Bean
    DeliveryEngine deliveryEngine(DataSource dataSource, List<SinkProvider> providers, DeliveryProperties settings,
            QueueIntervals intervals, ObjectProvider<MeterRegistry> meters, Clock clock) {
        List<Sink> sinks = providers.stream().flatMap(p -> p.sinks().stream()).toList();
        return new DeliveryEngine(dataSource, sinks, settings, intervals,
                meters.getIfAvailable(SimpleMeterRegistry::new), clock);
    }
}
