package io.streamvane.egress;

import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.model.kpi.KpiSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one reader of queue interval rows that the REST API, the OData feed, the push sinks and the wallboard share.
 * Its base granularity and source idle timeout are {@code streamvane.kpi}'s, the engine's own.
 */
@Configuration(proxyBeanMethods = false)
class QueueIntervalsConfiguration {

    @Bean
    QueueIntervals queueIntervals(KpiSettings kpi) {
        return new QueueIntervals(kpi.baseGranularity(), kpi.sourceIdleTimeout());
    }
}
