package io.streamvane.egress.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.Sink;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the outbox retention where the delivery engine runs (it keeps the change log for that engine's sinks), on
 * a schedule in every replica, like ingress's partition maintenance: the job is idempotent, cheap when nothing is
 * due and guards itself with an advisory lock, so it needs no ShedLock (which egress does not carry).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RetentionProperties.class)
@ConditionalOnProperty(prefix = "streamvane.egress.delivery", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "streamvane.egress.delivery.retention", name = "enabled", matchIfMissing = true)
class RetentionConfiguration {

    @Bean
    OutboxRetention outboxRetention(DataSource dataSource, DeliveryEngine engine, RetentionProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRetention(dataSource, properties.limits(), engine.sinks().stream().map(Sink::name).toList(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    RetentionSchedule retentionSchedule(OutboxRetention retention, RetentionProperties properties) {
        return new RetentionSchedule(retention, properties);
    }
}
