package io.streamvane.engine.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.engine.finality.AcdSessionExpiry;
import io.streamvane.engine.finality.FinalitySweep;
import io.streamvane.engine.inbox.InboxConsumer;
import io.streamvane.engine.inbox.InboxMetrics;
import io.streamvane.engine.inbox.InboxWorkers;
import io.streamvane.engine.projection.Projector;
import io.streamvane.engine.projection.RangeRestatement;
import io.streamvane.engine.replay.ReplayService;
import io.streamvane.engine.settings.ServiceLevelSettingsSource;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.store.KpiSettingsStore;
import io.streamvane.model.store.Transactions;
import io.streamvane.platform.kpi.KpiSettingsOwner;
import io.streamvane.platform.kpi.KpiSettingsPublication;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The engine's beans, wired explicitly; Spring stays here and in {@link EngineLifecycle}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
public class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean
    Transactions engineTransactions(DataSource dataSource) {
        return new Transactions(dataSource);
    }

    /** The engine projects with the KPI settings, so at start-up it may change what the store holds. */
    @Bean
    KpiSettingsOwner kpiSettingsOwner() {
        return new KpiSettingsOwner();
    }

    @Bean
    ServiceLevelSettingsSource serviceLevelSettingsSource(Transactions engineTransactions,
            KpiSettingsPublication publication) {
        boolean changed = publication.outcome().orElse(null) instanceof KpiSettingsStore.Publication.Changed ch
                && !ch.previous().serviceLevel().equals(publication.settings().serviceLevel());
        return new ServiceLevelSettingsSource(engineTransactions, changed);
    }

    @Bean
    Projector projector(KpiSettings kpi, ServiceLevelSettingsSource serviceLevelSettingsSource) {
        return new Projector(kpi.baseGranularity(), serviceLevelSettingsSource);
    }

    @Bean
    RangeRestatement rangeRestatement(KpiSettings kpi, ServiceLevelSettingsSource serviceLevelSettingsSource) {
        return new RangeRestatement(kpi.baseGranularity(), serviceLevelSettingsSource, new EventParser());
    }

    /** One replay at a time per process; replicas serialise on the replay lock anyway. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService engineReplayRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "engine-replay");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    ReplayService replayService(Transactions engineTransactions, RangeRestatement rangeRestatement,
            ExecutorService engineReplayRunner, EngineProperties p,
            ServiceLevelSettingsSource serviceLevelSettingsSource, Clock clock) {
        EngineProperties.Replay r = p.replay();
        ReplayService replay = new ReplayService(engineTransactions, rangeRestatement,
                new ReplayService.Settings(r.chunk(), r.segmentSpan()), engineReplayRunner, clock);
        if (r.onSettingsChange()) {
            serviceLevelSettingsSource.onChange(() -> {
                try {
                    long id = replay.startRecent(r.settingsChangeHorizon());
                    log.info("service-level settings changed: replay {} of the last {}", id,
                            r.settingsChangeHorizon());
                } catch (Exception e) {
                    log.error("service-level settings changed but the replay could not be started", e);
                }
            });
        }
        return replay;
    }

    @Bean
    InboxConsumer inboxConsumer(Transactions engineTransactions, Projector projector, MeterRegistry meters) {
        return new InboxConsumer(engineTransactions, projector, new EventParser(),
                InboxMetrics.projectionLatency(meters)::record);
    }

    @Bean
    InboxMetrics inboxMetrics(DataSource dataSource, InboxConsumer inboxConsumer) {
        return new InboxMetrics(JdbcClient.create(dataSource), inboxConsumer);
    }

    @Bean
    InboxWorkers inboxWorkers(InboxConsumer inboxConsumer, DataSource dataSource, EngineProperties p) {
        return new InboxWorkers(inboxConsumer, dataSource, p.workers(), p.batchSize(), p.pollInterval());
    }

    @Bean
    FinalitySweep finalitySweep(Transactions engineTransactions, KpiSettings kpi) {
        return new FinalitySweep(engineTransactions, kpi.baseGranularity(), kpi.sourceIdleTimeout(), 5000);
    }

    @Bean
    AcdSessionExpiry acdSessionExpiry(Transactions engineTransactions, KpiSettings kpi, Clock clock) {
        return new AcdSessionExpiry(engineTransactions, kpi.acdSessionExpiry(), clock);
    }

    @Bean
    EngineLifecycle engineLifecycle(EngineProperties p, InboxWorkers inboxWorkers, FinalitySweep finalitySweep,
            AcdSessionExpiry acdSessionExpiry, ServiceLevelSettingsSource serviceLevelSettingsSource) {
        return new EngineLifecycle(p, inboxWorkers, finalitySweep, acdSessionExpiry, serviceLevelSettingsSource);
    }
}
