package io.streamvane.engine.config;

import io.streamvane.engine.finality.AcdSessionExpiry;
import io.streamvane.engine.finality.FinalitySweep;
import io.streamvane.engine.inbox.InboxConsumer;
import io.streamvane.engine.inbox.InboxWorkers;
import io.streamvane.engine.projection.Projector;
import io.streamvane.engine.settings.ServiceLevelSettingsSource;
import io.streamvane.engine.store.Transactions;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.kpi.ServiceLevelOverride;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's beans, wired explicitly; Spring stays here and in {@link EngineLifecycle}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
public class EngineConfiguration {

    @Bean
    Transactions engineTransactions(DataSource dataSource) {
        return new Transactions(dataSource);
    }

    @Bean
    ServiceLevelSettingsSource serviceLevelSettingsSource(Transactions engineTransactions, EngineProperties p) {
        EngineProperties.ServiceLevel sl = p.serviceLevel();
        Map<String, ServiceLevelOverride> media = new HashMap<>();
        Map<String, ServiceLevelOverride> queue = new HashMap<>();
        if (sl.mediaType() != null) {
            sl.mediaType().forEach((k, v) -> media.put(k, v.toOverride()));
        }
        if (sl.queue() != null) {
            sl.queue().forEach((k, v) -> queue.put(k, v.toOverride()));
        }
        return new ServiceLevelSettingsSource(engineTransactions, new ServiceLevelSettingsSource.Configured(
                sl.global() == null ? ServiceLevelOverride.NONE : sl.global().toOverride(), media, queue));
    }

    @Bean
    Projector projector(EngineProperties p, ServiceLevelSettingsSource serviceLevelSettingsSource) {
        return new Projector(p.baseGranularity(), serviceLevelSettingsSource);
    }

    @Bean
    InboxConsumer inboxConsumer(Transactions engineTransactions, Projector projector) {
        return new InboxConsumer(engineTransactions, projector, new EventParser());
    }

    @Bean
    InboxWorkers inboxWorkers(InboxConsumer inboxConsumer, DataSource dataSource, EngineProperties p) {
        return new InboxWorkers(inboxConsumer, dataSource, p.workers(), p.batchSize(), p.pollInterval());
    }

    @Bean
    FinalitySweep finalitySweep(Transactions engineTransactions, EngineProperties p) {
        return new FinalitySweep(engineTransactions, p.finality().sourceIdleTimeout(), Clock.systemUTC(), 5000);
    }

    @Bean
    AcdSessionExpiry acdSessionExpiry(Transactions engineTransactions, EngineProperties p) {
        return new AcdSessionExpiry(engineTransactions, p.acdSessions().expireAfter(), Clock.systemUTC());
    }

    @Bean
    EngineLifecycle engineLifecycle(EngineProperties p, InboxWorkers inboxWorkers, FinalitySweep finalitySweep,
            AcdSessionExpiry acdSessionExpiry, ServiceLevelSettingsSource serviceLevelSettingsSource) {
        return new EngineLifecycle(p, inboxWorkers, finalitySweep, acdSessionExpiry, serviceLevelSettingsSource);
    }
}
