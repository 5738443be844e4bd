package io.streamvane.egress;

import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.model.kpi.Granularity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one reader of queue interval rows that the REST API, the OData feed, the push sinks and the wallboard share.
 * The only place egress names its base granularity: the shared default, as the engine stores it unless configured
 * otherwise. The source idle timeout is the delivery setting that must equal the engine's finality sweep's.
 */
@Configuration(proxyBeanMethods = false)
class QueueIntervalsConfiguration {

    @Bean
    QueueIntervals queueIntervals(DeliveryProperties delivery) {
        return new QueueIntervals(Granularity.DEFAULT_BASE, delivery.sourceIdleTimeout());
    }
}
